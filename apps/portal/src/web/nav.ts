// The header's navigation: which pages a signed-in person reaches from every page. Helpers that add
// a section add its entry here.
import { isAdmin, leadsService, type Principal } from "../auth/Principal.ts";

export interface NavItem {
  readonly text: string;
  readonly href: string;
}

export const navigationFor = (principal: Principal): ReadonlyArray<NavItem> => {
  if (isAdmin(principal))
    return [
      { text: "Services", href: "/portal/" },
      { text: "Network", href: "/portal/network/" },
    ];
  const serviceId = principal.serviceId;
  if (serviceId === null) return [];
  const base = `/portal/services/${serviceId}`;
  return [
    { text: "Dashboard", href: "/portal/" },
    { text: "Action plan", href: `${base}/actions` },
    { text: "Benchmark", href: `${base}/benchmark` },
    ...(leadsService(principal, serviceId) ? [{ text: "Accounts", href: `${base}/accounts` }] : []),
  ];
};
