// A cycle's network results for the network team: every area's spread and every service's score
// (named: this page is theirs alone), withheld areas said as such, best-practice themes, the
// downloads (network pack, exports, the public JSON) and recomputing the cycle.
import type { Hono } from "hono";
import { apiPath, expectOk } from "../../api.ts";
import { button, insetText, notificationBanner } from "../../components/basics.ts";
import type { WebContext, WebEnv } from "../../env.ts";
import { cycleParam } from "../../format.ts";
import { csrfField } from "../../forms.ts";
import { type Html, html } from "../../html.ts";
import { type Person, renderPage } from "../../render.ts";
import { SPREAD_KEY, scoreBars, spreadChart } from "../benchmarkCharts.ts";
import {
  type NetworkAreaBenchmark,
  type NetworkBenchmark,
  percentText,
} from "../benchmarkViews.ts";
import { adminPage, type CycleThemesView, cyclePath, networkCrumbs, servicePath } from "./views.ts";

const jobButton = (person: Person, kind: string, cycle: string, text: string): Html =>
  html`<form method="post" action="/portal/network/jobs" novalidate>
  ${csrfField(person.csrfToken)}
  <input type="hidden" name="kind" value="${kind}">
  <input type="hidden" name="cycle" value="${cycleParam(cycle)}">
  ${button(text, { secondary: true })}
</form>`;

const downloads = (person: Person, cycle: string) => {
  const param = encodeURIComponent(cycleParam(cycle));
  const exportOf = (format: string) => `/api/v1/cycles/${param}/export?format=${format}`;
  return html`<h2>Downloads</h2>
${jobButton(person, "network-pack", cycle, "Build the network pack (PDF)")}
<ul class="nhsuk-list">
  <li>Results with services under their codes: <a href="${exportOf("csv")}" download>CSV</a>, <a href="${exportOf("xlsx")}" download>Excel</a>, <a href="${exportOf("json")}" download>JSON</a></li>
  <li>What anyone may see (participants and spread, withheld areas left out): <a href="/api/v1/public/cycles/${param}/benchmark">public results as JSON</a>, <a href="/api/v1/public/cycles/${param}/export?format=csv" download>CSV</a></li>
</ul>
<p>Figures update by themselves when results change. After correcting data you can rebuild them now:</p>
${jobButton(person, "recompute-benchmarks", cycle, `Recompute ${cycle}`)}`;
};

const summaryTable = (
  benchmark: NetworkBenchmark,
) => html`<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption">Areas</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Area</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Took part</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Median</th>
    <th scope="col" class="nhsuk-table__header">Middle half</th>
    <th scope="col" class="nhsuk-table__header">Range</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
    ${benchmark.areas.map((area) => {
      const spread = area.distribution;
      return html`<tr class="nhsuk-table__row">
      <th scope="row" class="nhsuk-table__header"><a href="#area-${area.area}">${area.name}</a></th>
      <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${area.services.length}</td>
      ${
        spread === null
          ? html`<td class="nhsuk-table__cell" colspan="3">Withheld: fewer than ${benchmark.minimumParticipants} services took part</td>`
          : html`<td class="nhsuk-table__cell nhsuk-table__cell--numeric">${percentText(spread.median)}</td>
      <td class="nhsuk-table__cell">${percentText(spread.q1)} to ${percentText(spread.q3)}</td>
      <td class="nhsuk-table__cell">${percentText(spread.min)} to ${percentText(spread.max)}</td>`
      }
    </tr>`;
    })}
  </tbody>
</table>`;

/** Every service's score, folded away: twelve areas of twenty-odd bars would bury the page. */
const scoresDetails = (
  benchmark: NetworkBenchmark,
  area: NetworkAreaBenchmark,
  bars: ReadonlyArray<{ label: string; percent: number; own: boolean }>,
) => html`<details class="nhsuk-details">
  <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Each service's score<span class="nhsuk-u-visually-hidden"> in ${area.name}</span></span></summary>
  <div class="nhsuk-details__text">
    ${scoreBars(bars, `Each service's score in ${area.name}, ${benchmark.cycle}, highest first`)}
    <table class="nhsuk-table app-table-compact">
      <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Each service's score in ${area.name}</caption>
      <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
        <th scope="col" class="nhsuk-table__header">Service</th>
        <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Score</th>
        <th scope="col" class="nhsuk-table__header">Code</th>
      </tr></thead>
      <tbody class="nhsuk-table__body">${area.services.map(
        (service) => html`<tr class="nhsuk-table__row">
        <td class="nhsuk-table__cell"><a href="${servicePath(service.serviceId)}">${service.name}</a></td>
        <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${percentText(service.percent)}</td>
        <td class="nhsuk-table__cell">${service.code}</td>
      </tr>`,
      )}</tbody>
    </table>
  </div>
</details>`;

const areaSection = (
  benchmark: NetworkBenchmark,
  area: NetworkAreaBenchmark,
  themes: CycleThemesView["areas"][number] | undefined,
) => {
  const bars = area.services.map((service) => ({
    label: service.name,
    percent: service.percent,
    own: false,
  }));
  return html`<section class="app-area-results" id="area-${area.area}" aria-labelledby="heading-${area.area}">
<h2 id="heading-${area.area}">${area.name}</h2>
${
  area.withheld
    ? insetText(
        `Withheld: ${area.services.length} ${area.services.length === 1 ? "service" : "services"} took part, fewer than ${benchmark.minimumParticipants}. Services and the public see no spread or scores for this area; the scores below are for the network team only.`,
      )
    : ""
}
${bars.length === 0 ? html`<p>No service has submitted this area.</p>` : scoresDetails(benchmark, area, bars)}
<h3>Best-practice themes</h3>
${
  themes === undefined || themes.themes.length === 0
    ? html`<p>None written yet.</p>`
    : html`<ul class="nhsuk-list nhsuk-list--bullet">${themes.themes.map(
        (theme) =>
          html`<li><strong>${theme.title}</strong>${theme.detail === undefined ? "" : html`<br>${theme.detail}`}</li>`,
      )}</ul>`
}
<p><a href="${cyclePath(benchmark.cycle, `/themes/${encodeURIComponent(area.area)}`)}">Edit the best-practice themes<span class="nhsuk-u-visually-hidden"> for ${area.name}</span></a></p>
</section>`;
};

const resultsPage = async (c: WebContext, person: Person) => {
  const param = c.req.param("cycle") ?? "";
  const api = c.var.api;
  const benchmark = expectOk<NetworkBenchmark>(
    await api.get(apiPath`/api/v1/cycles/${param}/benchmark`),
  );
  const themes = expectOk<CycleThemesView>(await api.get(apiPath`/api/v1/cycles/${param}/themes`));
  const shown = benchmark.areas.flatMap((area) =>
    area.distribution === null ? [] : [{ label: area.name, distribution: area.distribution }],
  );
  return renderPage(
    c,
    {
      title: `Network results ${benchmark.cycle}`,
      crumbs: networkCrumbs({ text: `Cycle ${benchmark.cycle}`, href: cyclePath(benchmark.cycle) }),
      styles: ["network.css"],
      wide: true,
    },
    html`${c.req.query("themes-saved") === "1" ? notificationBanner("The best-practice themes have been saved.", { success: true }) : ""}
<span class="nhsuk-caption-l">Cycle ${benchmark.cycle}</span>
<h1>Network results</h1>
<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">
<p>Services are named on this page because it is for the network team. Each service sees the others by code unless they chose to be named, and an area's spread only when at least ${benchmark.minimumParticipants} services took part.</p>
${downloads(person, benchmark.cycle)}
</div></div>
${summaryTable(benchmark)}
${
  shown.length === 0
    ? ""
    : html`<figure class="app-figure">
  <figcaption class="nhsuk-body-s">The network's scores in each area, ${benchmark.cycle}. ${SPREAD_KEY} The table above has the same numbers.</figcaption>
  ${spreadChart(shown, `The network's scores in each area, ${benchmark.cycle}`)}
</figure>`
}
${benchmark.areas.map((area) =>
  areaSection(
    benchmark,
    area,
    themes.areas.find((entry) => entry.area === area.area),
  ),
)}
<h2>Suggested buddy pairs</h2>
${
  benchmark.buddies.length === 0
    ? html`<p>No two services share two or more areas for focus.</p>`
    : html`<ul class="nhsuk-list nhsuk-list--border">${benchmark.buddies.map(
        (pair) =>
          html`<li><strong>${pair.services.map((service) => service.name ?? service.code).join(" and ")}</strong><br><span class="nhsuk-body-s">${pair.reason}</span></li>`,
      )}</ul>`
}`,
  );
};

export const registerNetworkResults = (web: Hono<WebEnv>): void => {
  web.get("/network/cycles/:cycle/results", adminPage(resultsPage));
};
