import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PeerCode } from "../src/index.ts";

describe("PeerCode", () => {
  it("is stable, salted and readable", () => {
    const code = PeerCode.codeFor("salt", "service-1");
    expect(code).toMatch(/^S-[2-9A-HJ-NP-Z]{4}$/u);
    expect(PeerCode.codeFor("salt", "service-1")).toBe(code);
    expect(PeerCode.codeFor("other-salt", "service-1")).not.toBe(code);
  });

  it("gives unique codes whatever the order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 300 }), (ids) => {
        const codes = PeerCode.codesFor("salt", ids);
        expect(new Set(codes.values()).size).toBe(ids.length);
        expect(PeerCode.codesFor("salt", [...ids].reverse())).toEqual(codes);
      }),
    );
  });
});
