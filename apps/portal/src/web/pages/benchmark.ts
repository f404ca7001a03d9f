// Where a service stands in the network, area by area: its score against the network's spread, its
// percentile and change since last year, and who to buddy with or learn from — with the reasons.
// Other services appear under their codes unless they chose to be named (the API decides).
import type { Hono } from "hono";
import { insetText } from "../components/basics.ts";
import type { WebContext, WebEnv } from "../env.ts";
import { html } from "../html.ts";
import { renderPage, signedIn } from "../render.ts";
import { registerBenchmarkArea } from "./benchmarkArea.ts";
import { SPREAD_KEY, spreadChart } from "./benchmarkCharts.ts";
import {
  benchmarkPath,
  cycleChooser,
  loadBenchmark,
  percentileText,
  standingTag,
} from "./benchmarkData.ts";
import {
  peerText,
  percentText,
  pointsText,
  type ServiceAreaBenchmark,
  type ServiceBenchmark,
} from "./benchmarkViews.ts";

const changeText = (benchmark: ServiceBenchmark, area: ServiceAreaBenchmark): string => {
  if (area.service === null) return "–";
  if (area.service.change === null)
    return benchmark.previousCycle === null ? "No earlier year" : "No result last year";
  return pointsText(area.service.change.area);
};

const areasTable = (
  serviceId: string,
  benchmark: ServiceBenchmark,
) => html`<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Your score in each area compared with the network, ${benchmark.cycle}</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Area</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Your score</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Network median</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Higher than</th>
    <th scope="col" class="nhsuk-table__header">Change since ${benchmark.previousCycle ?? "last year"}</th>
    <th scope="col" class="nhsuk-table__header">Result</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
    ${benchmark.areas.map(
      (area) => html`<tr class="nhsuk-table__row">
      <th scope="row" class="nhsuk-table__header"><a href="${benchmarkPath(serviceId, benchmark.cycle, area.area)}">${area.name}</a></th>
      <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${area.service === null ? "–" : percentText(area.service.percent)}</td>
      <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${area.distribution === null ? "Withheld" : percentText(area.distribution.median)}</td>
      <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${percentileText(area.service?.percentile ?? null)}</td>
      <td class="nhsuk-table__cell">${changeText(benchmark, area)}</td>
      <td class="nhsuk-table__cell">${standingTag(area)}</td>
    </tr>`,
    )}
  </tbody>
</table>`;

const spreadFigure = (benchmark: ServiceBenchmark) => {
  const shown = benchmark.areas.flatMap((area) =>
    area.distribution === null
      ? []
      : [{ label: area.name, distribution: area.distribution, own: area.service?.percent }],
  );
  if (shown.length === 0) return html``;
  return html`<figure class="app-figure">
  <figcaption class="nhsuk-body-s">The network's scores in each area, ${benchmark.cycle}. ${SPREAD_KEY} The yellow diamond is your score. The table above has the same numbers.</figcaption>
  ${spreadChart(shown, `The network's scores in each area, ${benchmark.cycle}, with your score`)}
</figure>`;
};

const areaName = (benchmark: ServiceBenchmark, slug: string) =>
  benchmark.areas.find((area) => area.area === slug)?.name ?? slug;

const suggestions = (benchmark: ServiceBenchmark) => html`<h2>Services to buddy with</h2>
${
  benchmark.buddies.length === 0
    ? html`<p>No service shares an area for focus with you this year.</p>`
    : html`<p>These services found the same areas hard. Working on them together can help you both.</p>
<ul class="nhsuk-list nhsuk-list--border">
  ${benchmark.buddies.map(
    (buddy) => html`<li><strong>${peerText(buddy.with)}</strong><br>
    Shared areas for focus: ${buddy.sharedWeakAreas.map((slug) => areaName(benchmark, slug)).join(", ")}.<br>
    <span class="nhsuk-body-s">Why: ${buddy.reason}</span></li>`,
  )}
</ul>`
}
<h2>Learn from the best</h2>
${
  benchmark.bestPractice === null
    ? html`<p>There is no suggestion this year: it needs an area where other services are in the top quarter and results are not withheld.</p>`
    : html`<p>Your lowest score is in ${areaName(benchmark, benchmark.bestPractice.area)} (${percentText(benchmark.bestPractice.percent)}). These services do best there:</p>
<ul class="nhsuk-list nhsuk-list--border">
  ${benchmark.bestPractice.learnFrom.map(
    (leader) => html`<li><strong>${peerText(leader)}</strong> – ${percentText(leader.percent)}<br>
    <span class="nhsuk-body-s">Why: ${leader.reason}</span></li>`,
  )}
</ul>`
}
${insetText("To get in touch with a service shown by its code, ask the network team: they can introduce you.")}`;

const overview = async (c: WebContext) => {
  const serviceId = c.req.param("serviceId") ?? "";
  const { service, cycles, benchmark } = await loadBenchmark(c, serviceId);
  const crumbs = [{ text: service.name, href: `/portal/services/${service.id}` }];
  if (benchmark === undefined)
    return renderPage(
      c,
      { title: "Benchmark", crumbs },
      html`<h1>Benchmark</h1><p>The network has not opened a cycle yet. Results appear here once services submit their areas.</p>`,
    );
  return renderPage(
    c,
    { title: `Benchmark ${benchmark.cycle}`, crumbs, wide: true },
    html`<span class="nhsuk-caption-l">${service.name}</span>
<h1>How you compare, ${benchmark.cycle}</h1>
<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">
<p>Your score in each area is compared with every service that submitted the area this year. Other services are shown by a code unless they chose to be named. Your code is <strong>${benchmark.you.code}</strong>.</p>
<p>When fewer than ${benchmark.minimumParticipants} services took part in an area, the network's results for it are withheld so that no service can be identified.</p>
${cycleChooser(`/portal/services/${service.id}/benchmark`, cycles, benchmark.cycle)}
</div></div>
<h2>Your areas</h2>
<p>"Higher than" is the share of the other services with a lower score. Best practice means the top quarter of the network; an area for focus is the bottom quarter.</p>
${areasTable(service.id, benchmark)}
${spreadFigure(benchmark)}
<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">
${suggestions(benchmark)}
</div></div>`,
  );
};

export const registerBenchmark = (web: Hono<WebEnv>): void => {
  web.get("/services/:serviceId/benchmark", signedIn(overview));
  registerBenchmarkArea(web);
};
