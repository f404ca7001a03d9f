// Cross-cutting HTTP protections: request ids and structured access logs, security headers with a
// real CSP, CSRF for cookie sessions (Origin check + token), and body limits.
import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler, Next } from "hono";
import type { AppEnv } from "./Api.ts";
import type { Logger } from "./Logger.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const requestContext =
  (logger: Logger): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId =
      incoming !== undefined && /^[\w.-]{8,64}$/u.test(incoming) ? incoming : randomUUID();
    c.set("requestId", requestId);
    const started = performance.now();
    await next();
    c.res.headers.set("x-request-id", requestId);
    const principal = c.get("principal");
    logger.info("request", {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(principal === undefined
        ? {}
        : { account: principal.accountId ?? principal.tokenId, role: principal.role }),
    });
  };

/** The API answers JSON only: nothing may run, load or frame. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Pages (the API reference now, the portal later) load only their own assets. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const headers = c.res.headers;
  if (!headers.has("content-security-policy")) headers.set("content-security-policy", API_CSP);
  headers.set("x-content-type-options", "nosniff");
  headers.set("x-frame-options", "DENY");
  // Portal pages set "same-origin" so browsers send a real Origin with their form posts.
  if (!headers.has("referrer-policy")) headers.set("referrer-policy", "no-referrer");
  headers.set("cross-origin-opener-policy", "same-origin");
  headers.set("cross-origin-resource-policy", "same-origin");
  headers.set("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
};

/**
 * Unsafe requests authenticated by the session cookie must come from the portal's own origin and
 * carry the session's CSRF token in `X-CSRF-Token`. Token-authenticated requests carry no cookie and
 * need neither.
 */
export const csrfProtection =
  (publicOrigin: string): MiddlewareHandler<AppEnv> =>
  async (c: Context<AppEnv>, next: Next) => {
    const principal = c.get("principal");
    if (SAFE_METHODS.has(c.req.method) || principal === undefined || principal.via !== "session")
      return next();
    const origin = c.req.header("origin") ?? originOf(c.req.header("referer"));
    const token = c.req.header("x-csrf-token");
    if (origin !== publicOrigin || token === undefined || token !== principal.csrfToken) {
      return c.json(
        {
          type: "about:blank",
          status: 403,
          title: "Request refused",
          detail:
            origin !== publicOrigin
              ? "The request did not come from the portal's own pages."
              : "The request is missing the X-CSRF-Token from GET /api/v1/session.",
          requestId: c.get("requestId"),
        },
        403,
        { "content-type": "application/problem+json" },
      );
    }
    return next();
  };

const originOf = (referer: string | undefined): string | undefined => {
  if (referer === undefined || !URL.canParse(referer)) return undefined;
  return new URL(referer).origin;
};

/**
 * Refuses bodies over `limit` bytes, whether declared by Content-Length or streamed, with a 413
 * problem document.
 */
export const bodyLimitProblem = (c: Context<AppEnv>, limit: number) =>
  c.json(
    {
      type: "about:blank",
      status: 413,
      title: "Too large",
      detail: `The limit is ${limit} bytes.`,
      requestId: c.get("requestId"),
    },
    413,
    { "content-type": "application/problem+json" },
  );
