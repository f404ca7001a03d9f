// Pages for what went wrong: not found, not allowed, an expired form, and the service's own faults
// (with the request id to quote). API failures a page did not expect arrive here as ApiFailure.
import { ApiFailure } from "../api.ts";
import type { WebContext } from "../env.ts";
import { html } from "../html.ts";
import { renderPage, signInRedirect } from "../render.ts";

export const notFoundPage = (c: WebContext) =>
  renderPage(
    c,
    { title: "Page not found" },
    html`<h1>Page not found</h1>
<p>If you typed the web address, check it is correct.</p>
<p>If you pasted the web address, check you copied the entire address.</p>
<p><a href="/portal/">Go to your dashboard</a></p>`,
    404,
  );

export const forbiddenPage = (c: WebContext, detail?: string) =>
  renderPage(
    c,
    { title: "You cannot do this" },
    html`<h1>You cannot do this</h1>
<p>${detail ?? "Your account does not allow this."}</p>
<p>If you think you should be able to, ask your service lead or the network team.</p>
<p><a href="/portal/">Go to your dashboard</a></p>`,
    403,
  );

export const expiredFormPage = (c: WebContext, reason: string) =>
  renderPage(
    c,
    { title: "Your form could not be sent" },
    html`<h1>Your form could not be sent</h1>
<p>${reason}</p>
<p>Go back, reload the page and try again. Nothing was changed.</p>
<p><a href="/portal/">Go to your dashboard</a></p>`,
    403,
  );

export const problemPage = (c: WebContext, status: 500 | 413 | 429 = 500, detail?: string) =>
  renderPage(
    c,
    {
      title:
        status === 413
          ? "The file or form is too large"
          : status === 429
            ? "Too many attempts"
            : "Sorry, there is a problem with the service",
    },
    html`<h1>${
      status === 413
        ? "The file or form is too large"
        : status === 429
          ? "Too many attempts"
          : "Sorry, there is a problem with the service"
    }</h1>
<p>${detail ?? "Try again later. What you saved before is safe."}</p>
<p>If it keeps happening, contact the network team and quote this reference: <strong>${c.get("requestId")}</strong></p>`,
    status,
  );

/** The web layer's onError: turns an unexpected API answer or a fault into a page. */
export const handleWebError = (
  error: unknown,
  c: WebContext,
  log: (message: string, fields: Record<string, unknown>) => void,
) => {
  if (error instanceof ApiFailure) {
    const { status, body } = error.answer;
    const detail = typeof body?.detail === "string" ? body.detail : undefined;
    if (status === 401) return signInRedirect(c);
    if (status === 403) return forbiddenPage(c, detail);
    if (status === 404) return notFoundPage(c);
    if (status === 429) return problemPage(c, 429, detail);
    if (status === 413) return problemPage(c, 413, detail);
    log("page got an unexpected API answer", {
      requestId: c.get("requestId"),
      path: c.req.path,
      status,
      body,
    });
    return problemPage(c, 500);
  }
  log("unhandled page error", {
    requestId: c.get("requestId"),
    path: c.req.path,
    error: String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
  return problemPage(c, 500);
};
