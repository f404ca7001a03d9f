// The easy-read area tool: the same area in large type, one short sentence a line, a symbol beside
// each point, and the score choices as pictures to tick.
import { EasyRead, Scale, type Standards } from "@sequin/core";
import { type AreaToolInput, areaToolInput } from "../input/AreaToolInput.ts";
import { type DocumentMeta, documentMeta } from "./meta.ts";

/** The smallest type in the easy-read documents, in points (common easy-read guidance). */
export const EASY_READ_MIN_FONT_PT = 16;

export interface EasyReadPoint {
  readonly symbol: string;
  readonly text: string;
}

export interface ScalePicture {
  readonly value: number;
  readonly label: string;
  readonly symbol: string;
  /** How full the picture's gauge is, 0–1 (the score's share of the maximum). */
  readonly fill: number;
}

export interface EasyReadStandard {
  readonly number: number;
  readonly id: string;
  readonly symbol: string;
  /** One sentence a line. */
  readonly sentences: ReadonlyArray<string>;
  readonly naAllowed: boolean;
}

export interface EasyReadToolModel {
  readonly meta: DocumentMeta;
  readonly minFontPt: number;
  readonly area: {
    readonly name: string;
    readonly symbol: string;
    readonly sentences: ReadonlyArray<string>;
  };
  readonly howTo: ReadonlyArray<EasyReadPoint>;
  readonly scale: ReadonlyArray<ScalePicture>;
  readonly notApplicable: EasyReadPoint;
  readonly closing: EasyReadPoint;
  readonly standards: ReadonlyArray<EasyReadStandard>;
  readonly standardCount: number;
}

/**
 * How the meeting goes, in easy read. Every sentence keeps to the easy-read rule (a test checks).
 */
export const HOW_TO: ReadonlyArray<EasyReadPoint> = [
  { symbol: "1F465", text: "Service users and staff meet together." },
  { symbol: "1F4D6", text: "Someone reads out each point." },
  { symbol: "1F4AC", text: "Everyone says how much it happens here." },
  { symbol: "2705", text: "Together you agree one answer." },
  { symbol: "270F", text: "You write down what could be better." },
];

/** Pictures from "not happening" to "always happening"; longer scales share the nearest one. */
const LADDER = ["274C", "1F331", "1F44D", "2B50"] as const;

/** The score choices as pictures, for any scale (the default has four points, one per picture). */
export const scalePictures = (scale: Scale.Scale): ReadonlyArray<ScalePicture> => {
  const maximum = Scale.maxScore(scale);
  return scale.map((point) => ({
    value: point.value,
    label: point.easyRead,
    symbol: LADDER[Math.round((point.value / maximum) * (LADDER.length - 1))] as string,
    fill: point.value / maximum,
  }));
};

const standardOf = (standard: Standards.Standard, index: number): EasyReadStandard => ({
  number: index + 1,
  id: standard.id,
  symbol: standard.symbol,
  sentences: EasyRead.sentences(standard.easyRead),
  naAllowed: standard.naAllowed,
});

/** The easy-read tool's view model from a self-contained input (see {@link AreaToolInput}). */
export const easyReadToolModelFrom = (input: AreaToolInput): EasyReadToolModel => {
  const { area } = input;
  return {
    meta: documentMeta(
      `${area.name}: easy read`,
      // Short, because it is printed in 16 pt too.
      `${area.name} · easy read`,
      { symbols: true },
    ),
    minFontPt: EASY_READ_MIN_FONT_PT,
    area: { name: area.name, symbol: area.symbol, sentences: EasyRead.sentences(area.easyRead) },
    howTo: HOW_TO,
    scale: scalePictures(input.scale),
    notApplicable: { symbol: "1F6AB", text: "This does not apply to us." },
    closing: { symbol: "1F64F", text: "Thank you for taking part." },
    standards: area.standards.map(standardOf),
    standardCount: area.standards.length,
  };
};

/**
 * The easy-read tool's view model for one area of a standards set. Throws `InvalidPdfInput` naming
 * `areaSlug` when the set has no such area.
 *
 * @example
 * ```ts
 * import { easyReadToolModel } from "@sequin/pdf"
 * declare const set: import("@sequin/core").Standards.StandardsSet
 * easyReadToolModel(set, "technology").standards[0]?.sentences
 * ```
 */
export const easyReadToolModel = (
  set: Standards.StandardsSet,
  areaSlug: string,
): EasyReadToolModel => easyReadToolModelFrom(areaToolInput(set, areaSlug));
