import { Result, Schema } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Cycle, LocalDate } from "../src/index.ts";

describe("Cycle", () => {
  it("labels NHS financial years", () => {
    expect(Cycle.label(2021)).toBe("2021/22");
    expect(Cycle.label(1999)).toBe("1999/00");
    expect(Cycle.containing(LocalDate.make(2022, 3, 31))).toBe("2021/22");
    expect(Cycle.containing(LocalDate.make(2022, 4, 1))).toBe("2022/23");
    expect(Cycle.bounds(Cycle.label(2021))).toEqual({ start: "2021-04-01", end: "2022-03-31" });
    expect(Cycle.previous(Cycle.label(2021))).toBe("2020/21");
    expect(Cycle.next(Cycle.label(2021))).toBe("2022/23");
  });

  it("decodes labels with readable errors", () => {
    const decode = Schema.decodeUnknownResult(Cycle.CycleLabel);
    expect(Result.isSuccess(decode("2021/22"))).toBe(true);
    const wrongYear = decode("2021/23");
    expect(Result.isFailure(wrongYear) && wrongYear.failure.message).toBe(
      "the second year of 2021/23 should be 22",
    );
    const garbage = decode("2021-22");
    expect(Result.isFailure(garbage) && garbage.failure.message).toBe(
      'expected a cycle like 2021/22, got "2021-22"',
    );
  });

  it("puts every date in the cycle that includes it", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (instant) => {
          const date = LocalDate.make(
            instant.getUTCFullYear(),
            instant.getUTCMonth() + 1,
            instant.getUTCDate(),
          );
          const cycle = Cycle.containing(date);
          expect(Cycle.includes(cycle, date)).toBe(true);
          expect(Cycle.includes(Cycle.next(cycle), date)).toBe(false);
        },
      ),
    );
  });
});

describe("LocalDate", () => {
  it("refuses impossible dates", () => {
    const decode = Schema.decodeUnknownResult(LocalDate.LocalDate);
    expect(Result.isSuccess(decode("2024-02-29"))).toBe(true);
    const bad = decode("2023-02-29");
    expect(Result.isFailure(bad) && bad.failure.message).toBe(
      'expected a date as YYYY-MM-DD, got "2023-02-29"',
    );
    expect(() => LocalDate.make(2021, 4, 31)).toThrow(RangeError);
  });

  it("does date arithmetic and knows London's day", () => {
    expect(LocalDate.addDays(LocalDate.make(2022, 3, 31), 1)).toBe("2022-04-01");
    expect(LocalDate.endOfMonth(2024, 2)).toBe("2024-02-29");
    expect(LocalDate.inLondon(new Date("2022-06-30T23:30:00Z"))).toBe("2022-07-01");
    expect(LocalDate.inLondon(new Date("2022-01-31T23:30:00Z"))).toBe("2022-01-31");
  });
});
