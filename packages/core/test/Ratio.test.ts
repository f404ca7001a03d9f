import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Ratio } from "../src/index.ts";

describe("Ratio", () => {
  it("keeps lowest terms and a positive denominator", () => {
    expect(Ratio.make(10, 4)).toEqual({ numerator: 5, denominator: 2 });
    expect(Ratio.make(3, -6)).toEqual({ numerator: -1, denominator: 2 });
    expect(Ratio.make(0, 7)).toEqual({ numerator: 0, denominator: 1 });
    expect(() => Ratio.make(1, 0)).toThrow(RangeError);
  });

  it("rounds exactly, halves away from zero", () => {
    expect(Ratio.format(Ratio.make(5, 2), 0)).toBe("3");
    expect(Ratio.format(Ratio.make(1, 8), 2)).toBe("0.13");
    expect(Ratio.format(Ratio.make(-5, 2), 0)).toBe("-3");
    expect(Ratio.format(Ratio.make(-1, 1000), 1)).toBe("0.0");
    expect(Ratio.format(Ratio.make(200, 3), 1)).toBe("66.7");
    // 1.005 is 1.00499999… as a float; the exact value rounds up.
    expect(Ratio.format(Ratio.make(1005, 1000), 2)).toBe("1.01");
  });

  it("adds exactly and compares", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (a, b, c, d) => {
          const sum = Ratio.add(Ratio.make(a, b), Ratio.make(c, d));
          expect(Ratio.equals(sum, Ratio.make(a * d + c * b, b * d))).toBe(true);
          expect(Math.sign(Ratio.compare(Ratio.make(a, b), Ratio.make(c, d)))).toBe(
            Math.sign(a * d - c * b),
          );
        },
      ),
    );
  });
});
