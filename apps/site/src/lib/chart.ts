// Box plots as inline SVG, drawn at build time: no script, they print, and every chart has the same
// figures beside it as text and in a table. Scores are percentages, so the axis is always 0–100.
import { formatPercent } from "./format.ts";

export interface FiveNumbers {
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

/** The plot is drawn on a 1000 × 48 canvas stretched to the page's width. */
const WIDTH = 1000;
const HEIGHT = 48;
const MIDDLE = HEIGHT / 2;

/** Where a percentage falls on the canvas. */
export const xOf = (percent: number): number =>
  Math.round(Math.min(100, Math.max(0, percent)) * (WIDTH / 100) * 10) / 10;

/** The figures of a box plot in words, for its text alternative and the page. */
export const describeSpread = (spread: FiveNumbers): string =>
  `Middle score (median) ${formatPercent(spread.median)}. ` +
  `The middle half of services scored between ${formatPercent(spread.q1)} and ${formatPercent(spread.q3)}. ` +
  `Lowest ${formatPercent(spread.min)}, highest ${formatPercent(spread.max)}.`;

const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"]/gu,
    (char) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[char]};`,
  );

const line = (x1: number, y1: number, x2: number, y2: number, className: string) =>
  `<line class="${className}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" vector-effect="non-scaling-stroke"/>`;

/**
 * One box plot: whiskers from the lowest to the highest score, a box over the middle half and a line
 * at the median. `label` names what it shows (e.g. the area) in its text alternative.
 */
export const boxPlotSvg = (spread: FiveNumbers, label: string): string => {
  const [min, q1, median, q3, max] = [
    spread.min,
    spread.q1,
    spread.median,
    spread.q3,
    spread.max,
  ].map(xOf) as [number, number, number, number, number];
  const text = escapeXml(`${label}: ${describeSpread(spread)}`);
  const grid = [0, 25, 50, 75, 100]
    .map((percent) => line(xOf(percent), 0, xOf(percent), HEIGHT, "sequin-chart__grid"))
    .join("");
  return (
    `<svg class="sequin-chart__plot" viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" ` +
    `role="img" aria-label="${text}" focusable="false" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${text}</title>${grid}` +
    line(min, MIDDLE, max, MIDDLE, "sequin-chart__whisker") +
    line(min, 12, min, HEIGHT - 12, "sequin-chart__whisker") +
    line(max, 12, max, HEIGHT - 12, "sequin-chart__whisker") +
    `<rect class="sequin-chart__box" x="${q1}" y="8" width="${Math.max(q3 - q1, 0)}" height="${HEIGHT - 16}"/>` +
    // The median shows above and below the box too, so it stays visible when the box is narrow.
    line(median, 2, median, HEIGHT - 2, "sequin-chart__median-outline") +
    line(median, 8, median, HEIGHT - 8, "sequin-chart__median") +
    "</svg>"
  );
};
