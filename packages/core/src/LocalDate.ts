/**
 * Calendar dates without a time or zone, as ISO strings (`2022-03-31`). Deadlines in SeQuIn are whole
 * days in England, so comparing ISO strings is both exact and cheap.
 *
 * @module
 */
import { Schema } from "effect";

const isRealDate = (text: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
};

/**
 * A calendar date, `YYYY-MM-DD`, that exists (no 31 April).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { LocalDate } from "@sequin/core"
 * Schema.decodeUnknownSync(LocalDate.LocalDate)("2022-03-31") // "2022-03-31"
 * ```
 */
export const LocalDate = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter((text: string) =>
      isRealDate(text) ? undefined : `expected a date as YYYY-MM-DD, got "${text}"`,
    ),
  ),
  Schema.brand("LocalDate"),
);
export type LocalDate = typeof LocalDate.Type;

/**
 * Makes a LocalDate from parts, throwing on an impossible date (for trusted code and tests; decode
 * untrusted input with the schema).
 *
 * @example
 * ```ts
 * import { LocalDate } from "@sequin/core"
 * LocalDate.make(2021, 4, 1) // "2021-04-01"
 * ```
 */
export const make = (year: number, month: number, day: number): LocalDate => {
  const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!isRealDate(text)) throw new RangeError(`not a date: ${text}`);
  return text as LocalDate;
};

/**
 * The parts of a date.
 *
 * @example
 * ```ts
 * import { LocalDate } from "@sequin/core"
 * LocalDate.parts(LocalDate.make(2021, 4, 1)) // { year: 2021, month: 4, day: 1 }
 * ```
 */
export const parts = (
  date: LocalDate,
): { readonly year: number; readonly month: number; readonly day: number } => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
});

/**
 * The last day of a month.
 *
 * @example
 * ```ts
 * import { LocalDate } from "@sequin/core"
 * LocalDate.endOfMonth(2024, 2) // "2024-02-29"
 * ```
 */
export const endOfMonth = (year: number, month: number): LocalDate =>
  make(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());

/**
 * The date `days` days after `date` (negative goes back).
 *
 * @example
 * ```ts
 * import { LocalDate } from "@sequin/core"
 * LocalDate.addDays(LocalDate.make(2022, 3, 31), 1) // "2022-04-01"
 * ```
 */
export const addDays = (date: LocalDate, days: number): LocalDate => {
  const { year, month, day } = parts(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return make(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
};

/**
 * Today's date in England (Europe/London), from an instant.
 *
 * @example
 * ```ts
 * import { LocalDate } from "@sequin/core"
 * LocalDate.inLondon(new Date("2022-06-30T23:30:00Z")) // "2022-07-01" (BST)
 * ```
 */
export const inLondon = (instant: Date): LocalDate => {
  const formatted = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
  return formatted as LocalDate;
};

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/**
 * A date as people read it in NHS content style: day, month name, year — the same in the portal,
 * the printed documents and the public site.
 *
 * @example
 * ```ts
 * import { LocalDate } from "@sequin/core"
 * LocalDate.format(LocalDate.make(2021, 5, 31)) // "31 May 2021"
 * ```
 */
export const format = (date: LocalDate): string => {
  const { year, month, day } = parts(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
};
