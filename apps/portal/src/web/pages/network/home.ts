// The network team's starting point: the network's size, each cycle with its pages (schedule, who is
// behind, peer review, results) and the background jobs.
import type { Hono } from "hono";
import { expectOk } from "../../api.ts";
import { buttonLink } from "../../components/basics.ts";
import type { WebContext, WebEnv } from "../../env.ts";
import { html } from "../../html.ts";
import { renderPage } from "../../render.ts";
import type { CycleView, ServiceView } from "../../views.ts";
import { adminPage, cyclePath, type OrganisationView } from "./views.ts";

const home = async (c: WebContext) => {
  const api = c.var.api;
  // Organisations are for network admins only: anyone else gets the API's 403 as a page.
  const organisations = expectOk<ReadonlyArray<OrganisationView>>(
    await api.get("/api/v1/organisations"),
  );
  const [services, cycles] = await Promise.all([
    api.get("/api/v1/services").then((answer) => expectOk<ReadonlyArray<ServiceView>>(answer)),
    api.get("/api/v1/cycles").then((answer) => expectOk<ReadonlyArray<CycleView>>(answer)),
  ]);
  return renderPage(
    c,
    { title: "Network", wide: true, styles: ["network.css"] },
    html`<h1>Network</h1>
<h2>Organisations and services</h2>
<p>${organisations.length} ${organisations.length === 1 ? "organisation" : "organisations"} with ${services.length} ${services.length === 1 ? "service" : "services"}.</p>
<p><a href="/portal/network/organisations">Organisations, services, wards and logins</a></p>
<h2>Cycles</h2>
${
  cycles.length === 0
    ? html`<p>No cycle is open yet.</p>`
    : html`<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Cycles and their pages</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Cycle</th>
    <th scope="col" class="nhsuk-table__header">Pages</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
    ${cycles.map(
      (cycle) => html`<tr class="nhsuk-table__row">
      <th scope="row" class="nhsuk-table__header"><a href="${cyclePath(cycle.label)}">${cycle.label}</a></th>
      <td class="nhsuk-table__cell"><ul class="nhsuk-list app-inline-list">
        <li><a href="${cyclePath(cycle.label, "/behind")}">Who is behind<span class="nhsuk-u-visually-hidden"> in ${cycle.label}</span></a></li>
        <li><a href="${cyclePath(cycle.label, "/peer-review")}">Peer review<span class="nhsuk-u-visually-hidden"> in ${cycle.label}</span></a></li>
        <li><a href="${cyclePath(cycle.label, "/results")}">Results<span class="nhsuk-u-visually-hidden"> of ${cycle.label}</span></a></li>
      </ul></td>
    </tr>`,
    )}
  </tbody>
</table>`
}
${buttonLink("Open a cycle", "/portal/network/cycles", true)}
<h2>Background jobs</h2>
<p>Recomputing the benchmarks and building the network pack run in the background. <a href="/portal/network/jobs">See and start jobs</a></p>`,
  );
};

export const registerNetworkHome = (web: Hono<WebEnv>): void => {
  web.get("/network/", adminPage(home));
  web.get("/network", (c) => c.redirect("/portal/network/", 301));
};
