/**
 * Cycles: a SeQuIn year is an NHS financial year, 1 April to 31 March, labelled like `2021/22`.
 *
 * @module
 */
import { Schema } from "effect";
import * as LocalDate from "./LocalDate.ts";

/**
 * A cycle label: the starting year, a slash and the next year's last two digits (`2021/22`).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Cycle } from "@sequin/core"
 * Schema.decodeUnknownSync(Cycle.CycleLabel)("2021/22") // "2021/22"
 * ```
 */
export const CycleLabel = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter((text: string) => {
      const match = /^(\d{4})\/(\d{2})$/u.exec(text);
      if (match === null) return `expected a cycle like 2021/22, got "${text}"`;
      const start = Number(match[1]);
      return (start + 1) % 100 === Number(match[2])
        ? undefined
        : `the second year of ${text} should be ${String((start + 1) % 100).padStart(2, "0")}`;
    }),
  ),
  Schema.brand("CycleLabel"),
);
export type CycleLabel = typeof CycleLabel.Type;

/**
 * The label of the cycle that starts on 1 April of `startYear`.
 *
 * @example
 * ```ts
 * import { Cycle } from "@sequin/core"
 * Cycle.label(2021) // "2021/22"
 * ```
 */
export const label = (startYear: number): CycleLabel =>
  `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}` as CycleLabel;

/**
 * The year a cycle starts in.
 *
 * @example
 * ```ts
 * import { Cycle } from "@sequin/core"
 * Cycle.startYear(Cycle.label(2021)) // 2021
 * ```
 */
export const startYear = (cycle: CycleLabel): number => Number(cycle.slice(0, 4));

/**
 * The cycle a date falls in.
 *
 * @example
 * ```ts
 * import { Cycle, LocalDate } from "@sequin/core"
 * Cycle.containing(LocalDate.make(2022, 3, 31)) // "2021/22"
 * Cycle.containing(LocalDate.make(2022, 4, 1)) // "2022/23"
 * ```
 */
export const containing = (date: LocalDate.LocalDate): CycleLabel => {
  const { year, month } = LocalDate.parts(date);
  return label(month >= 4 ? year : year - 1);
};

/**
 * A cycle's first and last days.
 *
 * @example
 * ```ts
 * import { Cycle } from "@sequin/core"
 * Cycle.bounds(Cycle.label(2021)) // { start: "2021-04-01", end: "2022-03-31" }
 * ```
 */
export const bounds = (
  cycle: CycleLabel,
): { readonly start: LocalDate.LocalDate; readonly end: LocalDate.LocalDate } => {
  const year = startYear(cycle);
  return { start: LocalDate.make(year, 4, 1), end: LocalDate.make(year + 1, 3, 31) };
};

/**
 * The cycle before.
 *
 * @example
 * ```ts
 * import { Cycle } from "@sequin/core"
 * Cycle.previous(Cycle.label(2021)) // "2020/21"
 * ```
 */
export const previous = (cycle: CycleLabel): CycleLabel => label(startYear(cycle) - 1);

/**
 * The cycle after.
 *
 * @example
 * ```ts
 * import { Cycle } from "@sequin/core"
 * Cycle.next(Cycle.label(2021)) // "2022/23"
 * ```
 */
export const next = (cycle: CycleLabel): CycleLabel => label(startYear(cycle) + 1);

/**
 * Whether a date is inside a cycle.
 *
 * @example
 * ```ts
 * import { Cycle, LocalDate } from "@sequin/core"
 * Cycle.includes(Cycle.label(2021), LocalDate.make(2021, 4, 1)) // true
 * ```
 */
export const includes = (cycle: CycleLabel, date: LocalDate.LocalDate): boolean => {
  const { start, end } = bounds(cycle);
  return date >= start && date <= end;
};
