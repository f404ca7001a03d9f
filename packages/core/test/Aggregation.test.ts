import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Aggregation, Ratio, Scale } from "../src/index.ts";
import { makeArea, responses } from "./fixtures/areas.ts";

const scale = Scale.defaultScale;
const area = makeArea(6, [5, 6]);
const agreedArb = fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant("na" as const)), {
  minLength: 6,
  maxLength: 6,
});

describe("Aggregation.areaScore", () => {
  it("is the sum over max × applicable, N/A left out (worked example)", () => {
    // 3 + 2 + 2 + 1 = 8 of 4 × 3 = 12 → 66.67%
    const score = Aggregation.areaScore(area, responses(area, [3, 2, 2, 1, "na", "na"]), scale);
    expect(score).toMatchObject({
      points: { numerator: 8, denominator: 1 },
      applicable: 4,
      notApplicable: 2,
      unanswered: 0,
    });
    expect(Aggregation.formatPercent(score!)).toBe("67%");
    expect(Aggregation.formatPercent(score!, 1)).toBe("66.7%");
    expect(Aggregation.percentRatio(score!)).toEqual({ numerator: 200, denominator: 3 });
  });

  it("reports unanswered standards and nothing when none applies", () => {
    expect(
      Aggregation.areaScore(area, responses(area, [3, null, null, null, null, null]), scale)
        ?.unanswered,
    ).toBe(5);
    expect(
      Aggregation.areaScore(area, responses(area, ["na", "na", "na", "na", "na", "na"]), scale),
    ).toBeUndefined();
    expect(Aggregation.areaScore(area, [], scale)).toBeUndefined();
  });

  it("does not depend on the order of responses", () => {
    fc.assert(
      fc.property(agreedArb, fc.func(fc.integer()), (agreed, key) => {
        const inOrder = responses(area, agreed);
        const shuffled = [...inOrder].sort((a, b) => key(a.standardId) - key(b.standardId));
        expect(Aggregation.areaScore(area, shuffled, scale)).toEqual(
          Aggregation.areaScore(area, inOrder, scale),
        );
      }),
    );
  });

  it("stays between 0 and 100", () => {
    fc.assert(
      fc.property(agreedArb, (agreed) => {
        const score = Aggregation.areaScore(area, responses(area, agreed), scale);
        if (score !== undefined) {
          expect(score.percent).toBeGreaterThanOrEqual(0);
          expect(score.percent).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("never lowers a score when a standard is N/A instead of 0", () => {
    fc.assert(
      fc.property(agreedArb, fc.integer({ min: 0, max: 5 }), (agreed, index) => {
        const withZero = Aggregation.areaScore(area, responses(area, agreed.with(index, 0)), scale);
        const withNa = Aggregation.areaScore(
          area,
          responses(area, agreed.with(index, "na")),
          scale,
        );
        if (withNa !== undefined && withZero !== undefined) {
          expect(
            Ratio.compare(Aggregation.percentRatio(withNa), Aggregation.percentRatio(withZero)),
          ).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});

describe("Aggregation.hospitalArea", () => {
  it("averages the wards that scored each standard (worked example)", () => {
    const wards = [
      responses(area, [3, 2, 1, 0, "na", 3]),
      responses(area, [2, 2, "na", 1, "na", 3]),
      responses(area, [1, 3, 2, null, "na", 2]),
    ];
    const result = Aggregation.hospitalArea(area, wards, 4, scale);
    expect(result.coverage).toEqual({ assessed: 3, wards: 4 });
    expect(Aggregation.describeCoverage(result.coverage)).toBe("3 of 4 wards");
    expect(Aggregation.standardAggregates(result).map((standard) => standard.mean)).toEqual([
      { numerator: 2, denominator: 1 },
      { numerator: 7, denominator: 3 },
      { numerator: 3, denominator: 2 },
      { numerator: 1, denominator: 2 },
      undefined,
      { numerator: 8, denominator: 3 },
    ]);
    expect(Aggregation.standardAggregates(result)[3]).toMatchObject({
      sum: 1,
      scored: 2,
      notApplicable: 0,
      unanswered: 1,
      wards: 4,
    });
    // (2 + 7/3 + 3/2 + 1/2 + 8/3) / (3 × 5) = 9 / 15 = 60%
    expect(result.score).toMatchObject({
      points: { numerator: 9, denominator: 1 },
      applicable: 5,
      notApplicable: 1,
    });
    expect(Aggregation.formatPercent(result.score!)).toBe("60%");
  });

  it("gives the same result from a score matrix", () => {
    const wards = [
      responses(area, [3, 2, 1, 0, "na", 3]),
      responses(area, [2, null, "na", 1, "na", 3]),
    ];
    const matrix = { wards: 2, cells: Int8Array.of(3, 2, 1, 0, -1, 3, 2, -2, -1, 1, -1, 3) };
    expect(Aggregation.toScoreMatrix(area, wards)).toEqual(matrix);
    expect(Aggregation.hospitalAreaFromMatrix(area, matrix, 2, scale)).toEqual(
      Aggregation.hospitalArea(area, wards, 2, scale),
    );
    expect(() =>
      Aggregation.hospitalAreaFromMatrix(area, { wards: 2, cells: [1, 2] }, 2, scale),
    ).toThrow("a score matrix for 2 wards of TST needs 12 cells");
  });

  it("does not depend on the order of wards", () => {
    fc.assert(
      fc.property(fc.array(agreedArb, { minLength: 1, maxLength: 6 }), (wardScores) => {
        const wards = wardScores.map((agreed) => responses(area, agreed));
        const forward = Aggregation.hospitalArea(area, wards, wards.length, scale);
        const backward = Aggregation.hospitalArea(area, [...wards].reverse(), wards.length, scale);
        expect(backward).toEqual(forward);
      }),
    );
  });

  it("equals the plain mean of ward scores when nothing is N/A", () => {
    const scores = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(scores, { minLength: 1, maxLength: 8 }), (wardScores) => {
        const wards = wardScores.map((agreed) => responses(area, agreed));
        const hospital = Aggregation.hospitalArea(area, wards, wards.length, scale);
        Aggregation.standardAggregates(hospital).forEach((standard, index) => {
          const plain = wardScores.reduce((sum, ward) => sum + (ward[index] as number), 0);
          expect(standard.mean).toEqual(Ratio.make(plain, wardScores.length));
        });
        // The hospital's area score is then the mean of the wards' area scores.
        const wardPercents = wards.map((ward) =>
          Aggregation.percentRatio(Aggregation.areaScore(area, ward, scale)!),
        );
        const meanOfWards = Ratio.divide(wardPercents.reduce(Ratio.add, Ratio.zero), wards.length);
        expect(Ratio.equals(Aggregation.percentRatio(hospital.score!), meanOfWards)).toBe(true);
      }),
    );
  });
});
