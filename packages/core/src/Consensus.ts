/**
 * Consensus: for each standard, service users' and staff's views (and optionally carers'), optionally
 * gathered first as private individual ratings, then the score everyone agrees, with a rationale.
 *
 * @module
 */
import { Schema } from "effect";
import { StandardId } from "./Standards.ts";

/**
 * A score as entered: a whole number from 0. Whether it fits the set's scale is checked against it.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Consensus } from "@sequin/core"
 * Schema.is(Consensus.Score)(2) // true
 * ```
 */
export const Score = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)));
export type Score = typeof Score.Type;

/**
 * The groups whose views are recorded. Carers are optional.
 *
 * @example
 * ```ts
 * import { Consensus } from "@sequin/core"
 * Consensus.Group.literals // ["serviceUser", "staff", "carer"]
 * ```
 */
export const Group = Schema.Literals(["serviceUser", "staff", "carer"]);
export type Group = typeof Group.Type;

/**
 * The agreed outcome for a standard: a score, or `"na"` where the standard's data allows it.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Consensus } from "@sequin/core"
 * Schema.is(Consensus.Agreed)("na") // true
 * ```
 */
export const Agreed = Schema.Union([Score, Schema.Literal("na")]);
export type Agreed = typeof Agreed.Type;

/**
 * The points apart at which views are flagged for discussion.
 *
 * @example
 * ```ts
 * import { Consensus } from "@sequin/core"
 * Consensus.DIVERGENCE_THRESHOLD // 2
 * ```
 */
export const DIVERGENCE_THRESHOLD = 2;

/**
 * One standard's consensus record. `views` are each group's view as agreed within the group; when a
 * group rated privately first, `privateRatings` holds the individual ratings (anonymous, no names)
 * and the group view defaults to their median.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Consensus } from "@sequin/core"
 * const decodeResponse = Schema.decodeUnknownResult(Consensus.StandardResponse)
 * ```
 */
export const StandardResponse = Schema.Struct({
  standardId: StandardId,
  views: Schema.Struct({
    serviceUser: Schema.NullOr(Score),
    staff: Schema.NullOr(Score),
    carer: Schema.optionalKey(Schema.NullOr(Score)),
  }),
  privateRatings: Schema.optionalKey(
    Schema.Struct({
      serviceUser: Schema.Array(Score),
      staff: Schema.Array(Score),
      carer: Schema.optionalKey(Schema.Array(Score)),
    }),
  ),
  agreed: Schema.NullOr(Agreed),
  rationale: Schema.String.pipe(Schema.check(Schema.isMaxLength(2000))),
  evidence: Schema.String.pipe(Schema.check(Schema.isMaxLength(20000))),
});
export type StandardResponse = typeof StandardResponse.Type;

/**
 * The median of a group's private ratings (the mean of the middle two for an even count), or
 * `undefined` when nobody rated. The median resists one outlier swaying the group.
 *
 * @example
 * ```ts
 * import { Consensus } from "@sequin/core"
 * Consensus.median([3, 0, 2]) // 2
 * Consensus.median([1, 2]) // 1.5
 * ```
 */
export const median = (ratings: ReadonlyArray<number>): number | undefined => {
  if (ratings.length === 0) return undefined;
  const sorted = [...ratings].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
};

/** A summary of one group's private ratings. */
export interface RatingSummary {
  readonly count: number;
  readonly median: number;
  readonly lowest: number;
  readonly highest: number;
}

/**
 * Summarises private ratings per group (groups with no ratings are left out).
 *
 * @example
 * ```ts
 * import { Consensus } from "@sequin/core"
 * Consensus.summarisePrivateRatings({ serviceUser: [1, 3, 2], staff: [] })
 * // { serviceUser: { count: 3, median: 2, lowest: 1, highest: 3 } }
 * ```
 */
export const summarisePrivateRatings = (
  ratings: NonNullable<StandardResponse["privateRatings"]>,
): Partial<Record<Group, RatingSummary>> => {
  const summary: Partial<Record<Group, RatingSummary>> = {};
  for (const group of Group.literals) {
    const values = ratings[group] ?? [];
    const middle = median(values);
    if (middle !== undefined) {
      summary[group] = {
        count: values.length,
        median: middle,
        lowest: Math.min(...values),
        highest: Math.max(...values),
      };
    }
  }
  return summary;
};

/**
 * Each group's view: the recorded view, or else the median of its private ratings.
 *
 * @example
 * ```ts
 * import { Consensus } from "@sequin/core"
 * declare const response: Consensus.StandardResponse
 * Consensus.groupViews(response) // { serviceUser: 2, staff: 3 }
 * ```
 */
export const groupViews = (response: StandardResponse): Partial<Record<Group, number>> => {
  const views: Partial<Record<Group, number>> = {};
  for (const group of Group.literals) {
    const recorded = response.views[group];
    const fallback = median(response.privateRatings?.[group] ?? []);
    const view = recorded ?? fallback;
    if (view !== undefined) views[group] = view;
  }
  return views;
};

/** Views flagged for discussion: the two groups furthest apart and by how much. */
export interface Divergence {
  readonly spread: number;
  readonly lowest: { readonly group: Group; readonly view: number };
  readonly highest: { readonly group: Group; readonly view: number };
}

/**
 * The divergence between groups' views when they are {@link DIVERGENCE_THRESHOLD} or more points
 * apart, else `undefined`.
 *
 * @example
 * ```ts
 * import { Consensus } from "@sequin/core"
 * Consensus.divergence({ serviceUser: 1, staff: 3 })
 * // { spread: 2, lowest: { group: "serviceUser", view: 1 }, highest: { group: "staff", view: 3 } }
 * ```
 */
export const divergence = (views: Partial<Record<Group, number>>): Divergence | undefined => {
  let lowest: { group: Group; view: number } | undefined;
  let highest: { group: Group; view: number } | undefined;
  for (const group of Group.literals) {
    const view = views[group];
    if (view === undefined) continue;
    if (lowest === undefined || view < lowest.view) lowest = { group, view };
    if (highest === undefined || view > highest.view) highest = { group, view };
  }
  if (lowest === undefined || highest === undefined) return undefined;
  const spread = highest.view - lowest.view;
  return spread >= DIVERGENCE_THRESHOLD ? { spread, lowest, highest } : undefined;
};
