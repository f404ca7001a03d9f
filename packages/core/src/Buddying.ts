/**
 * Buddying: pairs of services that share weak areas (so they can work on them together), and for each
 * service's weakest area the services that do best there. Every suggestion says why.
 *
 * A weak area is one where the service is in the network's bottom quartile; best practice is the top
 * quartile. Both come from {@link Benchmark.benchmarkCycle}; withheld areas suggest nothing.
 *
 * @module
 */
import type { AreaBenchmark } from "./Benchmark.ts";

/** One area two buddies share, with both scores (percentages). */
export interface SharedArea {
  readonly area: string;
  readonly percents: readonly [number, number];
}

/** A suggested buddy pair and why. */
export interface BuddySuggestion {
  readonly services: readonly [string, string];
  readonly sharedWeakAreas: ReadonlyArray<SharedArea>;
  readonly reason: string;
}

/** Services to learn from for one service's weakest area, and why. */
export interface BestPracticeSuggestion {
  readonly serviceId: string;
  readonly area: string;
  readonly percent: number;
  readonly learnFrom: ReadonlyArray<{
    readonly serviceId: string;
    readonly percent: number;
    readonly reason: string;
  }>;
}

const pct = (value: number): string => `${Math.round(value)}%`;

/**
 * Buddy pairs: every pair of services that are both in the bottom quartile of at least `minShared`
 * areas, most shared areas first (then lowest combined score), ties broken by ids.
 *
 * @example
 * ```ts
 * import { Buddying } from "@sequin/core"
 * declare const benchmarks: ReadonlyArray<import("@sequin/core").Benchmark.AreaBenchmark>
 * Buddying.buddyPairs(benchmarks)[0]?.reason
 * // "Both in the bottom quartile for technology (31% and 25%) and meaningful-activity (40% and 44%)"
 * ```
 */
export const buddyPairs = (
  benchmarks: ReadonlyArray<AreaBenchmark>,
  options: {
    readonly minShared?: number;
    readonly areaNames?: ReadonlyMap<string, string>;
    /** Only the pairs that include this service (one service's view: linear, not quadratic). */
    readonly only?: string;
  } = {},
): ReadonlyArray<BuddySuggestion> => {
  const minShared = options.minShared ?? 1;
  const nameOf = (area: string) => options.areaNames?.get(area) ?? area;
  const weak = new Map<string, Map<string, number>>();
  for (const benchmark of benchmarks) {
    if (benchmark.withheld) continue;
    for (const standing of benchmark.services) {
      if (!standing.focus) continue;
      let areas = weak.get(standing.serviceId);
      if (areas === undefined) {
        areas = new Map();
        weak.set(standing.serviceId, areas);
      }
      areas.set(benchmark.area, standing.percent);
    }
  }
  const services = [...weak.keys()].sort();
  const candidates: Array<readonly [string, string]> = [];
  if (options.only !== undefined) {
    const only = options.only;
    if (weak.has(only)) {
      for (const other of services)
        if (other !== only) candidates.push(only < other ? [only, other] : [other, only]);
    }
  } else {
    for (let i = 0; i < services.length; i++) {
      for (let j = i + 1; j < services.length; j++)
        candidates.push([services[i] as string, services[j] as string]);
    }
  }
  const pairs: Array<BuddySuggestion & { readonly combined: number }> = [];
  for (const [first, second] of candidates) {
    const firstAreas = weak.get(first) as Map<string, number>;
    const secondAreas = weak.get(second) as Map<string, number>;
    const shared: Array<SharedArea> = [];
    for (const [area, percent] of firstAreas) {
      const other = secondAreas.get(area);
      if (other !== undefined) shared.push({ area, percents: [percent, other] });
    }
    if (shared.length < minShared) continue;
    const reason = `Both in the bottom quartile for ${shared
      .map((s) => `${nameOf(s.area)} (${pct(s.percents[0])} and ${pct(s.percents[1])})`)
      .join(", ")
      .replace(/, ([^,]*)$/u, " and $1")}`;
    const combined = shared.reduce((sum, s) => sum + s.percents[0] + s.percents[1], 0);
    pairs.push({ services: [first, second], sharedWeakAreas: shared, reason, combined });
  }
  pairs.sort(
    (a, b) =>
      b.sharedWeakAreas.length - a.sharedWeakAreas.length ||
      a.combined - b.combined ||
      a.services[0].localeCompare(b.services[0]) ||
      a.services[1].localeCompare(b.services[1]),
  );
  return pairs.map(({ combined: _combined, ...pair }) => pair);
};

/**
 * For each service, its weakest area (lowest score among areas with a published distribution; ties
 * go to the earlier area) and up to `limit` top-quartile services there, best first.
 *
 * @example
 * ```ts
 * import { Buddying } from "@sequin/core"
 * declare const benchmarks: ReadonlyArray<import("@sequin/core").Benchmark.AreaBenchmark>
 * Buddying.bestPractice(benchmarks)[0]?.learnFrom[0]?.reason
 * // "92% in technology, top quartile (you: 31%)"
 * ```
 */
export const bestPractice = (
  benchmarks: ReadonlyArray<AreaBenchmark>,
  options: { readonly limit?: number; readonly areaNames?: ReadonlyMap<string, string> } = {},
): ReadonlyArray<BestPracticeSuggestion> => {
  const limit = options.limit ?? 3;
  const nameOf = (area: string) => options.areaNames?.get(area) ?? area;
  const weakest = new Map<string, { area: string; percent: number }>();
  const published = benchmarks.filter((benchmark) => !benchmark.withheld);
  for (const benchmark of published) {
    for (const standing of benchmark.services) {
      const current = weakest.get(standing.serviceId);
      if (current === undefined || standing.percent < current.percent) {
        weakest.set(standing.serviceId, { area: benchmark.area, percent: standing.percent });
      }
    }
  }
  const leaders = new Map<string, ReadonlyArray<{ serviceId: string; percent: number }>>();
  for (const benchmark of published) {
    leaders.set(
      benchmark.area,
      benchmark.services
        .filter((standing) => standing.bestPractice)
        .map(({ serviceId, percent }) => ({ serviceId, percent }))
        .sort((a, b) => b.percent - a.percent || a.serviceId.localeCompare(b.serviceId)),
    );
  }
  return [...weakest.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([serviceId, { area, percent }]) => ({
      serviceId,
      area,
      percent,
      learnFrom: (leaders.get(area) ?? [])
        .filter((leader) => leader.serviceId !== serviceId && leader.percent > percent)
        .slice(0, limit)
        .map((leader) => ({
          ...leader,
          reason: `${pct(leader.percent)} in ${nameOf(area)}, top quartile (you: ${pct(percent)})`,
        })),
    }));
};
