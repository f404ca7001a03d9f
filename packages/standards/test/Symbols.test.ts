import { describe, expect, it } from "vitest";
import { openMojiHexcodes } from "../src/index.ts";

describe("openMojiHexcodes", () => {
  it("reads the installed OpenMoji set", async () => {
    const codes = await openMojiHexcodes();
    expect(codes.size).toBeGreaterThan(3000);
    expect(codes.has("1F37D")).toBe(true);
    expect(codes.has("ZZZZ")).toBe(false);
  });
});
