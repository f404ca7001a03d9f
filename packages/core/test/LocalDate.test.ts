import { describe, expect, it } from "vitest";
import { LocalDate } from "../src/index.ts";

describe("LocalDate.format", () => {
  it("writes day, month name and year without a leading zero", () => {
    expect(LocalDate.format(LocalDate.make(2021, 5, 31))).toBe("31 May 2021");
    expect(LocalDate.format(LocalDate.make(2022, 1, 1))).toBe("1 January 2022");
    expect(LocalDate.format(LocalDate.make(2019, 12, 9))).toBe("9 December 2019");
  });
});
