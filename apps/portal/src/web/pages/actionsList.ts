// A service's action plan for a cycle: overdue actions first, each with its standard, owner, due
// date and status, and the way to "You said, we did".
import type { Hono } from "hono";
import { apiPath, expectOk } from "../api.ts";
import { buttonLink, notificationBanner, tag } from "../components/basics.ts";
import type { WebContext, WebEnv } from "../env.ts";
import { currentCycle, cycleLabel, cycleParam, formatDate, todayOf } from "../format.ts";
import { type Html, html } from "../html.ts";
import { renderPage, signedIn } from "../render.ts";
import type { ActionStatus, ActionView, CycleView } from "../views.ts";

export const ACTION_STATUS: Record<
  ActionStatus,
  { readonly text: string; readonly colour: "grey" | "blue" | "green" | "white" }
> = {
  "not-started": { text: "Not started", colour: "grey" },
  "in-progress": { text: "In progress", colour: "blue" },
  done: { text: "Done", colour: "green" },
  dropped: { text: "Dropped", colour: "white" },
};

export const actionsPath = (serviceId: string, rest = "") =>
  `/portal/services/${serviceId}/actions${rest}`;

/** The cycle asked for in the query, or the current one. */
export const chosenCycle = async (c: WebContext): Promise<string | undefined> => {
  const asked = c.req.query("cycle");
  if (asked !== undefined && asked !== "") return cycleLabel(asked);
  const cycles = expectOk<ReadonlyArray<CycleView>>(await c.var.api.get("/api/v1/cycles"));
  return currentCycle(
    cycles.map((cycle) => cycle.label),
    await todayOf(c),
  );
};

export const actionsTable = (
  serviceId: string,
  actions: ReadonlyArray<ActionView>,
  caption: string,
): Html =>
  html`<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption nhsuk-table__caption--m">${caption}</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Standard</th>
    <th scope="col" class="nhsuk-table__header">Action</th>
    <th scope="col" class="nhsuk-table__header">Owner</th>
    <th scope="col" class="nhsuk-table__header">Due</th>
    <th scope="col" class="nhsuk-table__header">Status</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
    ${actions.map(
      (action) => html`<tr class="nhsuk-table__row">
      <td class="nhsuk-table__cell">${action.standardId}</td>
      <td class="nhsuk-table__cell"><a href="${actionsPath(serviceId, `/${action.id}`)}">${action.what}</a>${action.notes.length === 0 ? "" : html`<br><span class="nhsuk-body-s">Latest: ${formatDate(action.notes.at(-1)?.on)} – ${action.notes.at(-1)?.text}</span>`}</td>
      <td class="nhsuk-table__cell">${action.owner}</td>
      <td class="nhsuk-table__cell app-nowrap">${formatDate(action.due)}</td>
      <td class="nhsuk-table__cell">${tag(ACTION_STATUS[action.status].text, ACTION_STATUS[action.status].colour)}${action.overdue ? html` ${tag("Overdue", "red")}` : ""}</td>
    </tr>`,
    )}
  </tbody>
</table>`;

export const registerActionsList = (web: Hono<WebEnv>): void => {
  web.get(
    "/services/:serviceId/actions",
    signedIn(async (c) => {
      const serviceId = c.req.param("serviceId") ?? "";
      const cycle = await chosenCycle(c);
      const actions =
        cycle === undefined
          ? []
          : expectOk<ReadonlyArray<ActionView>>(
              await c.var.api.get(
                `${apiPath`/api/v1/services/${serviceId}/actions`}?cycle=${cycleParam(cycle)}`,
              ),
            );
      const query = cycle === undefined ? "" : `?cycle=${cycleParam(cycle)}`;
      return renderPage(
        c,
        { title: "Action plan", wide: true, crumbs: [{ text: "Dashboard", href: "/portal/" }] },
        html`${c.req.query("saved") === "1" ? notificationBanner("The action has been saved.", { success: true }) : ""}
<h1>Action plan${cycle === undefined ? "" : ` ${cycle}`}</h1>
<p>What the service will do about the standards it wants to improve. Overdue actions come first.</p>
${cycle === undefined ? html`<p>The network has not opened a cycle yet.</p>` : buttonLink("Add an action", actionsPath(serviceId, `/new${query}`))}
${actions.length === 0 ? html`<p>No actions yet.</p>` : actionsTable(serviceId, actions, `Actions (${actions.length})`)}
${cycle === undefined ? "" : html`<p><a href="/portal/services/${serviceId}/you-said-we-did${query}">"You said, we did" – what changed, for service users</a></p>`}`,
      );
    }),
  );
};
