// The web layer's protections. Form posts must come from the portal's own origin and, when signed
// in, carry the session's CSRF token in a hidden field (forms cannot send headers). Pages get a
// strict CSP of their own: no inline script or style at all.
import { timingSafeEqual } from "node:crypto";
import type { Hono, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../http/Api.ts";
import { apiClient } from "./api.ts";
import type { WebEnv } from "./env.ts";
import { CSRF_FIELD, field, readForm } from "./forms.ts";
import { expiredFormPage, problemPage } from "./pages/errors.ts";

/** Stricter than the API reference's: styles only from files, so no `'unsafe-inline'` anywhere. */
export const PORTAL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const sameSecret = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

const originOf = (c: Parameters<MiddlewareHandler<WebEnv>>[0]): string | undefined => {
  const origin = c.req.header("origin");
  if (origin !== undefined && origin !== "null") return origin;
  const referer = c.req.header("referer");
  return referer !== undefined && URL.canParse(referer) ? new URL(referer).origin : undefined;
};

export const webProtection =
  (app: Hono<AppEnv>, publicOrigin: string): MiddlewareHandler<WebEnv> =>
  async (c, next) => {
    c.set("api", apiClient(app, c as never, publicOrigin));
    if (!SAFE_METHODS.has(c.req.method)) {
      if (originOf(c) !== publicOrigin)
        return expiredFormPage(c, "The form did not come from this website's own pages.");
      const principal = c.get("principal");
      if (principal?.via === "session" && principal.csrfToken !== null) {
        const sent = c.req.header("x-csrf-token") ?? field(await readForm(c), CSRF_FIELD);
        if (!sameSecret(sent, principal.csrfToken))
          return expiredFormPage(c, "The form was older than your current sign-in.");
      }
    }
    await next();
    if ((c.res.headers.get("content-type") ?? "").startsWith("text/html")) {
      c.res.headers.set("content-security-policy", PORTAL_CSP);
      // Same-origin referrers let browsers send a real Origin with form posts (with "no-referrer"
      // Chromium sends `Origin: null`), while other sites still learn nothing.
      c.res.headers.set("referrer-policy", "same-origin");
    }
  };

/** Bodies of page posts: forms are small; the upload page is allowed the configured file size. */
export const webBodyLimit = (maxUploadBytes: number): MiddlewareHandler<WebEnv> =>
  bodyLimit({
    maxSize: maxUploadBytes + 256 * 1024,
    onError: (c) => problemPage(c as never, 413) as Response,
  });
