// Who the network should chase in a cycle: services with overdue areas today, and, once the cycle
// has ended, services that did not reach the yearly minimum.
import type { Hono } from "hono";
import { apiPath, expectOk } from "../../api.ts";
import { insetText } from "../../components/basics.ts";
import type { WebContext, WebEnv } from "../../env.ts";
import { formatDate } from "../../format.ts";
import { html } from "../../html.ts";
import { renderPage } from "../../render.ts";
import { adminPage, type BehindView, cyclePath, networkCrumbs, servicePath } from "./views.ts";

const overdueTable = (behind: BehindView) => html`<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption">Services with overdue areas</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Service</th>
    <th scope="col" class="nhsuk-table__header">Overdue areas</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
    ${behind.overdue.map(
      (service) => html`<tr class="nhsuk-table__row">
      <td class="nhsuk-table__cell"><a href="${servicePath(service.serviceId)}">${service.name}</a></td>
      <td class="nhsuk-table__cell"><ul class="nhsuk-list">${service.areas.map(
        (area) => html`<li>${area.name}, due ${formatDate(area.due)}</li>`,
      )}</ul></td>
    </tr>`,
    )}
  </tbody>
</table>`;

const minimumSection = (behind: BehindView) => {
  if (!behind.cycleEnded)
    return insetText(
      `Whether a service reached the yearly minimum is known once ${behind.cycle} has ended: until then, work done early still counts.`,
    );
  if (behind.belowMinimum.length === 0)
    return html`<p>Every service reached the minimum number of areas.</p>`;
  return html`<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption">Services below the yearly minimum</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Service</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Areas submitted</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Minimum</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
    ${behind.belowMinimum.map(
      (service) => html`<tr class="nhsuk-table__row">
      <td class="nhsuk-table__cell"><a href="${servicePath(service.serviceId)}">${service.name}</a></td>
      <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${service.minimum.submitted}</td>
      <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${service.minimum.minimum}</td>
    </tr>`,
    )}
  </tbody>
</table>`;
};

const behindPage = async (c: WebContext) => {
  const param = c.req.param("cycle") ?? "";
  const behind = expectOk<BehindView>(await c.var.api.get(apiPath`/api/v1/cycles/${param}/behind`));
  return renderPage(
    c,
    {
      title: `Who is behind in ${behind.cycle}`,
      crumbs: networkCrumbs({ text: `Cycle ${behind.cycle}`, href: cyclePath(behind.cycle) }),
    },
    html`<span class="nhsuk-caption-l">Cycle ${behind.cycle}</span>
<h1>Who is behind</h1>
<p>As of today, ${formatDate(behind.today)}.</p>
${behind.overdue.length === 0 ? html`<p>No service has an overdue area.</p>` : overdueTable(behind)}
<h2>Yearly minimum</h2>
${minimumSection(behind)}`,
  );
};

export const registerNetworkBehind = (web: Hono<WebEnv>): void => {
  web.get("/network/cycles/:cycle/behind", adminPage(behindPage));
};
