// "You said, we did": what the service did about the standards service users raised, in easy-read
// words with symbols, ready to print for a ward noticeboard.
import type { Hono } from "hono";
import { apiPath, expectOk } from "../api.ts";
import { symbolImage } from "../components/scores.ts";
import type { WebEnv } from "../env.ts";
import { cycleParam } from "../format.ts";
import { html } from "../html.ts";
import { renderPage, signedIn } from "../render.ts";
import { actionsPath, chosenCycle } from "./actionsList.ts";

interface YouSaidWeDid {
  readonly service: string;
  readonly cycle: string;
  readonly items: ReadonlyArray<{
    readonly actionId: string;
    readonly area: { readonly name: string; readonly symbol: string };
    readonly standard: { readonly id: string; readonly easyRead: string; readonly symbol: string };
    readonly what: string;
    readonly outcome: string | null;
  }>;
  readonly symbolsCredit: string;
}

export const registerYouSaidWeDid = (web: Hono<WebEnv>): void => {
  web.get(
    "/services/:serviceId/you-said-we-did",
    signedIn(async (c) => {
      const serviceId = c.req.param("serviceId") ?? "";
      const cycle = await chosenCycle(c);
      if (cycle === undefined) return c.redirect(actionsPath(serviceId), 303);
      const view = expectOk<YouSaidWeDid>(
        await c.var.api.get(
          `${apiPath`/api/v1/services/${serviceId}/you-said-we-did`}?cycle=${cycleParam(cycle)}`,
        ),
      );
      return renderPage(
        c,
        {
          title: `You said, we did ${view.cycle}`,
          crumbs: [
            { text: "Dashboard", href: "/portal/" },
            { text: "Action plan", href: actionsPath(serviceId, `?cycle=${cycleParam(cycle)}`) },
          ],
        },
        html`<span class="nhsuk-caption-l">${view.service} · ${view.cycle}</span>
<h1>You said, we did</h1>
<p class="app-no-print"><button class="nhsuk-button nhsuk-button--secondary" type="button" data-print hidden>Print this page</button></p>
${
  view.items.length === 0
    ? html`<p>No actions are done yet this year. When an action is marked done, it appears here.</p>`
    : view.items.map(
        (item) => html`<div class="app-ysww-item">
  ${symbolImage(item.standard.symbol, "", 72)}
  <div>
    <h2 class="nhsuk-heading-s">${item.area.name}</h2>
    <p><strong>You said:</strong> ${item.standard.easyRead}</p>
    <p><strong>We did:</strong> ${item.outcome ?? item.what}</p>
  </div>
</div>`,
      )
}
<p class="nhsuk-body-s">${view.symbolsCredit}</p>`,
      );
    }),
  );
};
