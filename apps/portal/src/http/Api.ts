// A small route DSL over Hono: each route declares its method, path, schemas and who may call it.
// The same declarations validate requests and generate the OpenAPI document, so they cannot drift.
import { Cause, Effect, Exit, type ManagedRuntime, Result, Schema, SchemaIssue } from "effect";
import type { Context, Hono } from "hono";
import type { Principal } from "../auth/Principal.ts";
import {
  type AppConfig,
  type Db,
  type DbHandle,
  type JobSignal,
  Log,
  type Now,
  type Pdf,
  type StandardsData,
} from "../Services.ts";
import {
  type ApiError,
  InvalidInput,
  toProblem,
  Unauthenticated,
  UnsupportedMediaType,
} from "./Errors.ts";

export type AppEnv = {
  Variables: {
    requestId: string;
    principal: Principal | undefined;
    runtime: ManagedRuntime.ManagedRuntime<Services, never>;
  };
};

/** Every service a route may use; the runtime provides them all. */
export type Services = Db | DbHandle | Now | StandardsData | AppConfig | Log | JobSignal | Pdf;

export interface Reply {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** A raw response (files); wins over body. */
  readonly response?: Response;
}

type Method = "get" | "post" | "put" | "patch" | "delete";
type Access = "public" | "signed-in" | "signed-in-any";

export interface RouteSpec<B, Q> {
  readonly method: Method;
  /** Hono path, e.g. `/api/v1/services/:serviceId`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** `signed-in` refuses accounts that must first change their password; `signed-in-any` allows them. */
  readonly access: Access;
  readonly body?: Schema.Codec<B, unknown>;
  readonly query?: Schema.Codec<Q, unknown>;
  readonly response?: Schema.Top;
  /** Media types of a success that is not (only) JSON, e.g. `["text/csv", …]` for downloads. */
  readonly produces?: ReadonlyArray<string>;
  readonly successStatus?: number;
  /** Extra responses for the document (besides 400/401/403/404). */
  readonly errors?: ReadonlyArray<number>;
  readonly handler: (input: {
    readonly c: Context<AppEnv>;
    readonly principal: Principal;
    readonly params: Readonly<Record<string, string>>;
    readonly body: B;
    readonly query: Q;
  }) => Effect.Effect<Reply, ApiError, Services>;
}

export interface RouteInfo {
  readonly method: Method;
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  readonly body?: Schema.Top | undefined;
  readonly query?: Schema.Top | undefined;
  readonly response?: Schema.Top | undefined;
  readonly produces?: ReadonlyArray<string> | undefined;
  readonly successStatus: number;
  readonly errors: ReadonlyArray<number>;
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1();

/** Decodes unknown input, naming every problem's field. */
export const decode = <A>(
  schema: Schema.Codec<A, unknown>,
  input: unknown,
  root: string,
  excess: "error" | "ignore" = "error",
): Result.Result<A, InvalidInput> => {
  // Bodies refuse unknown keys (a typo must not be silently dropped); query strings ignore them
  // (tools add cache-busters and tracking parameters).
  const result = Schema.decodeUnknownResult(schema as Schema.Codec<A, unknown, never>)(input, {
    errors: "all",
    onExcessProperty: excess,
    reportInput: true,
  });
  if (Result.isSuccess(result)) return Result.succeed(result.success);
  return Result.fail(
    new InvalidInput({
      problems: formatter(result.failure.issue).issues.map((issue) => ({
        field: [
          root,
          ...(issue.path ?? []).map((segment) =>
            String(
              typeof segment === "object" && segment !== null && "key" in segment
                ? segment.key
                : segment,
            ),
          ),
        ].join("."),
        message: issue.message,
      })),
    }),
  );
};

const readJsonBody = async (c: Context<AppEnv>): Promise<Result.Result<unknown, ApiError>> => {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json(\s*;|$)/iu.test(type)) {
    return Result.fail(new UnsupportedMediaType({ expected: "application/json" }));
  }
  const text = await c.req.text();
  try {
    return Result.succeed(text === "" ? undefined : JSON.parse(text));
  } catch {
    return Result.fail(
      new InvalidInput({ problems: [{ field: "body", message: "is not valid JSON" }] }),
    );
  }
};

const problemResponse = (c: Context<AppEnv>, error: ApiError): Response => {
  const problem = toProblem(error);
  return new Response(
    JSON.stringify({
      type: "about:blank",
      status: problem.status,
      ...problem.body,
      requestId: c.get("requestId"),
    }),
    {
      status: problem.status,
      headers: { "content-type": "application/problem+json", ...problem.headers },
    },
  );
};

/** Runs an effect for a request: typed failures become problem documents, defects a logged 500. */
export const respond = async (
  c: Context<AppEnv>,
  effect: Effect.Effect<Reply, ApiError, Services>,
): Promise<Response> => {
  const exit = await c.get("runtime").runPromiseExit(effect);
  if (Exit.isSuccess(exit)) {
    const reply = exit.value;
    if (reply.response !== undefined) return reply.response;
    const status = reply.status ?? 200;
    if (reply.body === undefined)
      return new Response(null, { status, headers: reply.headers ?? {} });
    return new Response(JSON.stringify(reply.body), {
      status,
      headers: { "content-type": "application/json; charset=utf-8", ...reply.headers },
    });
  }
  const failure = exit.cause.reasons.find(Cause.isFailReason);
  if (failure !== undefined) return problemResponse(c, failure.error);
  const runtime = c.get("runtime");
  await runtime.runPromise(
    Log.use((log) =>
      Effect.sync(() =>
        log.error("unhandled defect", {
          requestId: c.get("requestId"),
          cause: Cause.pretty(exit.cause),
        }),
      ),
    ),
  );
  return new Response(
    JSON.stringify({
      type: "about:blank",
      status: 500,
      title: "Something went wrong",
      detail: "The error has been logged. Quote the request id if you contact the network team.",
      requestId: c.get("requestId"),
    }),
    { status: 500, headers: { "content-type": "application/problem+json" } },
  );
};

/** Declares and registers routes; `routes` lists them for the OpenAPI document. */
export class Router {
  readonly routes: Array<RouteInfo> = [];
  private readonly app: Hono<AppEnv>;
  constructor(app: Hono<AppEnv>) {
    this.app = app;
  }

  add<B = undefined, Q = undefined>(spec: RouteSpec<B, Q>): void {
    this.routes.push({
      method: spec.method,
      path: spec.path,
      summary: spec.summary,
      tag: spec.tag,
      access: spec.access,
      body: spec.body as Schema.Top | undefined,
      query: spec.query as Schema.Top | undefined,
      response: spec.response,
      produces: spec.produces,
      successStatus: spec.successStatus ?? 200,
      errors: spec.errors ?? [],
    });
    this.app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const principal = c.get("principal");
      if (spec.access !== "public") {
        if (principal === undefined) {
          return problemResponse(
            c,
            new Unauthenticated({ message: "Sign in, or send an API token." }),
          );
        }
        if (spec.access === "signed-in" && principal.mustChangePassword) {
          return problemResponse(
            c,
            new Unauthenticated({
              message: "Change your one-time password first (POST /api/v1/session/password).",
            }),
          );
        }
      }
      let body: unknown;
      if (spec.body !== undefined) {
        const raw = await readJsonBody(c);
        if (Result.isFailure(raw)) return problemResponse(c, raw.failure);
        const decoded = decode(spec.body, raw.success, "body");
        if (Result.isFailure(decoded)) return problemResponse(c, decoded.failure);
        body = decoded.success;
      }
      let queryValue: unknown;
      if (spec.query !== undefined) {
        const decoded = decode(spec.query, c.req.query(), "query", "ignore");
        if (Result.isFailure(decoded)) return problemResponse(c, decoded.failure);
        queryValue = decoded.success;
      }
      return respond(
        c,
        spec.handler({
          c,
          principal: principal as Principal,
          params: c.req.param() as Record<string, string>,
          body: body as B,
          query: queryValue as Q,
        }),
      );
    });
  }
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent: Reply = { status: 204 };
