// Choosing and showing scores: the scale as radios or a compact select, symbols, and the pictures
// the easy-read mode uses beside each score.
import { assetUrl } from "../assets.ts";
import { type Html, html } from "../html.ts";
import type { Agreed, ScalePointView } from "../views.ts";
import { radios, select } from "./fields.ts";

/** An OpenMoji symbol. Decorative by default (alt ""): the words beside it carry the meaning. */
export const symbolImage = (hex: string, alt = "", size = 48): Html =>
  html`<img class="app-symbol" src="${assetUrl.symbol(hex)}" alt="${alt}" width="${size}" height="${size}">`;

/** Pictures for the default four-point scale, lowest first; other scales repeat the last one. */
const SCORE_PICTURES = ["274C", "1F331", "1F44D", "1F31F"];

export const scorePicture = (value: number): string =>
  SCORE_PICTURES[Math.min(value, SCORE_PICTURES.length - 1)] as string;

export const scoreText = (scale: ReadonlyArray<ScalePointView>, value: Agreed): string => {
  if (value === null) return "Not given";
  if (value === "na") return "Not applicable";
  const point = scale.find((candidate) => candidate.value === value);
  return point === undefined ? String(value) : `${value} – ${point.label}`;
};

/** The form value of a score: "" for none. */
export const scoreValue = (value: Agreed | undefined): string =>
  value === null || value === undefined ? "" : String(value);

export const scoreRadios = (options: {
  readonly name: string;
  readonly legend: string;
  readonly hint?: string;
  readonly scale: ReadonlyArray<ScalePointView>;
  readonly value: string;
  readonly error?: string | undefined;
  readonly naAllowed?: boolean;
  readonly noneText: string;
}): Html =>
  radios({
    name: options.name,
    legend: options.legend,
    ...(options.hint === undefined ? {} : { hint: options.hint }),
    small: true,
    value: options.value,
    error: options.error,
    choices: [
      ...options.scale.map((point) => ({
        value: String(point.value),
        text: `${point.value} – ${point.label}`,
      })),
      ...(options.naAllowed ? [{ value: "na", text: "Not applicable here" }] : []),
      { value: "", text: options.noneText },
    ],
  });

/** A compact score choice for the whole-table view, where radios would not fit. */
export const scoreSelect = (options: {
  readonly name: string;
  readonly id?: string;
  readonly label: string;
  readonly scale: ReadonlyArray<ScalePointView>;
  readonly value: string;
  readonly error?: string | undefined;
  readonly naAllowed?: boolean;
}): Html =>
  select({
    name: options.name,
    ...(options.id === undefined ? {} : { id: options.id }),
    label: options.label,
    labelClass: "nhsuk-u-visually-hidden",
    value: options.value,
    error: options.error,
    choices: [
      { value: "", text: "–" },
      ...options.scale.map((point) => ({
        value: String(point.value),
        text: `${point.value} ${point.label}`,
      })),
      ...(options.naAllowed ? [{ value: "na", text: "N/A" }] : []),
    ],
  });
