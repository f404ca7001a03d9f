import { Cycle } from "@sequin/core";
import { loadStandards } from "@sequin/standards";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { demoOptions, generate } from "../src/index.ts";
import { table } from "../src/Table.ts";

const { set } = await Effect.runPromise(loadStandards());
const options = demoOptions([Cycle.label(2020), Cycle.label(2021)]);

describe("generate", () => {
  it("is deterministic for a seed and differs for another", () => {
    expect(generate(set, options)).toEqual(generate(set, options));
    expect(generate(set, { ...options, seed: 7 })).not.toEqual(generate(set, options));
  });

  it("marks everything as demo data", () => {
    const network = generate(set, options);
    expect(network.services).toHaveLength(24);
    for (const service of network.services) expect(service.name).toMatch(/\(demo\)$/u);
    for (const organisation of network.organisations) expect(organisation.name).toMatch(/^Demo /u);
  });

  it("keeps scores on the scale and N/A only where a standard allows it", () => {
    const naAllowed = new Set(
      set.areas.flatMap((area) => area.standards.filter((s) => s.naAllowed).map((s) => s.id)),
    );
    for (const cycle of generate(set, options).cycles) {
      for (const assessment of cycle.assessments) {
        expect(assessment.wards.length).toBeLessThanOrEqual(assessment.totalWards);
        for (const ward of assessment.wards) {
          for (const response of ward) {
            if (response.agreed === "na")
              expect(naAllowed.has(response.standardId as never)).toBe(true);
            else
              expect(response.agreed).toSatisfy(
                (score: unknown) => Number.isInteger(score) && (score as number) <= 3,
              );
          }
        }
      }
    }
  });
});

describe("table", () => {
  it("aligns text left and numbers right", () => {
    expect(
      table(
        ["Area", "Score"],
        [
          ["Technology", "57%"],
          ["CPA", "100%"],
        ],
      ),
    ).toBe(
      ["Area        Score", "──────────  ─────", "Technology    57%", "CPA          100%"].join(
        "\n",
      ),
    );
  });
});
