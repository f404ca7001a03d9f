// Calendar feeds: a secret web address calendar apps subscribe to for the service's deadlines.
// The address is shown once when it is made; revoking it stops the feed.
import type { Hono } from "hono";
import { apiPath, expectOk } from "../api.ts";
import { button, insetText, notificationBanner, tag } from "../components/basics.ts";
import type { WebContext, WebEnv } from "../env.ts";
import { formatDateTime } from "../format.ts";
import { csrfField } from "../forms.ts";
import { html } from "../html.ts";
import { renderPage, seeOther, signedIn } from "../render.ts";

interface FeedView {
  readonly id: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

const base = (c: WebContext) => `/portal/services/${c.req.param("serviceId") ?? ""}/calendar`;

export const registerCalendarPages = (web: Hono<WebEnv>, publicOrigin: string): void => {
  web.get(
    "/services/:serviceId/calendar",
    signedIn(async (c, person) => {
      const feeds = expectOk<ReadonlyArray<FeedView>>(
        await c.var.api.get(
          apiPath`/api/v1/services/${c.req.param("serviceId") ?? ""}/calendar-feeds`,
        ),
      );
      return renderPage(
        c,
        { title: "Deadlines in your calendar", crumbs: [{ text: "Dashboard", href: "/portal/" }] },
        html`${c.req.query("revoked") === "1" ? notificationBanner("The calendar feed has been stopped.", { success: true }) : ""}
<h1>Deadlines in your calendar</h1>
<p>Make a calendar feed and subscribe to it in Outlook, Google Calendar or your phone's calendar. Each area's deadline appears there and stays up to date.</p>
${
  feeds.length === 0
    ? html`<p>No calendar feeds yet.</p>`
    : html`<ul class="nhsuk-list nhsuk-list--border">${feeds.map(
        (feed) =>
          html`<li>Made ${formatDateTime(feed.createdAt)} ${
            feed.revokedAt === null
              ? html`<form method="post" action="${base(c)}/${feed.id}/revoke" novalidate>${csrfField(person.csrfToken)}<button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" data-module="nhsuk-button" type="submit">Stop this feed<span class="nhsuk-u-visually-hidden"> made ${formatDateTime(feed.createdAt)}</span></button></form>`
              : tag("Stopped", "grey")
          }</li>`,
      )}</ul>`
}
<form method="post" action="${base(c)}" novalidate>
  ${csrfField(person.csrfToken)}
  ${button("Make a calendar feed")}
</form>`,
      );
    }),
  );

  web.post(
    "/services/:serviceId/calendar",
    signedIn(async (c) => {
      const created = expectOk<{ url: string }>(
        await c.var.api.post(
          apiPath`/api/v1/services/${c.req.param("serviceId") ?? ""}/calendar-feeds`,
          {},
        ),
      );
      const url = new URL(created.url, publicOrigin).toString();
      return renderPage(
        c,
        {
          title: "Calendar feed made",
          crumbs: [
            { text: "Dashboard", href: "/portal/" },
            { text: "Calendar", href: base(c) },
          ],
        },
        html`<h1>Calendar feed made</h1>
<p>Subscribe to this address in your calendar app ("add calendar from the internet" or "subscribe"):</p>
<p><code class="app-secret">${url}</code></p>
${insetText("Anyone with this address can see your deadlines, so share it only with your team. It is shown only now; stop the feed here if it gets out.")}
<p><a href="${base(c)}">Back</a></p>`,
      );
    }),
  );

  web.post(
    "/services/:serviceId/calendar/:feedId/revoke",
    signedIn(async (c) => {
      expectOk(
        await c.var.api.delete(
          apiPath`/api/v1/services/${c.req.param("serviceId") ?? ""}/calendar-feeds/${c.req.param("feedId") ?? ""}`,
        ),
      );
      return seeOther(c, `${base(c)}?revoked=1`);
    }),
  );
};
