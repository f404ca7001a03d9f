/**
 * Benchmarking an area across a network: the distribution of area scores (participants, min,
 * quartiles, median, max), where each service stands, best practice and focus flags, change since the
 * previous cycle, and withholding when too few services took part.
 *
 * Quartiles use linear interpolation between closest ranks (R's default type 7, Excel's QUARTILE.INC).
 * A percentile rank is the share of the *other* services scoring below, ties counted half.
 *
 * @module
 */
import type { AreaScore, HospitalAreaResult } from "./Aggregation.ts";
import * as Ratio from "./Ratio.ts";

/** Five numbers and the count. Percentages, 0–100. */
export interface Distribution {
  readonly participants: number;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

/**
 * The `p` quantile (0–1) of ascending values, type 7: `h = (n − 1)p`, interpolating between the values
 * either side of `h`.
 *
 * @example
 * ```ts
 * import { Benchmark } from "@sequin/core"
 * Benchmark.quantile([1, 2, 3, 4], 0.25) // 1.75
 * ```
 */
export const quantile = (sorted: ArrayLike<number>, p: number): number => {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantile of no values");
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const below = sorted[lower] as number;
  const above = sorted[Math.min(lower + 1, n - 1)] as number;
  return below + (h - lower) * (above - below);
};

/**
 * The distribution of ascending values.
 *
 * @example
 * ```ts
 * import { Benchmark } from "@sequin/core"
 * Benchmark.distributionOfSorted([10, 20, 30, 40, 50])
 * // { participants: 5, min: 10, q1: 20, median: 30, q3: 40, max: 50 }
 * ```
 */
export const distributionOfSorted = (sorted: ArrayLike<number>): Distribution => ({
  participants: sorted.length,
  min: sorted[0] as number,
  q1: quantile(sorted, 0.25),
  median: quantile(sorted, 0.5),
  q3: quantile(sorted, 0.75),
  max: sorted[sorted.length - 1] as number,
});

/**
 * The distribution of values in any order.
 *
 * @example
 * ```ts
 * import { Benchmark } from "@sequin/core"
 * Benchmark.distribution([40, 10, 30]).median // 30
 * ```
 */
export const distribution = (values: ReadonlyArray<number>): Distribution =>
  distributionOfSorted(Float64Array.from(values).sort());

const lowerBound = (sorted: ArrayLike<number>, value: number): number => {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * The percentile rank of `value` among ascending `sorted` values that include it: the share of the
 * other values below it, ties counted half, 0–100. `undefined` with no other values.
 *
 * @example
 * ```ts
 * import { Benchmark } from "@sequin/core"
 * Benchmark.percentileRank([10, 20, 20, 40], 20) // 50: one below, one tie of three others
 * ```
 */
export const percentileRank = (sorted: ArrayLike<number>, value: number): number | undefined => {
  const others = sorted.length - 1;
  if (others < 1) return undefined;
  const below = lowerBound(sorted, value);
  const equalOthers = upperBound(sorted, value) - below - 1;
  return (100 * (below + equalOthers / 2)) / others;
};

const upperBound = (sorted: ArrayLike<number>, value: number): number => {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** One service's area result in a cycle. `standards` holds each standard's score (or ward mean). */
export interface ServiceAreaResult {
  readonly serviceId: string;
  readonly area: string;
  readonly score: AreaScore;
  readonly standards: ReadonlyArray<{
    readonly standardId: string;
    readonly value: Ratio.Ratio | undefined;
  }>;
}

/**
 * A service's benchmark input from its hospital-level area result, or `undefined` when no standard
 * was scored (the service did not take part in the area).
 *
 * @example
 * ```ts
 * import { Aggregation, Benchmark, Scale } from "@sequin/core"
 * declare const area: import("@sequin/core").Standards.Area
 * declare const wards: ReadonlyArray<ReadonlyArray<Aggregation.AgreedScore>>
 * const hospital = Aggregation.hospitalArea(area, wards, wards.length, Scale.defaultScale)
 * Benchmark.fromHospitalArea("svc-1", area.slug, hospital)?.score.percent
 * ```
 */
export const fromHospitalArea = (
  serviceId: string,
  area: string,
  hospital: HospitalAreaResult,
): ServiceAreaResult | undefined =>
  hospital.score === undefined
    ? undefined
    : {
        serviceId,
        area,
        score: hospital.score,
        standards: hospital.standards.map((standard) => ({
          standardId: standard.standardId,
          value: standard.mean,
        })),
      };

/** Change since the previous cycle. Percentage points for the area; scale points for standards. */
export interface Change {
  readonly area: number;
  readonly standards: ReadonlyArray<{ readonly standardId: string; readonly change: Ratio.Ratio }>;
}

/** Where one service stands in an area. */
export interface ServiceStanding {
  readonly serviceId: string;
  readonly percent: number;
  /** Absent when the distribution is withheld or the service is alone. */
  readonly percentile?: number;
  /** In the top quartile (at or above Q3, above Q1): best practice to learn from. */
  readonly bestPractice: boolean;
  /** In the bottom quartile (at or below Q1, below Q3): an area for focused work. */
  readonly focus: boolean;
  /** Absent when the service has no result for the area in the previous cycle. */
  readonly change?: Change;
}

/** One area's benchmark. */
export type AreaBenchmark =
  | {
      readonly area: string;
      readonly withheld: false;
      readonly distribution: Distribution;
      readonly services: ReadonlyArray<ServiceStanding>;
    }
  | {
      readonly area: string;
      readonly withheld: true;
      readonly participants: number;
      readonly minimumParticipants: number;
      readonly services: ReadonlyArray<ServiceStanding>;
    };

/** Options for {@link benchmarkCycle}. */
export interface BenchmarkOptions {
  /** Below this many participants an area's distribution, percentiles and flags are withheld. */
  readonly minimumParticipants: number;
  /** Area slugs in the order to report them (areas with no results are reported with 0 participants). */
  readonly areas: ReadonlyArray<string>;
}

const changeBetween = (current: ServiceAreaResult, previous: ServiceAreaResult): Change => {
  const before = new Map(
    previous.standards.map((standard) => [standard.standardId, standard.value]),
  );
  const standards: Array<{ standardId: string; change: Ratio.Ratio }> = [];
  for (const standard of current.standards) {
    const earlier = before.get(standard.standardId);
    if (standard.value !== undefined && earlier !== undefined) {
      standards.push({
        standardId: standard.standardId,
        change: Ratio.add(standard.value, {
          numerator: -earlier.numerator,
          denominator: earlier.denominator,
        }),
      });
    }
  }
  return { area: current.score.percent - previous.score.percent, standards };
};

/**
 * Benchmarks one cycle of a network, area by area, with change since the previous cycle when given.
 * A service appearing twice for one area is an input error and throws.
 *
 * @example
 * ```ts
 * import { Benchmark } from "@sequin/core"
 * declare const results: ReadonlyArray<Benchmark.ServiceAreaResult>
 * const areas = Benchmark.benchmarkCycle(results, [], { minimumParticipants: 5, areas: ["involvement"] })
 * ```
 */
export const benchmarkCycle = (
  current: ReadonlyArray<ServiceAreaResult>,
  previous: ReadonlyArray<ServiceAreaResult>,
  options: BenchmarkOptions,
): ReadonlyArray<AreaBenchmark> => {
  const byArea = new Map<string, Array<ServiceAreaResult>>(options.areas.map((area) => [area, []]));
  for (const result of current) {
    let list = byArea.get(result.area);
    if (list === undefined) {
      list = [];
      byArea.set(result.area, list);
    }
    list.push(result);
  }
  const earlier = new Map<string, ServiceAreaResult>();
  for (const result of previous) earlier.set(`${result.area}\u0000${result.serviceId}`, result);

  const benchmarks: Array<AreaBenchmark> = [];
  for (const [area, results] of byArea) {
    const seen = new Set<string>();
    const sorted = new Float64Array(results.length);
    results.forEach((result, index) => {
      if (seen.has(result.serviceId))
        throw new RangeError(`${result.serviceId} has two results for ${area}`);
      seen.add(result.serviceId);
      sorted[index] = result.score.percent;
    });
    sorted.sort();
    const withheld = results.length < options.minimumParticipants || results.length === 0;
    const spread = withheld ? undefined : distributionOfSorted(sorted);
    const services = results.map((result): ServiceStanding => {
      const percent = result.score.percent;
      const before = earlier.get(`${area}\u0000${result.serviceId}`);
      const percentile = spread === undefined ? undefined : percentileRank(sorted, percent);
      return {
        serviceId: result.serviceId,
        percent,
        ...(percentile === undefined ? {} : { percentile }),
        bestPractice: spread !== undefined && percent >= spread.q3 && percent > spread.q1,
        focus: spread !== undefined && percent <= spread.q1 && percent < spread.q3,
        ...(before === undefined ? {} : { change: changeBetween(result, before) }),
      };
    });
    benchmarks.push(
      spread === undefined
        ? {
            area,
            withheld: true,
            participants: results.length,
            minimumParticipants: options.minimumParticipants,
            services,
          }
        : { area, withheld: false, distribution: spread, services },
    );
  }
  return benchmarks;
};

/**
 * Strips a benchmark to what anyone may see: no service ids or scores, only the distribution (or the
 * fact that it is withheld).
 *
 * @example
 * ```ts
 * import { Benchmark } from "@sequin/core"
 * declare const benchmark: Benchmark.AreaBenchmark
 * "services" in Benchmark.publicView(benchmark) // false: never published
 * ```
 */
export const publicView = (
  benchmark: AreaBenchmark,
):
  | { readonly area: string; readonly withheld: false; readonly distribution: Distribution }
  | {
      readonly area: string;
      readonly withheld: true;
      readonly participants: number;
      readonly minimumParticipants: number;
    } =>
  benchmark.withheld
    ? {
        area: benchmark.area,
        withheld: true,
        participants: benchmark.participants,
        minimumParticipants: benchmark.minimumParticipants,
      }
    : { area: benchmark.area, withheld: false, distribution: benchmark.distribution };
