// createApp(deps): the whole portal as a Hono app, with no global state. main.ts serves it; tests
// call app.request().
import type { DatabaseHandle } from "@sequin/db";
import type { LoadedStandards } from "@sequin/standards";
import { type Effect, Layer, ManagedRuntime } from "effect";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { principalFromSession, principalFromToken, SESSION_COOKIE } from "./auth/Sessions.ts";
import type { Config } from "./Config.ts";
import { type AppEnv, Router, type Services } from "./http/Api.ts";
import type { Logger } from "./http/Logger.ts";
import {
  bodyLimitProblem,
  csrfProtection,
  requestContext,
  securityHeaders,
} from "./http/Security.ts";
import { openApiDocument } from "./openapi/document.ts";
import { registerApiReference } from "./openapi/reference.ts";
import { registerAccountRoutes } from "./resources/accounts/routes.ts";
import { registerActionRoutes } from "./resources/actions/routes.ts";
import { registerAssessmentRoutes } from "./resources/assessments/routes.ts";
import { registerBenchmarkRoutes } from "./resources/benchmarks/routes.ts";
import { registerCycleRoutes } from "./resources/cycles/routes.ts";
import { registerHealthRoutes } from "./resources/health/routes.ts";
import { registerNetworkRoutes } from "./resources/network/routes.ts";
import { registerCalendarFeed } from "./resources/schedule/feeds.ts";
import { registerScheduleRoutes } from "./resources/schedule/routes.ts";
import { registerSessionRoutes } from "./resources/session/routes.ts";
import { registerUploadRoutes } from "./resources/uploads/routes.ts";
import { AppConfig, Db, DbHandle, Log, Now, StandardsData } from "./Services.ts";

export interface AppDeps {
  readonly database: DatabaseHandle;
  readonly standards: LoadedStandards;
  readonly config: Config;
  readonly logger: Logger;
  /** The clock; tests move it. */
  readonly now?: () => Date;
}

export interface App {
  readonly app: Hono<AppEnv>;
  readonly router: Router;
  readonly runtime: ManagedRuntime.ManagedRuntime<Services, never>;
  readonly dispose: () => Promise<void>;
}

const JSON_BODY_LIMIT = 1024 * 1024;

export const createApp = (deps: AppDeps): App => {
  const layer = Layer.mergeAll(
    Layer.succeed(Db, deps.database.db),
    Layer.succeed(DbHandle, deps.database),

    Layer.succeed(Now, deps.now ?? (() => new Date())),
    Layer.succeed(StandardsData, deps.standards),
    Layer.succeed(AppConfig, deps.config),
    Layer.succeed(Log, deps.logger),
  );
  const runtime = ManagedRuntime.make(layer);
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
        ? await runtime.runPromise(principalFromToken(bearer, now()))
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

  const document = openApiDocument(router.routes);
  app.get("/api/v1/openapi.json", (c) => c.json(document));
  registerApiReference(app);

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

  return { app, router, runtime, dispose: () => runtime.dispose() };
};

/** Runs an effect with the app's services (seeding, CLI commands, tests). */
export const runWith = <A, E>(app: App, effect: Effect.Effect<A, E, Services>): Promise<A> =>
  app.runtime.runPromise(effect);
