// What the area tool and its easy-read version are printed from: one area of a standards set, with
// the set's scale. Self-contained, so a renderer running as its own service needs no standards data.
import { Scale, Standards } from "@sequin/core";
import { Schema } from "effect";
import { Text } from "./common.ts";
import { InvalidPdfInput } from "./decode.ts";

/**
 * One area of a standards set and the set's scale and version.
 *
 * @example
 * ```ts
 * import { areaToolInput } from "@sequin/pdf"
 * declare const set: import("@sequin/core").Standards.StandardsSet
 * areaToolInput(set, "technology").area.code // "TEC"
 * ```
 */
export const AreaToolInput = Schema.Struct({
  setName: Text(120),
  setVersion: Standards.SetVersion,
  scale: Scale.Scale,
  area: Standards.Area,
});
export type AreaToolInput = typeof AreaToolInput.Type;

/** An area named by slug, in the standards set the renderer has loaded (HTTP only). */
export const AreaSlugInput = Schema.Struct({ areaSlug: Standards.AreaSlug });
export type AreaSlugInput = typeof AreaSlugInput.Type;

/**
 * The input for one area of `set`. Throws {@link InvalidPdfInput} naming `areaSlug` when the set has
 * no such area.
 */
export const areaToolInput = (set: Standards.StandardsSet, areaSlug: string): AreaToolInput => {
  const area = Standards.findArea(set, areaSlug);
  if (area === undefined) {
    throw new InvalidPdfInput({
      problems: [
        {
          field: "areaSlug",
          message: `standards set ${set.version} has no area "${areaSlug}"; its areas are ${set.areas.map((known) => known.slug).join(", ")}`,
        },
      ],
    });
  }
  return { setName: set.name, setVersion: set.version, scale: set.scale, area };
};
