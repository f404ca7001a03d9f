import { describe, expect, it } from "vitest";
import {
  renderChartSvg,
  renderDistributionChartSvg,
  renderNetworkChartSvg,
} from "../../src/charts/render.ts";
import type { StandingChart } from "../../src/model/charts.ts";

const standing: StandingChart = {
  kind: "standing",
  description: "Scores <in> the network & you",
  bars: [
    { label: "S-7KQ3", percent: 80, you: false },
    { label: "You", percent: 67, you: true },
    { label: "S-ABCD", percent: 30, you: false },
  ],
  quartiles: { q1: 30, median: 67, q3: 80 },
};

describe("renderNetworkChartSvg", () => {
  const svg = renderNetworkChartSvg(standing);

  it("is an accessible image with the description as its name", () => {
    expect(svg).toMatch(/^<svg role="img" aria-label="Scores &#60;in&#62; the network &#38; you"/u);
    expect(svg).toContain("<title>Scores &#60;in&#62; the network &#38; you</title>");
  });

  it("draws a bar per service, the service in NHS blue, peers by code, and the quartiles", () => {
    for (const label of ["S-7KQ3", "S-ABCD", "Q1", "Median", "Q3", "67%"])
      expect(svg).toContain(label);
    expect(svg).toContain("#005eb8");
    expect(svg.match(/#aeb7bd/gu)?.length).toBeGreaterThanOrEqual(2);
  });

  it("gives the same markup for the same data, whatever was drawn before", () => {
    renderDistributionChartSvg({ kind: "distribution", description: "x", rows: [] });
    expect(renderNetworkChartSvg(standing)).toBe(svg);
    const other = renderNetworkChartSvg({ ...standing, quartiles: { q1: 20, median: 50, q3: 70 } });
    const classes = (text: string) => new Set(text.match(/chart-[a-z0-9]+-/gu));
    expect([...classes(other)].some((name) => classes(svg).has(name))).toBe(false);
  });

  it("grows with the number of services", () => {
    const many = renderNetworkChartSvg({
      ...standing,
      bars: Array.from({ length: 60 }, (_, index) => ({
        label: `S-${String(index).padStart(4, "2")}`,
        percent: index,
        you: index === 7,
      })),
    });
    const height = (text: string) => Number(/height="(\d+)"/u.exec(text)?.[1]);
    expect(height(many)).toBeGreaterThan(height(svg));
  });
});

describe("renderDistributionChartSvg", () => {
  it("draws a box per row and says why a row is empty", () => {
    const svg = renderChartSvg({
      kind: "distribution",
      description: "Areas",
      rows: [
        {
          label: "Involvement",
          distribution: { min: 10, q1: 30, median: 50, q3: 70, max: 95 },
          note: null,
        },
        { label: "Technology", distribution: null, note: "withheld: 3 of 5 needed" },
      ],
    });
    expect(svg).toContain("Involvement");
    expect(svg).toContain("Technology (withheld: 3 of 5 needed)");
    expect(svg).toMatch(/role="img" aria-label="Areas"/u);
  });
});
