// The network team's pages under /portal/network/: organisations, services, wards and logins; cycles
// and who is behind; peer-review rounds; network results, themes and the pack; background jobs.
import type { Hono } from "hono";
import type { WebEnv } from "../../env.ts";
import { registerNetworkBehind } from "./behind.ts";
import { registerNetworkCycles } from "./cycles.ts";
import { registerNetworkHome } from "./home.ts";
import { registerNetworkJobs } from "./jobs.ts";
import { registerNetworkOrganisations } from "./organisations.ts";
import { registerNetworkPeerReview } from "./peerReview.ts";
import { registerNetworkResults } from "./results.ts";
import { registerNetworkRound } from "./round.ts";
import { registerNetworkService } from "./service.ts";
import { registerNetworkThemes } from "./themes.ts";

export const registerNetworkPages = (web: Hono<WebEnv>): void => {
  registerNetworkHome(web);
  registerNetworkOrganisations(web);
  registerNetworkService(web);
  registerNetworkCycles(web);
  registerNetworkBehind(web);
  registerNetworkPeerReview(web);
  registerNetworkRound(web);
  registerNetworkResults(web);
  registerNetworkThemes(web);
  registerNetworkJobs(web);
};
