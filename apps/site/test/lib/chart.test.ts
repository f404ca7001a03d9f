import { describe, expect, it } from "vitest";
import { boxPlotSvg, describeSpread, xOf } from "../../src/lib/chart.ts";

const spread = { min: 20, q1: 40, median: 55.5, q3: 70, max: 90 };

describe("box plots", () => {
  it("places percentages on a 0–100 axis, clamping the impossible", () => {
    expect(xOf(0)).toBe(0);
    expect(xOf(55.5)).toBe(555);
    expect(xOf(100)).toBe(1000);
    expect(xOf(-5)).toBe(0);
    expect(xOf(140)).toBe(1000);
  });

  it("draws the box over the middle half and the median inside it", () => {
    const svg = boxPlotSvg(spread, "Technology");
    expect(svg).toContain('<rect class="sequin-chart__box" x="400" y="8" width="300"');
    expect(svg).toContain('class="sequin-chart__median" x1="555"');
    expect(svg).toContain('class="sequin-chart__whisker" x1="200" y1="24" x2="900"');
  });

  it("has a text alternative with every figure, escaped", () => {
    const svg = boxPlotSvg(spread, 'Friends, "Family" & Carers');
    expect(svg).toContain('role="img"');
    expect(svg).toContain(
      'aria-label="Friends, &quot;Family&quot; &amp; Carers: Middle score (median) 55.5%.',
    );
    expect(describeSpread(spread)).toBe(
      "Middle score (median) 55.5%. The middle half of services scored between 40% and 70%. Lowest 20%, highest 90%.",
    );
  });
});
