import type { LocalDate } from "@sequin/core";
import { describe, expect, it } from "vitest";
import { formatBytes, formatDate, formatMonth, formatPercent } from "../../src/lib/format.ts";
import { wardExample } from "../../src/lib/worked-example.ts";
import { standardsSet } from "../support/standards.ts";

describe("the ward-by-ward example", () => {
  it("averages each standard over the wards that scored it, leaving N/A out", async () => {
    const example = wardExample(await standardsSet());
    expect(example.rows.map((row) => [row.mean, row.coverage])).toEqual([
      ["2.33", "3 of 3 wards"],
      ["1.50", "2 of 3 wards"],
      ["0.67", "3 of 3 wards"],
      ["2.67", "3 of 3 wards"],
    ]);
    // (7/3 + 3/2 + 2/3 + 8/3) / (3 × 4) = 43/72
    expect(example.areaScore).toBe("59.7%");
  });
});

describe("display formats", () => {
  it("writes dates, sizes and percentages the NHS way", () => {
    expect(formatDate("2022-02-28" as LocalDate.LocalDate)).toBe("28 February 2022");
    expect(formatMonth("2019-04-30" as LocalDate.LocalDate)).toBe("April 2019");
    expect(formatBytes(830)).toBe("830 bytes");
    expect(formatBytes(123_456)).toBe("121 KB");
    expect(formatBytes(1_500_000)).toBe("1.4 MB");
    expect(formatPercent(64)).toBe("64%");
    expect(formatPercent(64.5)).toBe("64.5%");
  });
});
