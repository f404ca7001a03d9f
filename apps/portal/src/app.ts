// createApp(deps): the whole portal as a Hono app, with no global state. main.ts serves it; tests
// call app.request().
import type { DatabaseHandle } from "@sequin/db";
import type { LoadedStandards } from "@sequin/standards";
import { type Effect, Layer, ManagedRuntime } from "effect";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import {
  principalFromSession,
  principalFromToken,
  recentlyVerifiedToken,
  SESSION_COOKIE,
} from "./auth/Sessions.ts";
import type { Config } from "./Config.ts";
import { type AppEnv, Router, type Services } from "./http/Api.ts";
import type { Logger } from "./http/Logger.ts";
import {
  bodyLimitProblem,
  csrfProtection,
  requestContext,
  securityHeaders,
} from "./http/Security.ts";
import { jobHandlers, maintenance } from "./jobs/handlers.ts";
import { type JobWorker, makeJobWorker } from "./jobs/Worker.ts";
import { openApiDocument } from "./openapi/document.ts";
import { registerApiReference } from "./openapi/reference.ts";
import { localPrinter, type Printer, remotePrinter } from "./pdf/Printer.ts";
import { registerAccountRoutes } from "./resources/accounts/routes.ts";
import { registerActionRoutes } from "./resources/actions/routes.ts";
import { registerAssessmentRoutes } from "./resources/assessments/routes.ts";
import { registerBenchmarkRoutes } from "./resources/benchmarks/routes.ts";
import { registerCycleRoutes } from "./resources/cycles/routes.ts";
import { registerExportRoutes } from "./resources/exports/routes.ts";
import { registerHealthRoutes } from "./resources/health/routes.ts";
import { registerJobRoutes } from "./resources/jobs/routes.ts";
import { registerNetworkRoutes } from "./resources/network/routes.ts";
import { registerPeerReviewRoutes } from "./resources/peer-review/routes.ts";
import { registerReportRoutes } from "./resources/reports/routes.ts";
import { registerCalendarFeed } from "./resources/schedule/feeds.ts";
import { registerScheduleRoutes } from "./resources/schedule/routes.ts";
import { registerSessionRoutes } from "./resources/session/routes.ts";
import { registerThemeRoutes } from "./resources/themes/routes.ts";
import { registerUploadRoutes } from "./resources/uploads/routes.ts";
import { AppConfig, Db, DbHandle, JobSignal, Log, Now, Pdf, StandardsData } from "./Services.ts";
import { registerPublicSite } from "./site.ts";
import { registerWebPages } from "./web/index.ts";

export interface AppDeps {
  readonly database: DatabaseHandle;
  readonly standards: LoadedStandards;
  readonly config: Config;
  readonly logger: Logger;
  /** The clock; tests move it. */
  readonly now?: () => Date;
  /** Prints PDFs; by default in-process, or through `config.pdfServiceUrl`. */
  readonly printer?: Printer;
  /** How often the job worker polls the shared queue (it is started with `app.jobs.start()`). */
  readonly jobPollMs?: number;
}

export interface App {
  readonly app: Hono<AppEnv>;
  readonly router: Router;
  readonly runtime: ManagedRuntime.ManagedRuntime<Services, never>;
  /** Background jobs in this process: main.ts starts the worker; tests drive it with runOnce(). */
  readonly jobs: JobWorker;
  readonly dispose: () => Promise<void>;
}

const JSON_BODY_LIMIT = 1024 * 1024;

export const createApp = (deps: AppDeps): App => {
  // The worker needs the runtime and the runtime offers the worker's wake-up: tie the knot late.
  const signal = { wake: () => {} };
  const printer =
    deps.printer ??
    (deps.config.pdfServiceUrl === undefined
      ? localPrinter(deps.config.chromiumPath)
      : remotePrinter(deps.config.pdfServiceUrl));
  const layer = Layer.mergeAll(
    Layer.succeed(Db, deps.database.db),
    Layer.succeed(DbHandle, deps.database),

    Layer.succeed(Now, deps.now ?? (() => new Date())),
    Layer.succeed(StandardsData, deps.standards),
    Layer.succeed(AppConfig, deps.config),
    Layer.succeed(Log, deps.logger),
    Layer.succeed(JobSignal, { wake: () => signal.wake() }),
    Layer.succeed(Pdf, printer),
  );
  const runtime = ManagedRuntime.make(layer);
  const jobs = makeJobWorker(runtime, {
    handlers: jobHandlers,
    logger: deps.logger,
    housekeeping: maintenance,
    ...(deps.jobPollMs === undefined ? {} : { pollMs: deps.jobPollMs }),
  });
  signal.wake = jobs.wake;
  const now = deps.now ?? (() => new Date());

  const app = new Hono<AppEnv>();
  app.use(requestContext(deps.logger));
  app.use(securityHeaders);
  app.use(async (c, next) => {
    c.set("runtime", runtime);
    const bearer = /^Bearer\s+(sqt_[\w-]{20,})$/u.exec(c.req.header("authorization") ?? "")?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    const principal =
      bearer !== undefined
        ? (recentlyVerifiedToken(deps.database.db, bearer, now()) ??
          (await runtime.runPromise(principalFromToken(bearer, now()))))
        : cookie !== undefined
          ? await runtime.runPromise(principalFromSession(cookie, now()))
          : undefined;
    c.set("principal", principal);
    return next();
  });
  app.use("/api/*", csrfProtection(deps.config.publicOrigin));
  app.use("/api/*", async (c, next) => {
    // Uploads have their own, larger limit (checked on the stream in their route).
    if (c.req.path.endsWith("/upload")) return next();
    // A declared length is checked as declared (Node's parser refuses a body that disagrees). Only
    // bodies without one are counted on the stream: that wraps the request in a web stream, which
    // costs every JSON write a noticeable share of its CPU.
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number(declared) > JSON_BODY_LIMIT ? bodyLimitProblem(c, JSON_BODY_LIMIT) : next();
    }
    return bodyLimit({
      maxSize: JSON_BODY_LIMIT,
      onError: (ctx) => bodyLimitProblem(ctx as never, JSON_BODY_LIMIT),
    })(c, next);
  });

  const router = new Router(app);
  registerHealthRoutes(app, deps.database);
  registerCalendarFeed(app);
  registerSessionRoutes(router);
  registerNetworkRoutes(router);
  registerAccountRoutes(router);
  registerCycleRoutes(router);
  registerAssessmentRoutes(router);
  registerActionRoutes(router);
  registerUploadRoutes(router);
  registerScheduleRoutes(router);
  registerBenchmarkRoutes(router);
  registerExportRoutes(router);
  registerPeerReviewRoutes(router);
  registerJobRoutes(router);
  registerReportRoutes(router);
  registerThemeRoutes(router);

  const document = openApiDocument(router.routes);
  app.get("/api/v1/openapi.json", (c) => c.json(document));
  registerApiReference(app);
  registerWebPages(app, deps);

  registerPublicSite(app, deps.config.siteDir);

  app.notFound((c) =>
    c.json(
      { type: "about:blank", status: 404, title: "Not found", requestId: c.get("requestId") },
      404,
      {
        "content-type": "application/problem+json",
      },
    ),
  );
  app.onError((error, c) => {
    deps.logger.error("unhandled error", {
      requestId: c.get("requestId"),
      error: String(error),
      stack: error.stack,
    });
    return c.json(
      {
        type: "about:blank",
        status: 500,
        title: "Something went wrong",
        requestId: c.get("requestId"),
      },
      500,
      { "content-type": "application/problem+json" },
    );
  });

  return {
    app,
    router,
    runtime,
    jobs,
    dispose: async () => {
      await jobs.stop();
      await printer.close();
      await runtime.dispose();
    },
  };
};

/** Runs an effect with the app's services (seeding, CLI commands, tests). */
export const runWith = <A, E>(app: App, effect: Effect.Effect<A, E, Services>): Promise<A> =>
  app.runtime.runPromise(effect);
