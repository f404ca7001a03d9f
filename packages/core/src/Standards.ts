/**
 * Areas, standards and versioned standards sets: the data every assessment is scored against.
 *
 * @module
 */
import { Schema } from "effect";
import { EasyReadText } from "./EasyRead.ts";
import { Scale } from "./Scale.ts";

/**
 * Whose experience a standard is about.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Standards } from "@sequin/core"
 * Schema.is(Standards.Perspective)("service-user") // true
 * ```
 */
export const Perspective = Schema.Literals(["service-user", "service", "both"]);
export type Perspective = typeof Perspective.Type;

/**
 * How much a standard matters: essential (every secure service), expected, desirable (the best).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Standards } from "@sequin/core"
 * Schema.is(Standards.WeightClass)("essential") // true
 * ```
 */
export const WeightClass = Schema.Literals(["essential", "expected", "desirable"]);
export type WeightClass = typeof WeightClass.Type;

/**
 * An area's code, 2–4 capital letters, e.g. `CPA`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Standards } from "@sequin/core"
 * Schema.decodeUnknownSync(Standards.AreaCode)("CPA")
 * ```
 */
export const AreaCode = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[A-Z]{2,4}$/u, { message: "an area code is 2–4 capital letters, e.g. CPA" }),
  ),
  Schema.brand("AreaCode"),
);
export type AreaCode = typeof AreaCode.Type;

/**
 * An area's slug: lower-case words joined by hyphens, e.g. `cpa-standards`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Standards } from "@sequin/core"
 * Schema.decodeUnknownSync(Standards.AreaSlug)("cpa-standards")
 * ```
 */
export const AreaSlug = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, {
      message: "a slug is lower-case words joined by hyphens, e.g. cpa-standards",
    }),
  ),
  Schema.brand("AreaSlug"),
);
export type AreaSlug = typeof AreaSlug.Type;

/**
 * A standard's stable id: the area code, a hyphen and two digits, e.g. `CPA-07`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Standards } from "@sequin/core"
 * Schema.decodeUnknownSync(Standards.StandardId)("CPA-07")
 * ```
 */
export const StandardId = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[A-Z]{2,4}-\d{2}$/u, {
      message: "a standard id is the area code and two digits, e.g. CPA-07",
    }),
  ),
  Schema.brand("StandardId"),
);
export type StandardId = typeof StandardId.Type;

/**
 * An OpenMoji symbol, by its hexcode, e.g. `1F37D` or `1F468-200D-1F469-200D-1F467`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Standards } from "@sequin/core"
 * Schema.decodeUnknownSync(Standards.SymbolId)("1F37D")
 * ```
 */
export const SymbolId = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[0-9A-F]{4,6}(?:-[0-9A-F]{4,6})*$/u, {
      message: "a symbol is an OpenMoji hexcode in capitals, e.g. 1F37D",
    }),
  ),
  Schema.brand("SymbolId"),
);
export type SymbolId = typeof SymbolId.Type;

const PlainText = (maxLength: number) =>
  Schema.Trimmed.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(maxLength)));

/**
 * The most easy-read sentences a standard may have.
 *
 * @example
 * ```ts
 * import { Standards } from "@sequin/core"
 * Standards.MAX_STANDARD_EASY_READ_SENTENCES // 4
 * ```
 */
export const MAX_STANDARD_EASY_READ_SENTENCES = 4;

/**
 * One standard: a single measurable statement, its easy-read version and how it is scored.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Standards } from "@sequin/core"
 * const decodeStandard = Schema.decodeUnknownResult(Standards.Standard)
 * ```
 */
export const Standard = Schema.Struct({
  id: StandardId,
  text: PlainText(300),
  easyRead: EasyReadText.pipe(
    Schema.check(
      Schema.makeFilter((text: string) =>
        text.split(/(?<=[.!?])\s+/u).filter((part) => part.trim() !== "").length <=
        MAX_STANDARD_EASY_READ_SENTENCES
          ? undefined
          : `a standard's easy read has at most ${MAX_STANDARD_EASY_READ_SENTENCES} sentences`,
      ),
    ),
  ),
  perspective: Perspective,
  weight: WeightClass,
  naAllowed: Schema.Boolean,
  evidenceHints: Schema.Array(PlainText(200)).pipe(
    Schema.check(Schema.isMinLength(1), Schema.isMaxLength(5)),
  ),
  symbol: SymbolId,
});
export type Standard = typeof Standard.Type;

/**
 * The fewest and most standards an area may have.
 *
 * @example
 * ```ts
 * import { Standards } from "@sequin/core"
 * Standards.STANDARDS_PER_AREA // { min: 6, max: 12 }
 * ```
 */
export const STANDARDS_PER_AREA = { min: 6, max: 12 } as const;

/**
 * One area of the tool with its standards. Standard ids must start with the area's code and be
 * numbered 01, 02, … in order, so that an id never silently changes meaning.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Standards } from "@sequin/core"
 * const decodeArea = Schema.decodeUnknownResult(Standards.Area)
 * ```
 */
export const Area = Schema.Struct({
  code: AreaCode,
  slug: AreaSlug,
  name: PlainText(80),
  symbol: SymbolId,
  description: PlainText(600),
  easyRead: EasyReadText,
  origin: PlainText(2000),
  standards: Schema.Array(Standard).pipe(
    Schema.check(
      Schema.isMinLength(STANDARDS_PER_AREA.min),
      Schema.isMaxLength(STANDARDS_PER_AREA.max),
    ),
  ),
}).pipe(
  Schema.check(
    Schema.makeFilter((area) =>
      area.standards.flatMap((standard, index) => {
        const expected = `${area.code}-${String(index + 1).padStart(2, "0")}`;
        return standard.id === expected
          ? []
          : [
              {
                path: ["standards", index, "id"],
                issue: `expected ${expected} (ids are numbered in order)`,
              },
            ];
      }),
    ),
  ),
);
export type Area = typeof Area.Type;

/**
 * A standards-set version, e.g. `2021.1`.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Standards } from "@sequin/core"
 * Schema.decodeUnknownSync(Standards.SetVersion)("2021.1")
 * ```
 */
export const SetVersion = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^\d{4}\.\d+$/u, {
      message: "a version is a year, a dot and a number, e.g. 2021.1",
    }),
  ),
  Schema.brand("SetVersion"),
);
export type SetVersion = typeof SetVersion.Type;

/**
 * A versioned standards set: the scale and the areas in display order. A cycle pins one version.
 *
 * @example
 * ```ts
 * import { Standards } from "@sequin/core"
 * declare const set: Standards.StandardsSet
 * Standards.findArea(set, "cpa-standards")?.standards.length // 12
 * ```
 */
export const StandardsSet = Schema.Struct({
  version: SetVersion,
  name: PlainText(120),
  scale: Scale,
  areas: Schema.Array(Area).pipe(Schema.check(Schema.isMinLength(1))),
}).pipe(
  Schema.check(
    Schema.makeFilter((set) => {
      const issues: Array<{ path: ReadonlyArray<PropertyKey>; issue: string }> = [];
      const seen = { code: new Set<string>(), slug: new Set<string>() };
      set.areas.forEach((area, index) => {
        for (const key of ["code", "slug"] as const) {
          if (seen[key].has(area[key])) {
            issues.push({
              path: ["areas", index, key],
              issue: `${key} "${area[key]}" is used by two areas`,
            });
          }
          seen[key].add(area[key]);
        }
      });
      return issues;
    }),
  ),
);
export type StandardsSet = typeof StandardsSet.Type;

/**
 * Finds an area by slug.
 *
 * @example
 * ```ts
 * import { Standards } from "@sequin/core"
 * declare const set: Standards.StandardsSet
 * Standards.findArea(set, "technology")?.code // "TEC"
 * ```
 */
export const findArea = (set: StandardsSet, slug: string): Area | undefined =>
  set.areas.find((area) => area.slug === slug);

/**
 * Finds a standard by id anywhere in the set, with its area.
 *
 * @example
 * ```ts
 * import { Standards } from "@sequin/core"
 * declare const set: Standards.StandardsSet
 * Standards.findStandard(set, "CPA-07")?.area.slug // "cpa-standards"
 * ```
 */
export const findStandard = (
  set: StandardsSet,
  id: string,
): { readonly area: Area; readonly standard: Standard } | undefined => {
  for (const area of set.areas) {
    const standard = area.standards.find((candidate) => candidate.id === id);
    if (standard !== undefined) return { area, standard };
  }
  return undefined;
};
