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
import type { AreaScore, HospitalAreaResult, StandardTotals } from "./Aggregation.ts";
import { groupByArea } from "./internal/groupByArea.ts";
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
  // Ties are few, so walking past them beats a second binary search.
  let equal = 0;
  while (below + equal < sorted.length && sorted[below + equal] === value) equal++;
  return (100 * (below + (equal - 1) / 2)) / others;
};

/**
 * Percentile ranks for many values of one sorted array. Percentages live in 0–100, so a table of
 * where each whole percent starts narrows every look-up to a handful of neighbours.
 */
let sortScratch = new Float64Array(0);
const startsScratch = new Uint32Array(102);

const rankIndex = (
  sorted: Float64Array,
): { readonly percentileRank: (value: number) => number | undefined } => {
  const count = sorted.length;
  const starts = startsScratch;
  let index = 0;
  for (let bucket = 0; bucket <= 101; bucket++) {
    while (index < count && (sorted[index] as number) < bucket) index++;
    starts[bucket] = index;
  }
  return {
    percentileRank: (value) => {
      if (!(value >= 0 && value <= 100)) return percentileRank(sorted, value);
      if (count < 2) return undefined;
      let below = starts[Math.floor(value)] as number;
      while (below < count && (sorted[below] as number) < value) below++;
      let equal = 0;
      while (below + equal < count && sorted[below + equal] === value) equal++;
      return (100 * (below + (equal - 1) / 2)) / (count - 1);
    },
  };
};

/** One service's area result in a cycle, with per-standard totals for change per standard. */
export interface ServiceAreaResult {
  readonly serviceId: string;
  readonly area: string;
  readonly score: AreaScore;
  readonly totals: StandardTotals;
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
    : { serviceId, area, score: hospital.score, totals: hospital.totals };

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
  readonly percentile: number | undefined;
  /** In the top quartile (at or above Q3, above Q1): best practice to learn from. */
  readonly bestPractice: boolean;
  /** In the bottom quartile (at or below Q1, below Q3): an area for focused work. */
  readonly focus: boolean;
  /** Absent when the service has no result for the area in the previous cycle. */
  readonly change: Change | undefined;
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

/**
 * One area's results across services, column by column: the form the statistics run on. Per-standard
 * sums and counts are row-major (service × standard) and are used for change per standard.
 */
export interface AreaColumns {
  readonly area: string;
  readonly serviceIds: ReadonlyArray<string>;
  /** Each service's area score, as a percentage. */
  readonly percents: ArrayLike<number>;
  readonly standardIds: ReadonlyArray<string>;
  readonly sums: ArrayLike<number>;
  readonly scored: ArrayLike<number>;
}

/**
 * Columns from service results (all for `area`).
 *
 * @example
 * ```ts
 * import { Benchmark } from "@sequin/core"
 * declare const results: ReadonlyArray<Benchmark.ServiceAreaResult>
 * Benchmark.columnsOf("technology", results).percents.length === results.length // true
 * ```
 */
export const columnsOf = (area: string, results: ReadonlyArray<ServiceAreaResult>): AreaColumns => {
  const standardIds = results[0]?.totals.standardIds ?? [];
  const size = standardIds.length;
  const sums = new Float64Array(results.length * size);
  const scored = new Float64Array(results.length * size);
  results.forEach((result, row) => {
    const sameOrder = result.totals.standardIds === standardIds;
    standardIds.forEach((standardId, column) => {
      const index = sameOrder ? column : result.totals.standardIds.indexOf(standardId);
      if (index === -1) return;
      sums[row * size + column] = result.totals.sums[index] ?? 0;
      scored[row * size + column] = result.totals.scored[index] ?? 0;
    });
  });
  return {
    area,
    serviceIds: results.map((result) => result.serviceId),
    percents: Float64Array.from(results, (result) => result.score.percent),
    standardIds,
    sums,
    scored,
  };
};

const meanAt = (columns: AreaColumns, row: number, column: number): Ratio.Ratio | undefined => {
  const index = row * columns.standardIds.length + column;
  const count = columns.scored[index] ?? 0;
  return count === 0 ? undefined : Ratio.make(columns.sums[index] ?? 0, count);
};

const changeBetween = (
  current: AreaColumns,
  row: number,
  previous: AreaColumns,
  previousRow: number,
  previousColumnOf: ReadonlyArray<number>,
): Change => {
  const standards: Array<{ standardId: string; change: Ratio.Ratio }> = [];
  current.standardIds.forEach((standardId, column) => {
    const previousColumn = previousColumnOf[column] ?? -1;
    const now = meanAt(current, row, column);
    const then = previousColumn === -1 ? undefined : meanAt(previous, previousRow, previousColumn);
    if (now !== undefined && then !== undefined) {
      standards.push({
        standardId,
        change: Ratio.add(now, { numerator: -then.numerator, denominator: then.denominator }),
      });
    }
  });
  return {
    area: (current.percents[row] as number) - (previous.percents[previousRow] as number),
    standards,
  };
};

/**
 * Benchmarks one area: the distribution (or withholding), each service's percentile and flags, and
 * change since `previous` (the same area a cycle earlier) when given. A service listed twice throws.
 *
 * @example
 * ```ts
 * import { Benchmark } from "@sequin/core"
 * declare const columns: Benchmark.AreaColumns
 * Benchmark.benchmarkArea(columns, undefined, 5).withheld
 * ```
 */
export const benchmarkArea = (
  current: AreaColumns,
  previous: AreaColumns | undefined,
  minimumParticipants: number,
): AreaBenchmark => {
  const count = current.serviceIds.length;
  const seen = new Set<string>();
  for (const serviceId of current.serviceIds) {
    if (seen.has(serviceId))
      throw new RangeError(`${serviceId} has two results for ${current.area}`);
    seen.add(serviceId);
  }
  // Scratch reused across calls (all synchronous): per-call typed arrays would churn external memory.
  if (sortScratch.length < count) sortScratch = new Float64Array(count);
  const sorted = sortScratch.subarray(0, count);
  for (let row = 0; row < count; row++) sorted[row] = current.percents[row] as number;
  sorted.sort();
  const spread =
    count === 0 || count < minimumParticipants ? undefined : distributionOfSorted(sorted);
  const ranks = rankIndex(sorted);

  let previousRowOf: Map<string, number> | undefined;
  let previousColumnOf: ReadonlyArray<number> = [];
  if (previous !== undefined) {
    previousRowOf = new Map(previous.serviceIds.map((serviceId, row) => [serviceId, row]));
    // Standards can change between set versions: match them by id.
    previousColumnOf = current.standardIds.map((standardId, column) =>
      previous.standardIds[column] === standardId
        ? column
        : previous.standardIds.indexOf(standardId),
    );
  }

  const services: Array<ServiceStanding> = new Array(count);
  for (let row = 0; row < count; row++) {
    const percent = current.percents[row] as number;
    const serviceId = current.serviceIds[row] as string;
    const previousRow = previousRowOf?.get(serviceId);
    services[row] = {
      serviceId,
      percent,
      percentile: spread === undefined ? undefined : ranks.percentileRank(percent),
      bestPractice: spread !== undefined && percent >= spread.q3 && percent > spread.q1,
      focus: spread !== undefined && percent <= spread.q1 && percent < spread.q3,
      change:
        previous === undefined || previousRow === undefined
          ? undefined
          : changeBetween(current, row, previous, previousRow, previousColumnOf),
    };
  }
  return spread === undefined
    ? { area: current.area, withheld: true, participants: count, minimumParticipants, services }
    : { area: current.area, withheld: false, distribution: spread, services };
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
  const before = groupByArea(previous);
  return [...groupByArea(current, options.areas)].map(([area, results]) => {
    const earlier = before.get(area);
    return benchmarkArea(
      columnsOf(area, results),
      earlier === undefined ? undefined : columnsOf(area, earlier),
      options.minimumParticipants,
    );
  });
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
