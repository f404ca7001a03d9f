// Charts rendered to SVG on the server with ECharts' SSR renderer: pure (data in, markup out), so a
// PDF's charts need no script in the page and snapshot tests can pin them.
import { BarChart, BoxplotChart } from "echarts/charts";
import { GridComponent, MarkLineComponent } from "echarts/components";
import { type EChartsCoreOption, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { FONT_FAMILY } from "../assets/fonts.ts";
import type { Chart, DistributionChart, StandingChart } from "../model/charts.ts";

use([BarChart, BoxplotChart, GridComponent, MarkLineComponent, SVGRenderer]);

const NHS_BLUE = "#005eb8";
const NHS_DARK_BLUE = "#003087";
const NHS_GREY = "#aeb7bd";
const NHS_TEXT = "#212b32";
const NHS_SECONDARY_TEXT = "#4c6272";
/** Wide enough for A4's text column (180 mm ≈ 680 CSS px). */
const WIDTH = 660;

const hash = (text: string): string => {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return (value >>> 0).toString(36);
};

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);

/** ECharts SSR markup, made an accessible image: a role, a label and a title to read out. */
const renderSvg = (option: EChartsCoreOption, height: number, description: string): string => {
  const chart = init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT_FAMILY, color: NHS_TEXT, fontSize: 11 },
      ...option,
    });
    const label = escapeXml(description);
    // ECharts names its CSS classes after a process-wide instance counter; naming them after the
    // chart's own markup keeps the output the same for the same data, and distinct between charts.
    const names = new Map<string, string>();
    const svg = chart.renderToSVGString().replace(/\bzr\d+-([a-z]+)-\d+\b/gu, (name, kind) => {
      let stable = names.get(name);
      if (stable === undefined) {
        stable = `zr-${kind}-${names.size}`;
        names.set(name, stable);
      }
      return stable;
    });
    return svg
      .replace(/\bzr-/gu, `chart-${hash(svg)}-`)
      .replace(/^<svg\b/u, `<svg role="img" aria-label="${label}" class="chart"`)
      .replace(/^(<svg[^>]*>)/u, `$1<title>${label}</title>`);
  } finally {
    chart.dispose();
  }
};

const percentAxis = {
  type: "value",
  min: 0,
  max: 100,
  interval: 20,
  axisLabel: { formatter: "{value}%", color: NHS_SECONDARY_TEXT },
  splitLine: { lineStyle: { color: "#d8dde0" } },
} as const;

const markLineAt = (value: number, name: string, type: "solid" | "dashed") => ({
  xAxis: value,
  name,
  lineStyle: { color: NHS_TEXT, type, width: type === "solid" ? 1.5 : 1 },
  // The axis is inverted (highest bar first), so "start" is the top of the plot.
  label: { formatter: name, position: "start", color: NHS_TEXT, fontSize: 10 },
});

/**
 * Where a service stands in its network for one area: one bar per service, peers by anonymised code
 * and the service as "You", with the quartiles and median marked.
 *
 * @example
 * ```ts
 * import { renderNetworkChartSvg } from "@sequin/pdf"
 * renderNetworkChartSvg({
 *   kind: "standing",
 *   description: "Technology scores",
 *   bars: [{ label: "You", percent: 67, you: true }, { label: "S-7KQ3", percent: 50, you: false }],
 *   quartiles: { q1: 50, median: 58, q3: 67 },
 * }).startsWith("<svg") // true
 * ```
 */
export const renderNetworkChartSvg = (chart: StandingChart): string => {
  const count = chart.bars.length;
  const rowHeight = count <= 30 ? 16 : Math.max(6, Math.floor(480 / count));
  const height = 70 + count * rowHeight;
  return renderSvg(
    {
      grid: { left: 64, right: 40, top: 24, bottom: 28 },
      xAxis: percentAxis,
      yAxis: {
        type: "category",
        inverse: true,
        data: chart.bars.map((bar) => bar.label),
        axisTick: { show: false },
        axisLabel: {
          color: NHS_TEXT,
          fontSize: count <= 30 ? 10 : 8,
          interval: 0,
          formatter: (value: string) => (value === "You" ? "{you|You}" : value),
          rich: { you: { fontWeight: "bold", color: NHS_DARK_BLUE, fontSize: 11 } },
        },
      },
      series: [
        {
          type: "bar",
          barCategoryGap: "25%",
          data: chart.bars.map((bar) => ({
            value: Math.round(bar.percent * 10) / 10,
            itemStyle: { color: bar.you ? NHS_BLUE : NHS_GREY },
            label: bar.you
              ? {
                  show: true,
                  position: "right",
                  formatter: `${Math.round(bar.percent)}%`,
                  color: NHS_DARK_BLUE,
                  fontWeight: "bold",
                }
              : { show: false },
          })),
          markLine: {
            symbol: "none",
            silent: true,
            data: [
              markLineAt(chart.quartiles.q1, "Q1", "dashed"),
              markLineAt(chart.quartiles.median, "Median", "solid"),
              markLineAt(chart.quartiles.q3, "Q3", "dashed"),
            ],
          },
        },
      ],
    },
    height,
    chart.description,
  );
};

/**
 * Box plots, one row each (areas of a cycle, or one area's cycles): lowest, quartiles, median and
 * highest. A withheld row stays empty and says why in its label.
 *
 * @example
 * ```ts
 * import { renderDistributionChartSvg } from "@sequin/pdf"
 * renderDistributionChartSvg({
 *   kind: "distribution",
 *   description: "Area scores",
 *   rows: [{ label: "Technology", distribution: { min: 20, q1: 40, median: 55, q3: 70, max: 90 }, note: null }],
 * })
 * ```
 */
export const renderDistributionChartSvg = (chart: DistributionChart): string => {
  const longest = Math.max(...chart.rows.map((row) => row.label.length + (row.note?.length ?? 0)));
  const left = Math.min(300, 24 + longest * 5.6);
  const height = 64 + chart.rows.length * 30;
  return renderSvg(
    {
      grid: { left, right: 24, top: 16, bottom: 32 },
      xAxis: percentAxis,
      yAxis: {
        type: "category",
        inverse: true,
        data: chart.rows.map((row) =>
          row.note === null ? row.label : `${row.label} (${row.note})`,
        ),
        axisTick: { show: false },
        axisLabel: { color: NHS_TEXT, fontSize: 11, interval: 0 },
      },
      series: [
        {
          type: "boxplot",
          boxWidth: [10, 18],
          itemStyle: { color: "#d9e6f5", borderColor: NHS_BLUE, borderWidth: 1.5 },
          data: chart.rows.map((row) =>
            row.distribution === null
              ? "-"
              : [
                  row.distribution.min,
                  row.distribution.q1,
                  row.distribution.median,
                  row.distribution.q3,
                  row.distribution.max,
                ],
          ),
        },
      ],
    },
    height,
    chart.description,
  );
};

/** Renders a chart of a view model. */
export const renderChartSvg = (chart: Chart): string =>
  chart.kind === "standing" ? renderNetworkChartSvg(chart) : renderDistributionChartSvg(chart);
