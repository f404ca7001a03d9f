import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Benchmark, Ratio } from "../src/index.ts";
import { percentResult } from "./fixtures/areas.ts";

const result = percentResult;

describe("Benchmark.quantile (type 7, hand-computed)", () => {
  it.each([
    [[10, 20, 30, 40, 50], { min: 10, q1: 20, median: 30, q3: 40, max: 50 }],
    [[1, 2, 3, 4], { min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 }],
    [[1, 2], { min: 1, q1: 1.25, median: 1.5, q3: 1.75, max: 2 }],
    [[7], { min: 7, q1: 7, median: 7, q3: 7, max: 7 }],
    // h = 5 × 0.25 = 1.25 → 15 + 0.25 × (40 − 15) = 21.25; h = 3.75 → 50 + 0.75 × 30 = 72.5
    [[0, 15, 40, 50, 80, 100], { min: 0, q1: 21.25, median: 45, q3: 72.5, max: 100 }],
  ])("%j", (values, expected) => {
    expect(Benchmark.distribution(values)).toEqual({ participants: values.length, ...expected });
  });

  it("is ordered min ≤ q1 ≤ median ≤ q3 ≤ max", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (values) => {
          const d = Benchmark.distribution(values);
          expect(d.min).toBeLessThanOrEqual(d.q1);
          expect(d.q1).toBeLessThanOrEqual(d.median);
          expect(d.median).toBeLessThanOrEqual(d.q3);
          expect(d.q3).toBeLessThanOrEqual(d.max);
        },
      ),
    );
  });
});

describe("Benchmark.percentileRank", () => {
  it("counts others below, ties half", () => {
    const sorted = [10, 20, 20, 40];
    expect(Benchmark.percentileRank(sorted, 10)).toBe(0);
    expect(Benchmark.percentileRank(sorted, 20)).toBe(50);
    expect(Benchmark.percentileRank(sorted, 40)).toBe(100);
    expect(Benchmark.percentileRank([5], 5)).toBeUndefined();
  });

  it("stays within 0–100", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 40 }),
        fc.nat(),
        (values, pick) => {
          const sorted = [...values].sort((a, b) => a - b);
          const rank = Benchmark.percentileRank(sorted, sorted[pick % sorted.length] as number);
          expect(rank).toBeGreaterThanOrEqual(0);
          expect(rank).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

describe("Benchmark.benchmarkCycle", () => {
  it("flags best practice and focus by quartile", () => {
    const [area] = Benchmark.benchmarkCycle(
      ["a", "b", "c", "d", "e"].map((id, index) => result(id, (index + 1) * 20)),
      [],
      { minimumParticipants: 5, areas: ["involvement"] },
    );
    expect(area?.withheld).toBe(false);
    const flags = Object.fromEntries(
      area!.services.map((s) => [s.serviceId, [s.bestPractice, s.focus, s.percentile]]),
    );
    expect(flags).toEqual({
      a: [false, true, 0],
      b: [false, true, 25],
      c: [false, false, 50],
      d: [true, false, 75],
      e: [true, false, 100],
    });
  });

  it("flags nobody when everyone scores the same", () => {
    const [area] = Benchmark.benchmarkCycle(
      ["a", "b", "c"].map((id) => result(id, 50)),
      [],
      { minimumParticipants: 3, areas: ["involvement"] },
    );
    expect(area!.services.every((s) => !s.bestPractice && !s.focus && s.percentile === 50)).toBe(
      true,
    );
  });

  it("withholds the distribution, percentiles and flags below the minimum", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (percents, minimum) => {
          const [area] = Benchmark.benchmarkCycle(
            percents.map((percent, index) => result(`s${index}`, percent)),
            [],
            { minimumParticipants: minimum, areas: ["involvement"] },
          );
          if (percents.length < minimum) {
            expect(area).toMatchObject({
              withheld: true,
              participants: percents.length,
              minimumParticipants: minimum,
            });
            expect("distribution" in area!).toBe(false);
            for (const standing of area!.services) {
              expect(standing.percentile).toBeUndefined();
              expect(standing.bestPractice || standing.focus).toBe(false);
            }
            expect(JSON.stringify(Benchmark.publicView(area!))).not.toContain("s0");
          } else {
            expect(area?.withheld).toBe(false);
          }
        },
      ),
    );
  });

  it("reports change since the previous cycle per area and per standard", () => {
    const totals = (sums: number[], scored: number[]) => ({
      standardIds: ["INV-01", "INV-02"],
      sums,
      scored,
      notApplicable: [0, 0],
    });
    const now = { ...result("a", 75), totals: totals([5, 3], [2, 1]) };
    const before = {
      ...result("a", 50),
      totals: { ...totals([1, 0], [1, 0]), standardIds: ["INV-01", "INV-09"] },
    };
    const [area] = Benchmark.benchmarkCycle([now], [before], {
      minimumParticipants: 1,
      areas: ["involvement"],
    });
    expect(area!.services[0]?.change).toEqual({
      area: 25,
      standards: [{ standardId: "INV-01", change: Ratio.make(3, 2) }],
    });
  });

  it("refuses a service twice in one area", () => {
    expect(() =>
      Benchmark.benchmarkCycle([result("a", 1), result("a", 2)], [], {
        minimumParticipants: 1,
        areas: [],
      }),
    ).toThrow("a has two results for involvement");
  });
});
