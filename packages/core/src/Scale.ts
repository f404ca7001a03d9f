/**
 * The scoring scale. SeQuIn's default is 0–3 (Not in place, Starting, Mostly in place, Fully in place
 * and embedded); a standards set may define its own, always whole numbers from 0 upwards.
 *
 * @module
 */
import { Schema } from "effect";

/**
 * One point on a scale, with its plain and easy-read labels.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Scale } from "@sequin/core"
 * Schema.decodeUnknownSync(Scale.ScalePoint)({ value: 0, label: "Not in place", easyRead: "Not happening" })
 * ```
 */
export const ScalePoint = Schema.Struct({
  value: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))),
  label: Schema.NonEmptyString,
  easyRead: Schema.NonEmptyString,
});
export type ScalePoint = typeof ScalePoint.Type;

/**
 * A scale: at least two points, numbered 0, 1, 2, … in order (so the highest value is the maximum).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Scale } from "@sequin/core"
 * Schema.decodeUnknownSync(Scale.Scale)(Scale.defaultScale).length // 4
 * ```
 */
export const Scale = Schema.Array(ScalePoint).pipe(
  Schema.check(
    Schema.isMinLength(2),
    Schema.makeFilter((points: ReadonlyArray<ScalePoint>) => {
      const misplaced = points.findIndex((point, index) => point.value !== index);
      return misplaced === -1
        ? undefined
        : {
            path: [misplaced, "value"],
            issue: `scale points must be numbered 0, 1, 2, … in order; expected ${misplaced}`,
          };
    }),
  ),
);
export type Scale = typeof Scale.Type;

/**
 * The default SeQuIn scale.
 *
 * @example
 * ```ts
 * import { Scale } from "@sequin/core"
 * Scale.defaultScale[3]?.label // "Fully in place and embedded"
 * ```
 */
export const defaultScale: Scale = [
  { value: 0, label: "Not in place", easyRead: "Not happening" },
  { value: 1, label: "Starting", easyRead: "Just starting" },
  { value: 2, label: "Mostly in place", easyRead: "Mostly happening" },
  { value: 3, label: "Fully in place and embedded", easyRead: "Always happening" },
];

/**
 * The highest score on a scale.
 *
 * @example
 * ```ts
 * import { Scale } from "@sequin/core"
 * Scale.maxScore(Scale.defaultScale) // 3
 * ```
 */
export const maxScore = (scale: Scale): number => scale.length - 1;

/**
 * Whether `value` is a score on `scale`.
 *
 * @example
 * ```ts
 * import { Scale } from "@sequin/core"
 * Scale.isScore(Scale.defaultScale, 2) // true
 * Scale.isScore(Scale.defaultScale, 2.5) // false
 * ```
 */
export const isScore = (scale: Scale, value: number): boolean =>
  Number.isInteger(value) && value >= 0 && value <= maxScore(scale);

/**
 * The label of a score, or `undefined` when it is not on the scale.
 *
 * @example
 * ```ts
 * import { Scale } from "@sequin/core"
 * Scale.labelOf(Scale.defaultScale, 0) // "Not in place"
 * ```
 */
export const labelOf = (scale: Scale, value: number): string | undefined =>
  scale.find((point) => point.value === value)?.label;
