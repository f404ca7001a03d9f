/**
 * Exact fractions of whole numbers. Scores are sums and means of small integers, so SeQuIn keeps them
 * exact and rounds only for display: 2.5 shown as "3" must really be 5/2, not 2.4999999.
 *
 * @module
 */

/** A fraction `numerator / denominator` with a positive denominator. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * The greatest common divisor of two whole numbers (0 when both are 0).
 *
 * @example
 * ```ts
 * import { Ratio } from "@sequin/core"
 * Ratio.gcd(12, 18) // 6
 * ```
 */
export const gcd = (a: number, b: number): number => {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
};

const checked = (value: number): number => {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`ratio part ${value} is not a safe integer`);
  return value;
};

/**
 * Makes a fraction in lowest terms.
 *
 * @example
 * ```ts
 * import { Ratio } from "@sequin/core"
 * Ratio.make(10, 4) // { numerator: 5, denominator: 2 }
 * ```
 */
export const make = (numerator: number, denominator: number): Ratio => {
  if (denominator === 0) throw new RangeError("ratio with a zero denominator");
  const sign = denominator < 0 ? -1 : 1;
  const divisor = gcd(numerator, denominator) || 1;
  return {
    numerator: checked((sign * numerator) / divisor),
    denominator: checked(Math.abs(denominator) / divisor),
  };
};

/**
 * Zero.
 *
 * @example
 * ```ts
 * import { Ratio } from "@sequin/core"
 * Ratio.add(Ratio.zero, Ratio.of(2)) // { numerator: 2, denominator: 1 }
 * ```
 */
export const zero: Ratio = { numerator: 0, denominator: 1 };

/**
 * A whole number as a fraction.
 *
 * @example
 * ```ts
 * import { Ratio } from "@sequin/core"
 * Ratio.of(3) // { numerator: 3, denominator: 1 }
 * ```
 */
export const of = (whole: number): Ratio => ({ numerator: checked(whole), denominator: 1 });

/**
 * The sum of two fractions, in lowest terms.
 *
 * @example
 * ```ts
 * import { Ratio } from "@sequin/core"
 * Ratio.add(Ratio.make(1, 3), Ratio.make(2, 3)) // { numerator: 1, denominator: 1 }
 * ```
 */
export const add = (a: Ratio, b: Ratio): Ratio =>
  a.denominator === b.denominator
    ? make(a.numerator + b.numerator, a.denominator)
    : make(
        checked(a.numerator * b.denominator + b.numerator * a.denominator),
        checked(a.denominator * b.denominator),
      );

/**
 * Divides a fraction by a whole number.
 *
 * @example
 * ```ts
 * import { Ratio } from "@sequin/core"
 * Ratio.divide(Ratio.of(5), 4) // { numerator: 5, denominator: 4 }
 * ```
 */
export const divide = (a: Ratio, by: number): Ratio =>
  make(a.numerator, checked(a.denominator * by));

/**
 * Multiplies a fraction by a whole number.
 *
 * @example
 * ```ts
 * import { Ratio } from "@sequin/core"
 * Ratio.times(Ratio.make(1, 4), 2) // { numerator: 1, denominator: 2 }
 * ```
 */
export const times = (a: Ratio, by: number): Ratio =>
  make(checked(a.numerator * by), a.denominator);

/**
 * Compares two fractions exactly: negative, zero or positive.
 *
 * @example
 * ```ts
 * import { Ratio } from "@sequin/core"
 * Ratio.compare(Ratio.make(1, 3), Ratio.make(2, 6)) // 0
 * ```
 */
export const compare = (a: Ratio, b: Ratio): number =>
  Math.sign(checked(a.numerator * b.denominator) - checked(b.numerator * a.denominator));

/**
 * Whether two fractions are equal.
 *
 * @example
 * ```ts
 * import { Ratio } from "@sequin/core"
 * Ratio.equals(Ratio.make(2, 4), Ratio.make(1, 2)) // true
 * ```
 */
export const equals = (a: Ratio, b: Ratio): boolean => compare(a, b) === 0;

/**
 * The nearest floating-point number (for charts and statistics, never for display rounding).
 *
 * @example
 * ```ts
 * import { Ratio } from "@sequin/core"
 * Ratio.toNumber(Ratio.make(1, 4)) // 0.25
 * ```
 */
export const toNumber = (a: Ratio): number => a.numerator / a.denominator;

/**
 * Rounds exactly to `digits` decimal places, halves away from zero, as text.
 *
 * @example
 * ```ts
 * import { Ratio } from "@sequin/core"
 * Ratio.format(Ratio.make(5, 8), 2) // "0.63"
 * Ratio.format(Ratio.make(5, 2), 0) // "3"
 * ```
 */
export const format = (a: Ratio, digits: number): string => {
  const scale = 10 ** digits;
  const magnitude = Math.abs(a.numerator) * scale;
  const rounded = Math.floor((2 * magnitude + a.denominator) / (2 * a.denominator));
  const negative = a.numerator < 0 && rounded !== 0;
  const whole = Math.floor(rounded / scale);
  const fraction = digits > 0 ? `.${String(rounded % scale).padStart(digits, "0")}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
};
