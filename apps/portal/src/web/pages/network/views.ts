// The shapes of the API answers the network-admin pages read (the route files under
// src/resources are the source of truth), and the small pieces every admin page shares.
import { isAdmin } from "../../../auth/Principal.ts";
import type { Crumb } from "../../components/basics.ts";
import type { WebContext } from "../../env.ts";
import { cycleParam } from "../../format.ts";
import { type Person, signedIn } from "../../render.ts";
import { forbiddenPage } from "../errors.ts";

export interface OrganisationView {
  readonly id: string;
  readonly name: string;
}

export interface AccountView {
  readonly id: string;
  readonly login: string;
  readonly displayName: string;
  readonly role: string;
  readonly revoked: boolean;
}

export interface IssuedLogin {
  readonly accountId: string;
  readonly login: string;
  readonly oneTimePassword: string;
}

export interface DeadlineView {
  readonly area: string;
  readonly due: string;
}

export type ScheduleView =
  | { readonly kind: "monthly"; readonly deadlines: ReadonlyArray<DeadlineView> }
  | {
      readonly kind: "quarterly";
      readonly minimumAreas: number;
      readonly deadlines: ReadonlyArray<DeadlineView>;
      readonly choice: { readonly count: number; readonly due: string };
    };

export interface CycleDetail {
  readonly label: string;
  readonly standardsVersion: string;
  readonly schedule: ScheduleView;
  readonly minimumParticipants: number;
}

export interface BehindView {
  readonly cycle: string;
  readonly today: string;
  readonly cycleEnded: boolean;
  readonly overdue: ReadonlyArray<{
    readonly serviceId: string;
    readonly name: string;
    readonly areas: ReadonlyArray<{
      readonly area: string;
      readonly name: string;
      readonly due: string;
    }>;
  }>;
  readonly belowMinimum: ReadonlyArray<{
    readonly serviceId: string;
    readonly name: string;
    readonly minimum: { readonly minimum: number; readonly submitted: number };
  }>;
}

export interface ServiceRef {
  readonly id: string;
  readonly name: string;
  readonly organisation: { readonly id: string; readonly name: string };
}

export interface RoundSummary {
  readonly id: string;
  readonly cycle: string;
  readonly status: "draft" | "published";
  readonly version: number;
  readonly pairCount: number;
  readonly createdAt: string;
  readonly publishedAt: string | null;
}

export interface RoundView extends RoundSummary {
  readonly pairs: ReadonlyArray<{
    readonly id: string;
    readonly area: { readonly slug: string; readonly name: string };
    readonly services: readonly [ServiceRef, ServiceRef];
    readonly repeatsPreviousCycle: boolean;
  }>;
  readonly unpaired: ReadonlyArray<{ readonly service: ServiceRef; readonly reason: string }>;
}

export type JobStatus = "queued" | "running" | "succeeded" | "failed";

export interface JobView {
  readonly id: string;
  readonly kind: string;
  readonly payload: unknown;
  readonly status: JobStatus;
  readonly progress: {
    readonly done: number;
    readonly total: number;
    readonly percent: number | null;
    readonly message: string;
  };
  readonly error: string | null;
  readonly artifact: { readonly href: string; readonly name: string } | null;
  readonly links: { readonly self: string; readonly events: string };
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface ThemeView {
  readonly title: string;
  readonly detail?: string;
}

export interface CycleThemesView {
  readonly cycle: string;
  readonly areas: ReadonlyArray<{
    readonly area: string;
    readonly name: string;
    readonly themes: ReadonlyArray<ThemeView>;
  }>;
}

export const NETWORK_HOME = "/portal/network/";

export const networkCrumbs = (...more: ReadonlyArray<Crumb>): ReadonlyArray<Crumb> => [
  { text: "Network", href: NETWORK_HOME },
  ...more,
];

/** A cycle's admin pages: /portal/network/cycles/2021-22/… */
export const cyclePath = (cycle: string, rest = ""): string =>
  `/portal/network/cycles/${encodeURIComponent(cycleParam(cycle))}${rest}`;

export const servicePath = (serviceId: string): string =>
  `/portal/network/services/${encodeURIComponent(serviceId)}`;

export const roundPath = (roundId: string): string =>
  `/portal/network/peer-review/${encodeURIComponent(roundId)}`;

export const jobPath = (jobId: string): string =>
  `/portal/network/jobs/${encodeURIComponent(jobId)}`;

/**
 * A network-admin page: anyone else gets "You cannot do this" before the page is built. The API
 * refuses them anyway; this only spares them a form they could never send.
 */
export const adminPage = (
  handler: (c: WebContext, person: Person) => Promise<Response> | Response,
) =>
  signedIn((c, person) =>
    isAdmin(person)
      ? handler(c, person)
      : forbiddenPage(c, "Only the network team can use the network pages."),
  );
