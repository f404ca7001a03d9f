import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EvidenceGuard } from "../src/index.ts";

const nhsNumberArb = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((digits) => {
    const sum = digits.reduce((total, digit, index) => total + digit * (10 - index), 0);
    const check = (11 - (sum % 11)) % 11;
    return { digits, check };
  })
  .filter(({ check }) => check !== 10)
  .map(({ digits, check }) => [...digits, check].join(""));

describe("EvidenceGuard", () => {
  it("checks NHS numbers with mod 11", () => {
    expect(EvidenceGuard.isValidNhsNumber("9434765919")).toBe(true);
    expect(EvidenceGuard.isValidNhsNumber("9434765918")).toBe(false);
    expect(EvidenceGuard.isValidNhsNumber("943476591")).toBe(false);
  });

  it("finds NHS numbers written with spaces or dashes, with positions", () => {
    const text = "Seen by J, NHS no 943 476 5919. Also 943-476-5919 and 9434765919.";
    const found = EvidenceGuard.scan(text);
    expect(found.map((f) => [f.kind, f.text, text.slice(f.start, f.end)])).toEqual([
      ["nhs-number", "943 476 5919", "943 476 5919"],
      ["nhs-number", "943-476-5919", "943-476-5919"],
      ["nhs-number", "9434765919", "9434765919"],
    ]);
  });

  it("ignores ten digits that fail the check", () => {
    expect(EvidenceGuard.scan("Reference 943 476 5918 in the minutes")).toEqual([]);
  });

  it("finds every valid NHS number hidden in text", () => {
    fc.assert(
      fc.property(
        nhsNumberArb,
        fc.constantFrom(" ", "-", ""),
        fc.string(),
        (digits, separator, before) => {
          const written = `${digits.slice(0, 3)}${separator}${digits.slice(3, 6)}${separator}${digits.slice(6)}`;
          const text = `${before.replace(/\d/gu, "")} ${written} .`;
          const found = EvidenceGuard.scan(text).filter(
            (f) => f.kind === "nhs-number" || f.kind === "chi-number",
          );
          expect(found.map((f) => f.text)).toContain(written);
        },
      ),
    );
  });

  it("finds other identifiers", () => {
    const text =
      "NI AB 12 34 56 C, DOB: 03/07/1985, email jo.bloggs@example.org, call 07700 900123, lives at LS1 4AP.";
    expect(EvidenceGuard.scan(text).map((f) => [f.kind, f.text])).toEqual([
      ["national-insurance-number", "AB 12 34 56 C"],
      ["date-of-birth", "DOB: 03/07/1985"],
      ["email-address", "jo.bloggs@example.org"],
      ["phone-number", "07700 900123"],
      ["postcode", "LS1 4AP"],
    ]);
  });

  it("stays quiet on ordinary evidence", () => {
    expect(
      EvidenceGuard.scan(
        "Community meeting minutes, 12 May 2021: 8 service users and 3 staff attended. 25 hours.",
      ),
    ).toEqual([]);
  });
});
