import { Result, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { Scale, Standards } from "../src/index.ts";
import { makeArea } from "./fixtures/areas.ts";

const decodeErrors = <S extends Schema.Top & { readonly DecodingServices: never }>(
  schema: S,
  input: unknown,
) => {
  const result = Schema.decodeUnknownResult(schema as never)(input, {
    errors: "all",
    onExcessProperty: "error",
  });
  return Result.isFailure(result) ? String((result.failure as Schema.SchemaError).message) : "ok";
};

describe("Standards.Area", () => {
  it("decodes a valid area", () => {
    expect(makeArea(8).standards).toHaveLength(8);
  });

  it("reports every problem with its path (pinned text)", () => {
    const area = Schema.encodeSync(Standards.Area)(makeArea(6));
    const broken = {
      ...area,
      code: "tst",
      standards: area.standards.map((standard, index) =>
        index === 1
          ? { ...standard, id: "TST-05", perspective: "staff", naAlowed: true }
          : index === 2
            ? {
                ...standard,
                easyRead:
                  "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.",
              }
            : standard,
      ),
    };
    expect(decodeErrors(Standards.Area, broken)).toMatchInlineSnapshot(`
      "an area code is 2–4 capital letters, e.g. CPA
        at ["code"]
      Expected no excess property
        at ["standards"][1]["naAlowed"]
      Expected "service-user" | "service" | "both"
        at ["standards"][1]["perspective"]
      easy-read sentences must have at most 15 words; "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen." has 16
        at ["standards"][2]["easyRead"]"
    `);
  });

  it("requires ids numbered in order", () => {
    const area = Schema.encodeSync(Standards.Area)(makeArea(6));
    const swapped = {
      ...area,
      standards: [area.standards[1], area.standards[0], ...area.standards.slice(2)],
    };
    expect(decodeErrors(Standards.Area, swapped)).toMatchInlineSnapshot(`
      "expected TST-01 (ids are numbered in order)
        at ["standards"][0]["id"]
      expected TST-02 (ids are numbered in order)
        at ["standards"][1]["id"]"
    `);
  });

  it("holds 6 to 12 standards", () => {
    const area = Schema.encodeSync(Standards.Area)(makeArea(6));
    expect(
      decodeErrors(Standards.Area, { ...area, standards: area.standards.slice(0, 5) }),
    ).toContain("Expected a value with a length of at least 6");
  });
});

describe("Standards.StandardsSet", () => {
  it("refuses two areas with the same code", () => {
    const input = {
      version: "2021.1",
      name: "Test",
      scale: Scale.defaultScale,
      areas: [
        Schema.encodeSync(Standards.Area)(makeArea(6)),
        Schema.encodeSync(Standards.Area)(makeArea(7)),
      ],
    };
    expect(decodeErrors(Standards.StandardsSet, input)).toMatchInlineSnapshot(`
      "code "TST" is used by two areas
        at ["areas"][1]["code"]
      slug "tst-area" is used by two areas
        at ["areas"][1]["slug"]"
    `);
  });

  it("finds areas and standards", () => {
    const set = Schema.decodeUnknownSync(Standards.StandardsSet)({
      version: "2021.1",
      name: "Test",
      scale: Scale.defaultScale,
      areas: [
        Schema.encodeSync(Standards.Area)(makeArea(6, [], "AB")),
        Schema.encodeSync(Standards.Area)(makeArea(6, [], "CD")),
      ],
    });
    expect(Standards.findArea(set, "cd-area")?.code).toBe("CD");
    expect(Standards.findStandard(set, "CD-03")?.area.slug).toBe("cd-area");
    expect(Standards.findStandard(set, "XX-01")).toBeUndefined();
  });
});

describe("Scale", () => {
  it("numbers points from 0 in order", () => {
    expect(
      decodeErrors(Scale.Scale, [
        { value: 0, label: "No", easyRead: "No" },
        { value: 2, label: "Yes", easyRead: "Yes" },
      ]),
    ).toMatchInlineSnapshot(`
      "scale points must be numbered 0, 1, 2, … in order; expected 1
        at [1]["value"]"
    `);
    expect(Scale.maxScore(Scale.defaultScale)).toBe(3);
    expect(Scale.isScore(Scale.defaultScale, 3)).toBe(true);
    expect(Scale.isScore(Scale.defaultScale, 4)).toBe(false);
    expect(Scale.labelOf(Scale.defaultScale, 1)).toBe("Starting");
  });
});
