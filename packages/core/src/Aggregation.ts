/**
 * Aggregation: area scores, and hospital scores from ward assessments — exact sums and counts, with
 * rounding only for display.
 *
 * Area score = sum of applicable agreed scores ÷ (scale maximum × number of applicable standards).
 * N/A standards are left out, never counted as 0. When wards assess separately, the hospital's score
 * for a standard is the mean of the wards that scored it, and the area score is computed from those
 * means.
 *
 * @module
 */
import type { Agreed } from "./Consensus.ts";
import * as Ratio from "./Ratio.ts";
import { maxScore, type Scale } from "./Scale.ts";
import type { Area } from "./Standards.ts";

/** The part of a standard response aggregation needs. */
export interface AgreedScore {
  readonly standardId: string;
  readonly agreed: Agreed | null;
}

/** An area's score, exact. */
export interface AreaScore {
  /** Sum of the applicable standards' scores (or ward means), exact. */
  readonly points: Ratio.Ratio;
  /** Standards that count: scored, not N/A. At least 1. */
  readonly applicable: number;
  readonly notApplicable: number;
  /** Standards with no agreed score yet (a draft's score is provisional). */
  readonly unanswered: number;
  readonly maxPerStandard: number;
  /** The percentage as a float, for charts and statistics. Display with {@link formatPercent}. */
  readonly percent: number;
}

/**
 * The exact percentage of an area score.
 *
 * @example
 * ```ts
 * import { Aggregation } from "@sequin/core"
 * declare const score: Aggregation.AreaScore
 * Aggregation.percentRatio(score) // e.g. { numerator: 200, denominator: 3 } for 66⅔%
 * ```
 */
export const percentRatio = (score: AreaScore): Ratio.Ratio =>
  Ratio.divide(Ratio.times(score.points, 100), score.maxPerStandard * score.applicable);

/**
 * A score as a rounded percentage, e.g. "67%".
 *
 * @example
 * ```ts
 * import { Aggregation } from "@sequin/core"
 * declare const score: Aggregation.AreaScore
 * Aggregation.formatPercent(score) // "67%"
 * ```
 */
export const formatPercent = (score: AreaScore, digits = 0): string =>
  `${Ratio.format(percentRatio(score), digits)}%`;

const makeScore = (
  points: Ratio.Ratio,
  counts: { applicable: number; notApplicable: number; unanswered: number },
  maxPerStandard: number,
): AreaScore | undefined =>
  counts.applicable === 0
    ? undefined
    : {
        points,
        applicable: counts.applicable,
        notApplicable: counts.notApplicable,
        unanswered: counts.unanswered,
        maxPerStandard,
        percent: percentOf({ ...points, applicable: counts.applicable, maximum: maxPerStandard }),
      };

const positionsCache = new WeakMap<Area, Map<string, number>>();
const positionsOf = (area: Area): Map<string, number> => {
  let positions = positionsCache.get(area);
  if (positions === undefined) {
    positions = new Map(area.standards.map((standard, index) => [standard.id as string, index]));
    positionsCache.set(area, positions);
  }
  return positions;
};

/** Where a response belongs in the area's standards: responses usually come in order, so try that first. */
const positionOf = (area: Area, response: AgreedScore, index: number): number | undefined =>
  area.standards[index]?.id === response.standardId
    ? index
    : positionsOf(area).get(response.standardId);

/**
 * The score of one assessment of an area (a service, or one ward). Responses for standards outside
 * the area are ignored; they are caught by submit readiness. Returns `undefined` when no standard
 * applies yet.
 *
 * @example
 * ```ts
 * import { Aggregation, Scale } from "@sequin/core"
 * declare const area: import("@sequin/core").Standards.Area
 * const score = Aggregation.areaScore(area, [{ standardId: "TEC-01", agreed: 2 }], Scale.defaultScale)
 * ```
 */
export const areaScore = (
  area: Area,
  responses: ReadonlyArray<AgreedScore>,
  scale: Scale,
): AreaScore | undefined => hospitalArea(area, [responses], 1, scale).score;

/**
 * Per-standard totals across a hospital's wards, as parallel arrays in the area's standard order:
 * exact sums and counts, so means are exact fractions. Compact on purpose: a national network has
 * millions of these numbers.
 */
export interface StandardTotals {
  /** The area's standard ids, in order (shared, not copied). */
  readonly standardIds: ReadonlyArray<string>;
  /** Sum of the ward scores that count, per standard. */
  readonly sums: ReadonlyArray<number>;
  /** Wards that scored each standard (its coverage). */
  readonly scored: ReadonlyArray<number>;
  /** Wards that marked each standard N/A. */
  readonly notApplicable: ReadonlyArray<number>;
}

/** One standard across a hospital's wards, for display. */
export interface StandardAggregate {
  readonly standardId: string;
  readonly sum: number;
  /** Wards that scored it ("scored of wards"). */
  readonly scored: number;
  readonly notApplicable: number;
  /** Wards that assessed the area but gave this standard no agreed score. */
  readonly unanswered: number;
  /** The hospital's wards in all, assessed or not. */
  readonly wards: number;
  /** The mean of the ward scores, or `undefined` when no ward scored it. */
  readonly mean: Ratio.Ratio | undefined;
}

/** A hospital's result for an area from its wards' assessments. */
export interface HospitalAreaResult {
  readonly totals: StandardTotals;
  readonly score: AreaScore | undefined;
  /** Wards that assessed the area, of all the hospital's wards. */
  readonly coverage: { readonly assessed: number; readonly wards: number };
}

/**
 * The exact mean of standard `index` in `totals`, or `undefined` when no ward scored it.
 *
 * @example
 * ```ts
 * import { Aggregation } from "@sequin/core"
 * Aggregation.standardMean({ standardIds: ["A-01"], sums: [5], scored: [2], notApplicable: [0] }, 0)
 * // { numerator: 5, denominator: 2 }
 * ```
 */
export const standardMean = (totals: StandardTotals, index: number): Ratio.Ratio | undefined => {
  const scored = totals.scored[index] ?? 0;
  return scored === 0 ? undefined : Ratio.make(totals.sums[index] ?? 0, scored);
};

/**
 * A hospital result's standards as objects, with means and coverage, for display.
 *
 * @example
 * ```ts
 * import { Aggregation } from "@sequin/core"
 * declare const result: Aggregation.HospitalAreaResult
 * Aggregation.standardAggregates(result)[0]?.mean
 * ```
 */
export const standardAggregates = (result: HospitalAreaResult): ReadonlyArray<StandardAggregate> =>
  result.totals.standardIds.map((standardId, index) => {
    const scored = result.totals.scored[index] ?? 0;
    const notApplicable = result.totals.notApplicable[index] ?? 0;
    return {
      standardId,
      sum: result.totals.sums[index] ?? 0,
      scored,
      notApplicable,
      unanswered: result.coverage.assessed - scored - notApplicable,
      wards: result.coverage.wards,
      mean: standardMean(result.totals, index),
    };
  });

const idsCache = new WeakMap<Area, ReadonlyArray<string>>();
const idsOf = (area: Area): ReadonlyArray<string> => {
  let ids = idsCache.get(area);
  if (ids === undefined) {
    ids = area.standards.map((standard) => standard.id as string);
    idsCache.set(area, ids);
  }
  return ids;
};

/**
 * In a {@link ScoreMatrix}: the standard was marked N/A.
 *
 * @example
 * ```ts
 * import { Aggregation } from "@sequin/core"
 * const cells = Int8Array.of(3, Aggregation.NOT_APPLICABLE)
 * ```
 */
export const NOT_APPLICABLE = -1;
/**
 * In a {@link ScoreMatrix}: no agreed score yet.
 *
 * @example
 * ```ts
 * import { Aggregation } from "@sequin/core"
 * const cells = Int8Array.of(3, Aggregation.UNANSWERED)
 * ```
 */
export const UNANSWERED = -2;

/**
 * Ward scores for one area in compact form: row by row, one row per ward that assessed, one column
 * per standard in the area's order. A cell holds the agreed score, {@link NOT_APPLICABLE} or
 * {@link UNANSWERED}. This is the form to use for a whole network (an `Int8Array` over rows read
 * straight from a database): it is several times faster than arrays of response objects.
 */
export interface ScoreMatrix {
  readonly wards: number;
  readonly cells: ArrayLike<number>;
}

/**
 * Ward responses as a {@link ScoreMatrix}. Responses for standards outside the area are ignored, as
 * are repeats (the first counts): submit readiness reports both.
 *
 * @example
 * ```ts
 * import { Aggregation } from "@sequin/core"
 * declare const area: import("@sequin/core").Standards.Area
 * Aggregation.toScoreMatrix(area, [[{ standardId: area.standards[0]!.id, agreed: "na" }]]).cells[0] // -1
 * ```
 */
export const toScoreMatrix = (
  area: Area,
  wards: ReadonlyArray<ReadonlyArray<AgreedScore>>,
  buffer?: Int8Array,
): ScoreMatrix => {
  const size = area.standards.length;
  const length = wards.length * size;
  // A caller scoring a whole network passes a reusable buffer: a typed array per service is costly.
  const cells =
    buffer !== undefined && buffer.length >= length
      ? buffer.subarray(0, length)
      : new Int8Array(length);
  cells.fill(UNANSWERED);
  for (let ward = 0; ward < wards.length; ward++) {
    const responses = wards[ward] as ReadonlyArray<AgreedScore>;
    const row = ward * size;
    for (let index = 0; index < responses.length; index++) {
      const response = responses[index] as AgreedScore;
      const position = positionOf(area, response, index);
      if (
        position === undefined ||
        response.agreed === null ||
        cells[row + position] !== UNANSWERED
      )
        continue;
      cells[row + position] =
        response.agreed === "na" ? NOT_APPLICABLE : Math.max(0, Math.min(response.agreed, 127));
    }
  }
  return { wards: wards.length, cells };
};

/**
 * A hospital's area result from separate ward assessments: per standard, the mean of the wards that
 * scored it (N/A wards left out), with coverage; the area score from those means. `totalWards` is the
 * hospital's number of wards, including those that have not assessed.
 *
 * @example
 * ```ts
 * import { Aggregation, Scale } from "@sequin/core"
 * declare const area: import("@sequin/core").Standards.Area
 * const result = Aggregation.hospitalArea(area, [wardA, wardB], 3, Scale.defaultScale)
 * result.coverage // { assessed: 2, wards: 3 }: "2 of 3 wards"
 * ```
 */
export const hospitalArea = (
  area: Area,
  wards: ReadonlyArray<ReadonlyArray<AgreedScore>>,
  totalWards: number,
  scale: Scale,
): HospitalAreaResult =>
  hospitalAreaFromMatrix(area, toScoreMatrix(area, wards), totalWards, scale);

/**
 * {@link hospitalArea} from a {@link ScoreMatrix}.
 *
 * @example
 * ```ts
 * import { Aggregation, Scale } from "@sequin/core"
 * declare const area: import("@sequin/core").Standards.Area // 6 standards
 * const matrix = { wards: 1, cells: Int8Array.of(3, 2, 2, 1, -1, -1) }
 * Aggregation.hospitalAreaFromMatrix(area, matrix, 1, Scale.defaultScale).score?.percent // 66.66…
 * ```
 */
export const hospitalAreaFromMatrix = (
  area: Area,
  matrix: ScoreMatrix,
  totalWards: number,
  scale: Scale,
): HospitalAreaResult => {
  const size = area.standards.length;
  if (matrix.cells.length !== matrix.wards * size) {
    throw new RangeError(
      `a score matrix for ${matrix.wards} wards of ${area.code} needs ${matrix.wards * size} cells`,
    );
  }
  const columns = {
    sums: new Float64Array(size),
    scored: new Float64Array(size),
    notApplicable: new Float64Array(size),
  };
  const fraction = accumulate(matrix.cells, 0, matrix.wards, size, maxScore(scale), columns, 0);
  return {
    totals: {
      standardIds: idsOf(area),
      sums: Array.from(columns.sums),
      scored: Array.from(columns.scored),
      notApplicable: Array.from(columns.notApplicable),
    },
    score: makeScore(
      Ratio.make(fraction.numerator, fraction.denominator),
      {
        applicable: fraction.applicable,
        notApplicable: fraction.notApplicable,
        unanswered: fraction.unanswered,
      },
      fraction.maximum,
    ),
    coverage: { assessed: matrix.wards, wards: Math.max(totalWards, matrix.wards) },
  };
};

/** Where {@link accumulate} writes per-standard totals: typed arrays, so the hot loop stays monomorphic. */
export interface TotalsColumns {
  readonly sums: Float64Array;
  readonly scored: Float64Array;
  readonly notApplicable: Float64Array;
}

/** What {@link accumulate} returns: the area's points as an exact fraction, and the counts. */
export interface Accumulated {
  numerator: number;
  denominator: number;
  applicable: number;
  notApplicable: number;
  unanswered: number;
  maximum: number;
}

const accumulated: Accumulated = {
  numerator: 0,
  denominator: 1,
  applicable: 0,
  notApplicable: 0,
  unanswered: 0,
  maximum: 0,
};

/**
 * The low-level step under every area score: reads `wards` rows of `size` cells starting at `start`,
 * writes each standard's sum, count and N/A count into `into` at `offset`, and returns the sum of the
 * standard means as an exact fraction over the least common denominator of the counts. The returned
 * object is reused by the next call: copy what you keep. Used for whole networks, where allocating
 * per service would dominate the cost.
 *
 * @example
 * ```ts
 * import { Aggregation } from "@sequin/core"
 * const into = { sums: new Float64Array(2), scored: new Float64Array(2), notApplicable: new Float64Array(2) }
 * const f = Aggregation.accumulate(Int8Array.of(3, -1, 2, 2), 0, 2, 2, 3, into, 0)
 * // into.sums = [5, 2]; f.numerator / f.denominator = 5/2 + 2/1 = 9/2
 * ```
 */
export const accumulate = (
  cells: ArrayLike<number>,
  start: number,
  wards: number,
  size: number,
  maximum: number,
  into: TotalsColumns,
  offset: number,
): Accumulated => {
  let numerator = 0;
  let denominator = 1;
  let applicable = 0;
  let allNotApplicable = 0;
  let unanswered = 0;
  const end = start + wards * size;
  for (let position = 0; position < size; position++) {
    let sum = 0;
    let count = 0;
    let na = 0;
    for (let cell = start + position; cell < end; cell += size) {
      const value = cells[cell] as number;
      if (value >= 0) {
        sum += Math.min(value, maximum);
        count++;
      } else if (value === NOT_APPLICABLE) na++;
    }
    into.sums[offset + position] = sum;
    into.scored[offset + position] = count;
    into.notApplicable[offset + position] = na;
    if (count > 0) {
      if (denominator % count === 0) numerator += sum * (denominator / count);
      else {
        const common = (denominator / Ratio.gcd(denominator, count)) * count;
        numerator = numerator * (common / denominator) + sum * (common / count);
        denominator = common;
      }
      applicable++;
    } else if (na > 0) allNotApplicable++;
    else unanswered++;
  }
  accumulated.numerator = numerator;
  accumulated.denominator = denominator;
  accumulated.applicable = applicable;
  accumulated.notApplicable = allNotApplicable;
  accumulated.unanswered = unanswered;
  accumulated.maximum = maximum;
  return accumulated;
};

/**
 * The percentage of an accumulated fraction as a float. Equal fractions give identical floats (the
 * division of exact integers is correctly rounded), so ties stay ties.
 *
 * @example
 * ```ts
 * import { Aggregation } from "@sequin/core"
 * Aggregation.percentOf({ numerator: 9, denominator: 2, applicable: 2, maximum: 3 }) // 75
 * ```
 */
export const percentOf = (
  fraction: Pick<Accumulated, "numerator" | "denominator" | "applicable" | "maximum">,
): number =>
  (100 * fraction.numerator) / (fraction.denominator * fraction.maximum * fraction.applicable);

/**
 * "4 of 5 wards".
 *
 * @example
 * ```ts
 * import { Aggregation } from "@sequin/core"
 * Aggregation.describeCoverage({ assessed: 4, wards: 5 }) // "4 of 5 wards"
 * ```
 */
export const describeCoverage = (coverage: {
  readonly assessed: number;
  readonly wards: number;
}): string => `${coverage.assessed} of ${coverage.wards} ward${coverage.wards === 1 ? "" : "s"}`;
