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
        ...counts,
        maxPerStandard,
        percent:
          (100 * points.numerator) / (points.denominator * maxPerStandard * counts.applicable),
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
): AreaScore | undefined => {
  const maximum = maxScore(scale);
  let points = 0;
  let applicable = 0;
  let notApplicable = 0;
  const seen = new Uint8Array(area.standards.length);
  for (let index = 0; index < responses.length; index++) {
    const response = responses[index] as AgreedScore;
    const position = positionOf(area, response, index);
    if (position === undefined || seen[position] === 1 || response.agreed === null) continue;
    seen[position] = 1;
    if (response.agreed === "na") notApplicable++;
    else {
      points += Math.min(response.agreed, maximum);
      applicable++;
    }
  }
  const unanswered = area.standards.length - applicable - notApplicable;
  return makeScore(Ratio.of(points), { applicable, notApplicable, unanswered }, maximum);
};

/** One standard across a hospital's wards. */
export interface StandardAggregate {
  readonly standardId: string;
  /** Sum of the ward scores that count. */
  readonly sum: number;
  /** Wards that scored it (its coverage, "scored of wards"). */
  readonly scored: number;
  readonly notApplicable: number;
  readonly unanswered: number;
  /** The hospital's wards in all, assessed or not. */
  readonly wards: number;
  /** The mean of the ward scores, or `undefined` when no ward scored it. */
  readonly mean: Ratio.Ratio | undefined;
}

/** A hospital's result for an area from its wards' assessments. */
export interface HospitalAreaResult {
  readonly standards: ReadonlyArray<StandardAggregate>;
  readonly score: AreaScore | undefined;
  /** Wards that assessed the area, of all the hospital's wards. */
  readonly coverage: { readonly assessed: number; readonly wards: number };
}

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
): HospitalAreaResult => {
  const maximum = maxScore(scale);
  const size = area.standards.length;
  const sums = new Float64Array(size);
  const scored = new Uint32Array(size);
  const notApplicable = new Uint32Array(size);
  const seen = new Uint8Array(size);
  for (const responses of wards) {
    seen.fill(0);
    for (let index = 0; index < responses.length; index++) {
      const response = responses[index] as AgreedScore;
      const position = positionOf(area, response, index);
      if (position === undefined || seen[position] === 1 || response.agreed === null) continue;
      seen[position] = 1;
      if (response.agreed === "na") (notApplicable[position] as number)++;
      else {
        sums[position] = (sums[position] as number) + Math.min(response.agreed, maximum);
        (scored[position] as number)++;
      }
    }
  }

  const standards: Array<StandardAggregate> = [];
  let points = Ratio.zero;
  let applicable = 0;
  let allNotApplicable = 0;
  let unansweredStandards = 0;
  for (let position = 0; position < size; position++) {
    const count = scored[position] as number;
    const sum = sums[position] as number;
    const na = notApplicable[position] as number;
    const mean = count === 0 ? undefined : Ratio.make(sum, count);
    if (mean !== undefined) {
      points = Ratio.add(points, mean);
      applicable++;
    } else if (na > 0) allNotApplicable++;
    else unansweredStandards++;
    standards.push({
      standardId: (area.standards[position] as Area["standards"][number]).id,
      sum,
      scored: count,
      notApplicable: na,
      unanswered: wards.length - count - na,
      wards: totalWards,
      mean,
    });
  }
  return {
    standards,
    score: makeScore(
      points,
      { applicable, notApplicable: allNotApplicable, unanswered: unansweredStandards },
      maximum,
    ),
    coverage: { assessed: wards.length, wards: Math.max(totalWards, wards.length) },
  };
};

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
