// The dashboard: a service's year at a glance (network admins see the list of services instead).
import type { Hono } from "hono";
import { isAdmin, leadsService } from "../../auth/Principal.ts";
import { apiPath, expectOk } from "../api.ts";
import { notificationBanner, tag } from "../components/basics.ts";
import { chartWithTable, percentBars } from "../components/charts.ts";
import type { WebContext, WebEnv } from "../env.ts";
import { currentCycle, cycleParam, formatDate, STATUS_TAGS, todayOf } from "../format.ts";
import { type Html, html } from "../html.ts";
import { type Person, renderPage, signedIn } from "../render.ts";
import type {
  ActionView,
  CycleView,
  ServiceBenchmarkView,
  ServiceView,
  StatusView,
} from "../views.ts";
import { actionsPath } from "./actionsList.ts";
import { areaPath } from "./assessmentData.ts";

const areasTable = (
  status: StatusView & { readonly serviceId: string },
): Html => html`<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption nhsuk-table__caption--m">Areas in ${status.cycle}</caption>
  <thead class="nhsuk-table__head">
    <tr class="nhsuk-table__row">
      <th scope="col" class="nhsuk-table__header">Area</th>
      <th scope="col" class="nhsuk-table__header">Deadline</th>
      <th scope="col" class="nhsuk-table__header">Status</th>
    </tr>
  </thead>
  <tbody class="nhsuk-table__body">
    ${status.areas.map((area) => {
      const shown = STATUS_TAGS[area.status];
      return html`<tr class="nhsuk-table__row">
      <td class="nhsuk-table__cell"><a href="${areaPath(status.serviceId, status.cycle, area.area)}">${area.name}</a></td>
      <td class="nhsuk-table__cell app-nowrap">${area.due === null ? "No deadline" : formatDate(area.due)}</td>
      <td class="nhsuk-table__cell">${tag(shown.text, shown.colour)}</td>
    </tr>`;
    })}
  </tbody>
</table>`;

const minimumLine = (status: StatusView): Html => {
  const { submitted, minimum, met } = status.minimum;
  return html`<p class="nhsuk-body-l">${submitted} of at least ${minimum} areas submitted this year${met ? " – minimum met" : ""}.</p>
<progress class="app-progress" max="${minimum}" value="${Math.min(submitted, minimum)}" aria-label="Areas submitted towards the minimum">${submitted} of ${minimum}</progress>`;
};

const overdueActions = (serviceId: string, actions: ReadonlyArray<ActionView>): Html | "" =>
  actions.length === 0
    ? ""
    : html`<div class="nhsuk-card nhsuk-card--warning">
  <div class="nhsuk-card__content">
    <h2 class="nhsuk-card__heading">${actions.length === 1 ? "1 action is overdue" : `${actions.length} actions are overdue`}</h2>
    <ul>${actions.map((action) => html`<li><a href="${actionsPath(serviceId, `/${action.id}`)}">${action.standardId}: ${action.what}</a> – ${action.owner}, due ${formatDate(action.due)}</li>`)}</ul>
  </div>
</div>`;

/** The latest cycle in which the service has any benchmarked area, newest first. */
const latestBenchmark = async (c: WebContext, serviceId: string, cycles: ReadonlyArray<string>) => {
  for (const cycle of cycles.slice(0, 2)) {
    const answer = await c.var.api.get(
      `${apiPath`/api/v1/services/${serviceId}/benchmark`}?cycle=${cycleParam(cycle)}`,
    );
    if (answer.status !== 200) continue;
    const view = answer.body as ServiceBenchmarkView;
    if (view.areas.some((area) => area.service !== null)) return view;
  }
  return undefined;
};

const benchmarkGlance = (serviceId: string, view: ServiceBenchmarkView | undefined): Html => {
  if (view === undefined)
    return html`<h2>Benchmark</h2><p>Your benchmark appears here once you have submitted an area.</p>`;
  const scored = view.areas.filter((area) => area.service !== null);
  const percent = (value: number) =>
    `${value.toLocaleString("en-GB", { maximumFractionDigits: 1 })}%`;
  return html`<h2>Benchmark ${view.cycle}</h2>
${chartWithTable(
  percentBars(
    scored.map((area) => ({ label: area.name, value: area.service?.percent ?? null })),
    `Your area scores in ${view.cycle}: ${scored.map((area) => `${area.name} ${percent(area.service?.percent ?? 0)}`).join(", ")}`,
  ),
  `Your area scores in ${view.cycle}`,
  ["Area", "Your score (network median)"],
  scored.map((area) => [
    area.name,
    `${percent(area.service?.percent ?? 0)} (${area.withheld || area.distribution === null ? "median withheld: too few services took part" : percent(area.distribution.median)})`,
  ]),
)}
<p><a href="/portal/services/${serviceId}/benchmark?cycle=${cycleParam(view.cycle)}">See the full benchmark</a></p>`;
};

export const serviceDashboard = async (c: WebContext, person: Person, serviceId: string) => {
  const api = c.var.api;
  const service = expectOk<ServiceView>(await api.get(apiPath`/api/v1/services/${serviceId}`));
  const cycles = expectOk<ReadonlyArray<CycleView>>(await api.get("/api/v1/cycles"));
  const cycle = currentCycle(
    cycles.map((item) => item.label),
    await todayOf(c),
  );
  const status =
    cycle === undefined
      ? undefined
      : expectOk<StatusView>(
          await api.get(apiPath`/api/v1/services/${serviceId}/cycles/${cycleParam(cycle)}/status`),
        );
  const overdue =
    cycle === undefined
      ? []
      : expectOk<ReadonlyArray<ActionView>>(
          await api.get(`${apiPath`/api/v1/services/${serviceId}/actions`}?overdue=true`),
        );
  const benchmark = await latestBenchmark(
    c,
    serviceId,
    cycles.map((item) => item.label),
  );
  return renderPage(
    c,
    { title: service.name, wide: true },
    html`${c.req.query("password-changed") === "1" ? notificationBanner("Your password has been changed.", { success: true }) : ""}
<h1>${service.name}</h1>
${overdueActions(serviceId, overdue)}
${
  status === undefined
    ? html`<p>The network has not opened a cycle yet. When it does, this cycle's areas and deadlines appear here.</p>`
    : html`${minimumLine(status)}${areasTable({ ...status, serviceId })}
<p>${leadsService(person, serviceId) ? html`<a href="/portal/services/${serviceId}/calendar">Add these deadlines to your calendar</a>` : "Your service lead can add these deadlines to a calendar."}</p>`
}
${benchmarkGlance(serviceId, benchmark)}`,
  );
};

const servicesList = async (c: WebContext) => {
  const services = expectOk<ReadonlyArray<ServiceView>>(await c.var.api.get("/api/v1/services"));
  return renderPage(
    c,
    { title: "Services", wide: true },
    html`${c.req.query("password-changed") === "1" ? notificationBanner("Your password has been changed.", { success: true }) : ""}
<h1>Services</h1>
${
  services.length === 0
    ? html`<p>No services yet.</p>`
    : html`<ul class="nhsuk-list nhsuk-list--border">
  ${services.map((service) => html`<li><a href="/portal/services/${service.id}">${service.name}</a></li>`)}
</ul>`
}`,
  );
};

const home = (c: WebContext, person: Person) => {
  if (isAdmin(person)) return servicesList(c);
  if (person.serviceId === null) return servicesList(c);
  return serviceDashboard(c, person, person.serviceId);
};

export const registerDashboard = (web: Hono<WebEnv>): void => {
  web.get("/", signedIn(home));
  web.get(
    "/services/:serviceId",
    signedIn((c, person) => serviceDashboard(c, person, c.req.param("serviceId") ?? "")),
  );
};
