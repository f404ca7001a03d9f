// The area tool: what a ward prints for its Involvement Group meeting — every standard with room
// for the service-user view, the staff view, the agreed score, evidence and actions.
import { Scale, type Standards } from "@sequin/core";
import { type AreaToolInput, areaToolInput } from "../input/AreaToolInput.ts";
import { perspectiveLabel, weightLabel } from "./format.ts";
import { type DocumentMeta, documentMeta } from "./meta.ts";

export interface AreaToolStandard {
  readonly id: string;
  readonly text: string;
  readonly perspective: string;
  readonly weight: string;
  readonly naAllowed: boolean;
  readonly evidenceHints: ReadonlyArray<string>;
  readonly symbol: string;
  /** The boxes to tick: the scale's values, then "N/A" where the standard allows it. */
  readonly choices: ReadonlyArray<string>;
}

export interface AreaToolModel {
  readonly meta: DocumentMeta;
  readonly setLabel: string;
  readonly area: {
    readonly code: string;
    readonly name: string;
    readonly symbol: string;
    readonly description: string;
    readonly origin: string;
  };
  readonly scale: ReadonlyArray<{ readonly value: number; readonly label: string }>;
  readonly maxScore: number;
  readonly standards: ReadonlyArray<AreaToolStandard>;
  /** Whether any standard may be marked N/A (the score sheet then explains how N/A counts). */
  readonly anyNotApplicable: boolean;
}

const standardOf = (standard: Standards.Standard, scale: Scale.Scale): AreaToolStandard => ({
  id: standard.id,
  text: standard.text,
  perspective: perspectiveLabel[standard.perspective],
  weight: weightLabel[standard.weight],
  naAllowed: standard.naAllowed,
  evidenceHints: standard.evidenceHints,
  symbol: standard.symbol,
  choices: [...scale.map((point) => String(point.value)), ...(standard.naAllowed ? ["N/A"] : [])],
});

/** The area tool's view model from a self-contained input (see {@link AreaToolInput}). */
export const areaToolModelFrom = (input: AreaToolInput): AreaToolModel => {
  const { area, scale } = input;
  return {
    meta: documentMeta(
      `${area.name}: area tool`,
      `${area.name} · area tool · ${input.setName} ${input.setVersion}`,
      { symbols: true },
    ),
    setLabel: `${input.setName}, version ${input.setVersion}`,
    area: {
      code: area.code,
      name: area.name,
      symbol: area.symbol,
      description: area.description,
      origin: area.origin,
    },
    scale: scale.map((point) => ({ value: point.value, label: point.label })),
    maxScore: Scale.maxScore(scale),
    standards: area.standards.map((standard) => standardOf(standard, scale)),
    anyNotApplicable: area.standards.some((standard) => standard.naAllowed),
  };
};

/**
 * The area tool's view model for one area of a standards set. Throws `InvalidPdfInput` naming
 * `areaSlug` when the set has no such area.
 *
 * @example
 * ```ts
 * import { areaToolModel } from "@sequin/pdf"
 * declare const set: import("@sequin/core").Standards.StandardsSet
 * areaToolModel(set, "technology").standards.length
 * ```
 */
export const areaToolModel = (set: Standards.StandardsSet, areaSlug: string): AreaToolModel =>
  areaToolModelFrom(areaToolInput(set, areaSlug));
