import { describe, expect, it } from "vitest";
import { areaToolModel } from "../../src/model/areaTool.ts";
import { fixtureSet } from "../fixtures/inputs.ts";
import { realStandards } from "../support/standards.ts";

describe("areaToolModel", () => {
  it("lists every standard with its boxes to tick, N/A only where allowed", () => {
    const model = areaToolModel(fixtureSet, "testing-area");
    expect(model.standards.map((standard) => standard.choices.join(" "))).toEqual([
      "0 1 2 3",
      "0 1 2 3 N/A",
      "0 1 2 3 N/A",
      "0 1 2 3",
      "0 1 2 3",
      "0 1 2 3",
    ]);
    expect(model.standards[0]).toMatchObject({
      id: "TST-01",
      weight: "Essential",
      perspective: "Service users and the service",
    });
    expect(model.anyNotApplicable).toBe(true);
    expect(model.meta).toEqual({
      title: "Testing Area: area tool",
      lang: "en-GB",
      footer: "Testing Area · area tool · Test standards 2099.1",
      attribution: "Symbols: OpenMoji (openmoji.org), CC BY-SA 4.0",
    });
  });

  it("builds a tool for each of the real set's 12 areas", async () => {
    const set = await realStandards();
    expect(set.areas).toHaveLength(12);
    for (const area of set.areas) {
      expect(areaToolModel(set, area.slug).standards.length).toBe(area.standards.length);
    }
  });
});
