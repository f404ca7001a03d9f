// The portal's web pages under /portal: server-rendered, working without JavaScript, each a thin
// client of the JSON API in the same process (docs/web.md, decisions 019 and 021).

import { Hono } from "hono";
import type { Config } from "../Config.ts";
import type { AppEnv } from "../http/Api.ts";
import type { Logger } from "../http/Logger.ts";
import { registerAssets } from "./assets.ts";
import type { WebEnv } from "./env.ts";
import { registerAccountPages } from "./pages/accounts.ts";
import { registerActionForms } from "./pages/actionForm.ts";
import { registerActionsList } from "./pages/actionsList.ts";
import { registerAreaPage } from "./pages/area.ts";
import { registerAssessmentPage } from "./pages/assessment.ts";
import { registerAssessmentMethod } from "./pages/assessmentMethod.ts";
import { registerBenchmark } from "./pages/benchmark.ts";
import { registerCalendarPages } from "./pages/calendar.ts";
import { registerDashboard } from "./pages/dashboard.ts";
import { registerEasyRead } from "./pages/easyRead.ts";
import { handleWebError, notFoundPage } from "./pages/errors.ts";
import { registerNetworkPages } from "./pages/network/index.ts";
import { registerPassword } from "./pages/password.ts";
import { registerReportDownload } from "./pages/report.ts";
import { registerSignIn } from "./pages/signIn.ts";
import { registerStandardPage } from "./pages/standard.ts";
import { registerTablePage } from "./pages/table.ts";
import { registerTokenPages } from "./pages/tokens.ts";
import { registerYouSaidWeDid } from "./pages/youSaidWeDid.ts";
import { webBodyLimit, webProtection } from "./security.ts";

export interface WebDeps {
  readonly config: Config;
  readonly logger: Logger;
}

export const registerWebPages = (app: Hono<AppEnv>, deps: WebDeps): void => {
  const web = new Hono<WebEnv>();
  registerAssets(web);
  web.use(webBodyLimit(deps.config.maxUploadBytes));
  web.use(webProtection(app, deps.config.publicOrigin));

  registerSignIn(web);
  registerPassword(web);
  registerDashboard(web);
  registerAreaPage(web);
  registerAssessmentPage(web);
  registerAssessmentMethod(web);
  registerStandardPage(web);
  registerTablePage(web);
  registerEasyRead(web);
  registerActionsList(web);
  registerActionForms(web);
  registerYouSaidWeDid(web);
  registerAccountPages(web);
  registerTokenPages(web);
  registerCalendarPages(web, deps.config.publicOrigin);
  registerBenchmark(web);
  registerNetworkPages(web);
  registerReportDownload(web);

  // Last: anything else under /portal is a page that does not exist.
  web.all("*", (c) => (c.req.path === "/portal" ? c.redirect("/portal/", 301) : notFoundPage(c)));
  web.onError((error, c) =>
    handleWebError(error, c, (message, fields) => deps.logger.error(message, fields)),
  );
  // Mounted at "/portal/" so that the dashboard's "/" is /portal/ (Hono keeps trailing slashes strict).
  app.route("/portal/", web);
};
