// Rendering a page inside the layout, and the redirects pages answer form posts with.
import type { Principal } from "../auth/Principal.ts";
import { type LayoutOptions, layout } from "./components/layout.ts";
import type { WebContext } from "./env.ts";
import type { Html } from "./html.ts";

export type PageOptions = Omit<LayoutOptions, "principal" | "path">;

export const renderPage = (
  c: WebContext,
  options: PageOptions,
  content: Html,
  status: 200 | 400 | 403 | 404 | 409 | 413 | 422 | 429 | 500 = 200,
): Response | Promise<Response> =>
  c.html(layout({ ...options, principal: c.get("principal"), path: c.req.path }, content), status);

/** After a form post: always 303, so reloading the next page does not post again. */
export const seeOther = (c: WebContext, location: string): Response => c.redirect(location, 303);

/** A person signed in through a session (pages are not for API tokens). */
export type Person = Principal & { readonly via: "session"; readonly csrfToken: string };

export const personOf = (c: WebContext): Person | undefined => {
  const principal = c.get("principal");
  return principal?.via === "session" && principal.csrfToken !== null
    ? (principal as Person)
    : undefined;
};

/**
 * Only local portal paths may be returned to after signing in: anything else (another site,
 * `//host`, a backslash trick) goes to the dashboard.
 */
export const safeNext = (value: string | undefined): string => {
  if (value === undefined || !/^\/portal(\/[\w\-./%?=&]*)?$/u.test(value) || value.includes("//"))
    return "/portal/";
  return value;
};

/** Where to come back to: the page itself for GET, the dashboard after a refused post. */
const here = (c: WebContext): string => {
  const url = new URL(c.req.url);
  return safeNext(c.req.method === "GET" ? `${url.pathname}${url.search}` : "/portal/");
};

export const signInRedirect = (c: WebContext): Response =>
  seeOther(c, `/portal/sign-in?next=${encodeURIComponent(here(c))}`);

/**
 * Wraps a page that needs a signed-in person. Accounts with a one-time password are sent to choose
 * their own first (the API refuses them everything else anyway).
 */
export const signedIn =
  (
    handler: (c: WebContext, person: Person) => Promise<Response> | Response,
    options: { readonly allowPasswordChange?: boolean } = {},
  ) =>
  (c: WebContext): Promise<Response> | Response => {
    const person = personOf(c);
    if (person === undefined) return signInRedirect(c);
    if (person.mustChangePassword && options.allowPasswordChange !== true)
      return seeOther(c, `/portal/password?next=${encodeURIComponent(here(c))}`);
    return handler(c, person);
  };
