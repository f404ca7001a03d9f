import { describe, expect, it, vi } from "vitest";

describe("examples/quick-start.ts", () => {
  it("runs and prints what the README says", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const example = await import("../examples/quick-start.ts");
    expect({ coverage: example.coverage, score: example.score, median: example.median }).toEqual({
      coverage: "2 of 3 wards",
      score: "75%",
      median: 67,
    });
    log.mockRestore();
  });
});
