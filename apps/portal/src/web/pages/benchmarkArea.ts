// One area of the benchmark: the network's spread with the service's score marked, every service's
// score (codes, or names that were opted in), and the change since last year standard by standard.
// A withheld area says so and shows nothing of the others.
import type { Hono } from "hono";
import { apiPath, expectOk } from "../api.ts";
import { insetText, summaryList } from "../components/basics.ts";
import { chartWithTable } from "../components/charts.ts";
import type { WebContext, WebEnv } from "../env.ts";
import { cycleParam } from "../format.ts";
import { html } from "../html.ts";
import { renderPage, signedIn } from "../render.ts";
import { SPREAD_KEY, scoreBars, spreadChart } from "./benchmarkCharts.ts";
import { benchmarkPath, loadBenchmark, percentileText, standingTag } from "./benchmarkData.ts";
import {
  type CycleStandards,
  peerText,
  percentText,
  pointsText,
  type ServiceAreaBenchmark,
  type ServiceBenchmark,
} from "./benchmarkViews.ts";
import { notFoundPage } from "./errors.ts";

const withheldText = (benchmark: ServiceBenchmark, area: ServiceAreaBenchmark) =>
  insetText(
    `Only ${area.participants} ${area.participants === 1 ? "service" : "services"} submitted ${area.name} in ${benchmark.cycle}. The network's results for an area are shown when at least ${benchmark.minimumParticipants} services took part, so that no service can be identified: they are withheld.`,
  );

const standingRows = (benchmark: ServiceBenchmark, area: ServiceAreaBenchmark) => {
  const own = area.service;
  const spread = area.distribution;
  return summaryList([
    {
      key: "Your score",
      value: own === null ? "You have not submitted this area" : percentText(own.percent),
    },
    { key: "Result", value: standingTag(area) },
    ...(spread === null
      ? []
      : [
          { key: "Higher than", value: percentileText(own?.percentile ?? null) },
          { key: "Network median", value: percentText(spread.median) },
          {
            key: "Middle half of services",
            value: `${percentText(spread.q1)} to ${percentText(spread.q3)}`,
          },
          { key: "Range", value: `${percentText(spread.min)} to ${percentText(spread.max)}` },
        ]),
    { key: "Services that took part", value: String(area.participants) },
    {
      key: `Change since ${benchmark.previousCycle ?? "last year"}`,
      value: own?.change == null ? "No result to compare with" : pointsText(own.change.area),
    },
  ]);
};

const spreadSection = (benchmark: ServiceBenchmark, area: ServiceAreaBenchmark) => {
  const spread = area.distribution;
  if (spread === null) return html``;
  const you = `You (${benchmark.you.code})`;
  const bars = [
    ...area.peers.map((peer) => ({ label: peerText(peer), percent: peer.percent, own: false })),
    ...(area.service === null ? [] : [{ label: you, percent: area.service.percent, own: true }]),
  ].sort((a, b) => b.percent - a.percent);
  return html`<h2>The network's scores</h2>
<figure class="app-figure">
  <figcaption class="nhsuk-body-s">${SPREAD_KEY}${area.service === null ? "" : " The yellow diamond is your score."}</figcaption>
  ${spreadChart([{ label: area.name, distribution: spread, own: area.service?.percent }], `The network's scores in ${area.name}, ${benchmark.cycle}`)}
</figure>
${chartWithTable(
  scoreBars(bars, `Each service's score in ${area.name}, ${benchmark.cycle}, highest first`),
  `Each service's score in ${area.name}, highest first. Your bar is yellow.`,
  ["Service", "Score"],
  bars.map((bar) => [bar.label, percentText(bar.percent)] as const),
)}`;
};

const standardsSection = (
  benchmark: ServiceBenchmark,
  area: ServiceAreaBenchmark,
  standards: CycleStandards,
) => {
  const change = area.service?.change ?? null;
  if (change === null) return html``;
  const texts = new Map(
    (standards.areas.find((candidate) => candidate.slug === area.area)?.standards ?? []).map(
      (standard) => [standard.id, standard.text],
    ),
  );
  return html`<h2>Change in each standard since ${benchmark.previousCycle ?? "last year"}</h2>
<p>In points on the scoring scale: +1.0 means one step higher than last year.</p>
<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Change in each standard of ${area.name}</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Standard</th>
    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Change</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
    ${change.standards.map(
      (standard) => html`<tr class="nhsuk-table__row">
      <td class="nhsuk-table__cell"><strong>${standard.standardId}</strong> ${texts.get(standard.standardId) ?? ""}</td>
      <td class="nhsuk-table__cell nhsuk-table__cell--numeric">${standard.display}</td>
    </tr>`,
    )}
  </tbody>
</table>`;
};

const areaPage = async (c: WebContext) => {
  const serviceId = c.req.param("serviceId") ?? "";
  const slug = c.req.param("area") ?? "";
  const { service, benchmark } = await loadBenchmark(c, serviceId);
  const area = benchmark?.areas.find((candidate) => candidate.area === slug);
  if (benchmark === undefined || area === undefined) return notFoundPage(c);
  const standards = expectOk<CycleStandards>(
    await c.var.api.get(apiPath`/api/v1/cycles/${cycleParam(benchmark.cycle)}/standards`),
  );
  return renderPage(
    c,
    {
      title: `${area.name} benchmark ${benchmark.cycle}`,
      crumbs: [
        { text: service.name, href: `/portal/services/${service.id}` },
        { text: `Benchmark ${benchmark.cycle}`, href: benchmarkPath(service.id, benchmark.cycle) },
      ],
    },
    html`<span class="nhsuk-caption-l">${service.name} · ${benchmark.cycle}</span>
<h1>${area.name}</h1>
${area.withheld ? withheldText(benchmark, area) : ""}
${standingRows(benchmark, area)}
${spreadSection(benchmark, area)}
${standardsSection(benchmark, area, standards)}`,
  );
};

export const registerBenchmarkArea = (web: Hono<WebEnv>): void => {
  web.get("/services/:serviceId/benchmark/:area", signedIn(areaPage));
};
