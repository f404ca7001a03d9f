import { describe, expect, it } from "vitest";
import { networkPackModel } from "../../src/model/networkPack.ts";
import { networkPackInput } from "../fixtures/inputs.ts";

const model = networkPackModel(networkPackInput);

describe("networkPackModel", () => {
  it("shows each published area's distribution, change and themes", () => {
    const area = model.areas[0];
    expect(area?.stats.map((stat) => `${stat.label} ${stat.value}`)).toEqual([
      "Lowest 10%",
      "Q1 40%",
      "Median 55%",
      "Q3 70%",
      "Highest 95%",
    ]);
    expect(area?.trend).toBe(
      "The median changed by +4 percentage points since 2020/21 (51% then).",
    );
    expect(area?.chart?.rows.map((row) => row.label)).toEqual(["2021/22", "2020/21"]);
    expect(area?.themes).toEqual([
      {
        title: "Service users co-chair meetings",
        detail: "Two services rotate the chair monthly.",
      },
      { title: "You said, we did boards", detail: null },
    ]);
  });

  it("withholds an area with too few services, with no figures or chart", () => {
    const quiet = model.areas[1];
    expect(quiet).toMatchObject({ withheld: true, stats: [], chart: null, trend: null });
    expect(quiet?.participation).toMatch(/at least 5 take part, so they are withheld/u);
    expect(model.table[1]).toEqual({
      anchor: "area-quiet-area",
      name: "Quiet Area",
      services: 3,
      values: null,
      note: "Withheld: fewer than 5 took part",
    });
    expect(model.overview.rows[1]).toEqual({
      label: "Quiet Area",
      distribution: null,
      note: "withheld: 3 of 5 needed",
    });
  });

  it("has a cover with the network, cycle and highlights, and no symbols to credit", () => {
    expect(model.meta.title).toBe("Test Network: network results 2021/22");
    expect(model.meta.attribution).toBeNull();
    expect(model.highlights[0]).toBe(
      "1 area has published results; 1 area is withheld because fewer than 5 services took part.",
    );
    expect(model.generatedOn).toBe("20 May 2022");
  });
});
