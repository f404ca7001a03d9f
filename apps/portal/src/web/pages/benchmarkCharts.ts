// The benchmark's charts, drawn on the server: the network's spread per area as box plots with the
// service's own score marked, and every service's score in one area as bars. Each says in words what
// it shows; the pages put the same numbers in a table beside it.
import { CHART_COLOURS, horizontalPercentBars, svgChart } from "../components/charts.ts";
import type { Html } from "../html.ts";
import { type DistributionView, percentText } from "./benchmarkViews.ts";

export interface SpreadRow {
  readonly label: string;
  readonly distribution: DistributionView;
  /** The reader's own score, marked with a diamond; absent for the network's view. */
  readonly own?: number | undefined;
}

const spreadWords = (row: SpreadRow): string =>
  `${row.label}: lowest ${percentText(row.distribution.min)}, lower quartile ${percentText(row.distribution.q1)}, median ${percentText(row.distribution.median)}, upper quartile ${percentText(row.distribution.q3)}, highest ${percentText(row.distribution.max)}${row.own === undefined ? "" : `, you ${percentText(row.own)}`}`;

/** What the box plots mean, for the caption under them. */
export const SPREAD_KEY =
  "Each box covers the middle half of the services that took part, the line inside it is the median and the whiskers reach the lowest and highest scores.";

/**
 * Box plots of area scores (0–100%), one row per area, with the service's score as a diamond.
 * Withheld areas must not be passed: their spread is not shown to anyone.
 */
export const spreadChart = (rows: ReadonlyArray<SpreadRow>, title: string, width = 640): Html => {
  const ownPoints = rows.flatMap((row, index) =>
    row.own === undefined ? [] : [[row.own, index] as const],
  );
  return svgChart(
    {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: {
        type: "value",
        min: 0,
        max: 100,
        axisLabel: { formatter: "{value}%" },
        splitLine: { lineStyle: { color: CHART_COLOURS.paleGrey } },
      },
      yAxis: {
        type: "category",
        inverse: true,
        data: rows.map((row) => row.label),
        axisTick: { show: false },
      },
      series: [
        {
          type: "boxplot",
          data: rows.map((row) => [
            row.distribution.min,
            row.distribution.q1,
            row.distribution.median,
            row.distribution.q3,
            row.distribution.max,
          ]),
          itemStyle: { color: "#ffffff", borderColor: CHART_COLOURS.blue, borderWidth: 2 },
          boxWidth: [10, 18],
        },
        ...(ownPoints.length === 0
          ? []
          : [
              {
                type: "scatter",
                data: ownPoints,
                symbol: "diamond",
                symbolSize: 16,
                itemStyle: {
                  color: CHART_COLOURS.warmYellow,
                  borderColor: "#212b32",
                  borderWidth: 2,
                },
                z: 3,
              },
            ]),
      ],
    },
    { width, height: 32 + rows.length * 36 },
    `${title}. ${rows.map(spreadWords).join("; ")}.`,
  );
};

export interface ScoreBar {
  readonly label: string;
  readonly percent: number;
  /** Drawn in a second colour and named "you" in the label, so colour is never the only cue. */
  readonly own: boolean;
}

/** Every service's score in one area, highest first, the reader's own bar marked. */
export const scoreBars = (bars: ReadonlyArray<ScoreBar>, title: string, width = 640): Html =>
  horizontalPercentBars(
    bars.map((bar) => bar.label),
    bars.map((bar) => ({
      value: bar.percent,
      itemStyle: {
        color: bar.own ? CHART_COLOURS.warmYellow : CHART_COLOURS.blue,
        ...(bar.own ? { borderColor: "#212b32", borderWidth: 2 } : {}),
      },
    })),
    { width, rowHeight: 26, barMaxWidth: 18, right: 56 },
    `${title}: ${bars.map((bar) => `${bar.label} ${percentText(bar.percent)}`).join(", ")}.`,
  );
