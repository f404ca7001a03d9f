// Small charts drawn on the server as SVG (echarts' SSR renderer), so they need no script and print.
// Every chart comes with a text alternative: a short label and the same numbers as a table.
import * as echarts from "echarts";
import { type Html, html, raw } from "../html.ts";

/** NHS identity colours that keep 3:1 contrast against white for non-text marks. */
export const CHART_COLOURS = {
  blue: "#005eb8",
  darkBlue: "#003087",
  grey: "#4c6272",
  paleGrey: "#d8dde0",
  green: "#007f3b",
  warmYellow: "#ffb81c",
  red: "#d5281b",
} as const;

const FONT = "Arial, sans-serif";

// SVG presentation attributes that echarts writes as inline styles; the CSP forbids style
// attributes, so they move into attributes (anything else is dropped).
const PRESENTATION = new Set([
  "font-size",
  "font-family",
  "font-weight",
  "font-style",
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "opacity",
  "text-anchor",
  "dominant-baseline",
]);

const attributeValue = (value: string): string =>
  value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/** An attribute's text as written by echarts, unescaped so its CSS can be split on ";". */
const decodeAttribute = (value: string): string =>
  value
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/**
 * Makes echarts' SVG acceptable under a strict CSP: no <style> element (it only adds hover
 * effects) and no style attributes.
 */
export const cspSafeSvg = (svg: string): string =>
  svg
    .replace(/<style[\s\S]*?<\/style>/gu, "")
    .replace(/ style="([^"]*)"/gu, (_match, declarations: string) =>
      decodeAttribute(declarations)
        .split(";")
        .map((declaration) => {
          const colon = declaration.indexOf(":");
          if (colon < 0) return "";
          const property = declaration.slice(0, colon).trim().toLowerCase();
          const value = declaration.slice(colon + 1).trim();
          return PRESENTATION.has(property) && value !== ""
            ? ` ${property}="${attributeValue(value)}"`
            : "";
        })
        .join(""),
    );

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Renders an echarts option to SVG markup with an accessible name. `label` says in words what the
 * chart shows ("Area scores: Involvement 75%, …"); put the numbers in a table beside it too.
 */
export const svgChart = (
  option: echarts.EChartsCoreOption,
  size: ChartSize,
  label: string,
): Html => {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...size });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, fontSize: 14, color: "#212b32" },
      ...option,
    });
    const svg = cspSafeSvg(chart.renderToSVGString())
      .replace(
        /^<svg /u,
        `<svg class="app-chart" role="img" aria-label="${attributeValue(label)}" focusable="false" `,
      )
      .replace(/ width="\d+" height="\d+"/u, "");
    // Trusted: markup our own code drew from numbers; the only text (labels) was escaped by echarts.
    return raw(svg);
  } finally {
    chart.dispose();
  }
};

export interface Bar {
  readonly label: string;
  /** 0–100, or null when there is nothing to show (drawn as a gap, said as "no score"). */
  readonly value: number | null;
}

/** How a horizontal percentage bar chart is laid out. */
export interface BarLayout {
  readonly width: number;
  /** Vertical space per bar, in pixels. */
  readonly rowHeight: number;
  readonly barMaxWidth: number;
  /** Room to the right of the longest bar for its value. */
  readonly right: number;
}

/**
 * Horizontal bars on a 0–100% axis, each labelled with its value: the one layout every bar chart in
 * the portal uses. `data` is what echarts takes per bar (a number, null for a gap, or a styled bar).
 */
export const horizontalPercentBars = (
  labels: ReadonlyArray<string>,
  data: ReadonlyArray<unknown>,
  layout: BarLayout,
  label: string,
): Html =>
  svgChart(
    {
      grid: { left: 8, right: layout.right, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      yAxis: { type: "category", inverse: true, data: [...labels], axisTick: { show: false } },
      series: [
        {
          type: "bar",
          data: [...data],
          itemStyle: { color: CHART_COLOURS.blue },
          label: { show: true, position: "right", formatter: "{c}%", color: "#212b32" },
          barMaxWidth: layout.barMaxWidth,
        },
      ],
    },
    { width: layout.width, height: 24 + labels.length * layout.rowHeight },
    label,
  );

/** Horizontal bars of percentages: easy to read at a glance and on a projector. */
export const percentBars = (bars: ReadonlyArray<Bar>, label: string, width = 560): Html =>
  horizontalPercentBars(
    bars.map((bar) => bar.label),
    bars.map((bar) => bar.value),
    { width, rowHeight: 32, barMaxWidth: 22, right: 48 },
    label,
  );

/** A chart with its data as a table the reader can open (the text alternative for everyone). */
export const chartWithTable = (
  chart: Html,
  caption: string,
  headings: readonly [string, string],
  rows: ReadonlyArray<readonly [string, string]>,
): Html => html`<figure class="app-figure">
  <figcaption class="nhsuk-body-s">${caption}</figcaption>
  ${chart}
  <details class="nhsuk-details">
    <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Show the numbers<span class="nhsuk-u-visually-hidden"> for ${caption}</span></span></summary>
    <div class="nhsuk-details__text">
      <table class="nhsuk-table">
        <thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><th scope="col" class="nhsuk-table__header">${headings[0]}</th><th scope="col" class="nhsuk-table__header">${headings[1]}</th></tr></thead>
        <tbody class="nhsuk-table__body">
          ${rows.map((row) => html`<tr class="nhsuk-table__row"><td class="nhsuk-table__cell">${row[0]}</td><td class="nhsuk-table__cell">${row[1]}</td></tr>`)}
        </tbody>
      </table>
    </div>
  </details>
</figure>`;
