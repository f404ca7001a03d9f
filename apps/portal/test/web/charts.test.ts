import { describe, expect, it } from "vitest";
import { cspSafeSvg, percentBars } from "../../src/web/components/charts.ts";

describe("server-drawn charts", () => {
  it("draws percentages as an accessible SVG without inline styles", () => {
    const svg = String(
      percentBars(
        [
          { label: "Involvement", value: 75 },
          { label: "Dining <&> Weight", value: null },
        ],
        "Area scores: Involvement 75%, Dining no score",
      ),
    );
    expect(svg).toMatch(
      /^<svg class="app-chart" role="img" aria-label="Area scores: Involvement 75%, Dining no score"/u,
    );
    expect(svg).toContain("viewBox=");
    expect(svg).not.toMatch(/ style="/u);
    expect(svg).not.toContain("<style");
    expect(svg).toContain("Involvement");
    expect(svg).toContain("Dining &lt;&amp;&gt; Weight");
    expect(svg).toContain("75%");
  });

  it("turns style declarations into presentation attributes and drops the rest", () => {
    expect(
      cspSafeSvg(
        '<text style="font-size:12px;font-family:&quot;A&quot;, sans-serif;cursor:pointer;" x="1">A</text><style>.a{}</style>',
      ),
    ).toBe('<text font-size="12px" font-family="&quot;A&quot;, sans-serif" x="1">A</text>');
  });
});
