// Who is making a request, and what each role may do. Authorisation decisions live here so that
// every route asks the same questions.
export type Role =
  | "network-admin"
  | "service-login"
  | "service-lead"
  | "staff"
  | "service-user-rep"
  | "api-token";

export interface Principal {
  readonly accountId: string | null;
  readonly tokenId: string | null;
  readonly role: Role;
  readonly login: string;
  readonly displayName: string;
  readonly organisationId: string | null;
  readonly serviceId: string | null;
  readonly via: "session" | "token";
  readonly csrfToken: string | null;
  readonly sessionHash: string | null;
  readonly mustChangePassword: boolean;
}

export const isAdmin = (principal: Principal): boolean => principal.role === "network-admin";

/** Roles that act for a whole service: invite and revoke accounts, issue tokens, submit. */
export const leadsService = (principal: Principal, serviceId: string): boolean =>
  principal.serviceId === serviceId &&
  (principal.role === "service-login" || principal.role === "service-lead");

/** Any member of the service (including its API tokens). */
export const belongsTo = (principal: Principal, serviceId: string): boolean =>
  principal.serviceId === serviceId;

/** Network admins see every service; everyone else only their own. */
export const canReadService = (principal: Principal, serviceId: string): boolean =>
  isAdmin(principal) || belongsTo(principal, serviceId);
