// What both benchmark pages load: the service, the cycle asked for (or the one today falls in), the
// cycles to choose from and the service's benchmark — all through the API as the visitor.
import { ApiFailure, apiPath, expectOk } from "../api.ts";
import { button, tag } from "../components/basics.ts";
import { select } from "../components/fields.ts";
import type { WebContext } from "../env.ts";
import { currentCycle, cycleLabel, cycleParam, todayOf } from "../format.ts";
import { type Html, html } from "../html.ts";
import type { CycleView, ServiceView } from "../views.ts";
import type { ServiceAreaBenchmark, ServiceBenchmark } from "./benchmarkViews.ts";

export interface LoadedBenchmark {
  readonly service: ServiceView;
  readonly cycles: ReadonlyArray<string>;
  /** Undefined when the network has opened no cycle yet. */
  readonly benchmark: ServiceBenchmark | undefined;
}

export const benchmarkPath = (serviceId: string, cycle: string, area?: string): string =>
  `/portal/services/${encodeURIComponent(serviceId)}/benchmark${
    area === undefined ? "" : `/${encodeURIComponent(area)}`
  }?cycle=${encodeURIComponent(cycleParam(cycle))}`;

export const loadBenchmark = async (c: WebContext, serviceId: string): Promise<LoadedBenchmark> => {
  const api = c.var.api;
  const [serviceAnswer, cyclesAnswer] = await Promise.all([
    api.get(apiPath`/api/v1/services/${serviceId}`),
    api.get("/api/v1/cycles"),
  ]);
  const service = expectOk<ServiceView>(serviceAnswer);
  const cycles = expectOk<ReadonlyArray<CycleView>>(cyclesAnswer).map((cycle) => cycle.label);
  const asked = c.req.query("cycle");
  // An unknown cycle is the API's 404 (a page), not silently another year.
  const cycle =
    asked !== undefined && asked !== "" ? asked : currentCycle(cycles, await todayOf(c));
  if (cycle === undefined) return { service, cycles, benchmark: undefined };
  const answer = await api.get(
    `${apiPath`/api/v1/services/${serviceId}/benchmark`}?cycle=${encodeURIComponent(cycleParam(cycle))}`,
  );
  // A cycle the API refuses to even look up (too long) is a year that does not exist either.
  if (answer.status === 400) throw new ApiFailure({ ...answer, status: 404 });
  return { service, cycles, benchmark: expectOk<ServiceBenchmark>(answer) };
};

/** A small GET form to look at another year (works without JavaScript). */
export const cycleChooser = (action: string, cycles: ReadonlyArray<string>, shown: string): Html =>
  cycles.length < 2
    ? html``
    : html`<form method="get" action="${action}" class="app-cycle-chooser" novalidate>
  ${select({
    name: "cycle",
    label: "Year",
    value: cycleParam(shown),
    choices: cycles.map((label) => ({ value: cycleParam(label), text: cycleLabel(label) })),
  })}
  ${button("Show this year", { secondary: true })}
</form>`;

/** How an area turned out for the service, as a tag (words, never colour alone). */
export const standingTag = (area: ServiceAreaBenchmark) => {
  if (area.service === null) return tag("Not taken part", "white");
  if (area.withheld) return tag("Withheld", "grey");
  if (area.service.bestPractice) return tag("Best practice", "green");
  if (area.service.focus) return tag("Area for focus", "orange");
  return tag("Middle half", "blue");
};

export const percentileText = (percentile: number | null): string =>
  percentile === null ? "–" : `${Math.round(percentile)}% of others`;
