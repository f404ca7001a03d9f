import { describe, expect, it } from "vitest";
import { Benchmark, Buddying } from "../src/index.ts";
import { percentResult } from "./fixtures/areas.ts";

const result = (serviceId: string, area: string, percent: number) =>
  percentResult(serviceId, percent, area);

// Five services, two areas. In technology a and b are bottom quartile, e is top.
// In dining a and b are bottom again, d is top.
const benchmarks = Benchmark.benchmarkCycle(
  [
    result("a", "technology", 10),
    result("b", "technology", 20),
    result("c", "technology", 50),
    result("d", "technology", 60),
    result("e", "technology", 90),
    result("a", "dining", 30),
    result("b", "dining", 25),
    result("c", "dining", 60),
    result("d", "dining", 95),
    result("e", "dining", 70),
  ],
  [],
  { minimumParticipants: 5, areas: ["technology", "dining"] },
);

describe("Buddying", () => {
  it("suggests services that share weak areas, with reasons", () => {
    const names = new Map([
      ["technology", "Technology"],
      ["dining", "Dining"],
    ]);
    expect(Buddying.buddyPairs(benchmarks, { areaNames: names })).toEqual([
      {
        services: ["a", "b"],
        sharedWeakAreas: [
          { area: "technology", percents: [10, 20] },
          { area: "dining", percents: [30, 25] },
        ],
        reason: "Both in the bottom quartile for Technology (10% and 20%) and Dining (30% and 25%)",
      },
    ]);
  });

  it("lists one service's pairs alone, the same as filtering them all", () => {
    for (const serviceId of ["a", "b", "c", "e"]) {
      expect(Buddying.buddyPairs(benchmarks, { only: serviceId })).toEqual(
        Buddying.buddyPairs(benchmarks).filter((pair) => pair.services.includes(serviceId)),
      );
    }
  });

  it("points each service's weakest area at the best there", () => {
    const suggestions = Buddying.bestPractice(benchmarks);
    expect(suggestions.find((s) => s.serviceId === "a")).toEqual({
      serviceId: "a",
      area: "technology",
      percent: 10,
      learnFrom: [
        { serviceId: "e", percent: 90, reason: "90% in technology, top quartile (you: 10%)" },
        { serviceId: "d", percent: 60, reason: "60% in technology, top quartile (you: 10%)" },
      ],
    });
    // e's weakest is dining (70%): d (95%) leads there.
    expect(suggestions.find((s) => s.serviceId === "e")?.learnFrom.map((l) => l.serviceId)).toEqual(
      ["d"],
    );
  });

  it("suggests nothing from withheld areas", () => {
    const withheld = Benchmark.benchmarkCycle([result("a", "technology", 10)], [], {
      minimumParticipants: 5,
      areas: ["technology"],
    });
    expect(Buddying.buddyPairs(withheld)).toEqual([]);
    expect(Buddying.bestPractice(withheld)).toEqual([]);
  });
});
