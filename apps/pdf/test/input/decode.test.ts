import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { AreaReportInput } from "../../src/input/AreaReportInput.ts";
import { AreaToolInput, areaToolInput } from "../../src/input/AreaToolInput.ts";
import { decodeInput, decodeInputSync, InvalidPdfInput } from "../../src/input/decode.ts";
import { NetworkPackInput } from "../../src/input/NetworkPackInput.ts";
import { sampleAreaReportInput, sampleNetworkPackInput } from "../../src/sample.ts";
import { areaReportJson, fixtureSet, networkPackJson } from "../fixtures/inputs.ts";
import { realStandards } from "../support/standards.ts";

// biome-ignore lint/suspicious/noExplicitAny: tests break inputs on purpose
type Json = any;

const problemsOf = (schema: Parameters<typeof decodeInput>[0], input: unknown) => {
  const result = decodeInput(schema, input);
  return Result.isFailure(result) ? result.failure.problems : [];
};

const report = (change: (input: Json) => void) => {
  const input = structuredClone(areaReportJson) as Json;
  change(input);
  return problemsOf(AreaReportInput as never, input);
};

describe("AreaReportInput", () => {
  it("decodes a complete report", () => {
    expect(problemsOf(AreaReportInput as never, areaReportJson)).toEqual([]);
  });

  it("decodes the samples after a JSON round trip (what the HTTP service receives)", async () => {
    const set = await realStandards();
    for (const area of set.areas) {
      const json = JSON.parse(JSON.stringify(sampleAreaReportInput(set, area.slug)));
      expect(problemsOf(AreaReportInput as never, json), area.slug).toEqual([]);
    }
    const pack = JSON.parse(JSON.stringify(sampleNetworkPackInput(set)));
    expect(problemsOf(NetworkPackInput as never, pack)).toEqual([]);
  });

  it.each<[string, (input: Json) => void, string, RegExp]>([
    [
      "a score above the scale",
      (i) => {
        i.wards[0].responses[0].agreed = 7;
      },
      "body.wards.0.responses.0.agreed",
      /above the scale's 3/u,
    ],
    [
      "a view above the scale",
      (i) => {
        i.wards[1].responses[0].views.staff = 4;
      },
      "body.wards.1.responses.0.views.staff",
      /above the scale/u,
    ],
    [
      "N/A where the standard does not allow it",
      (i) => {
        i.wards[0].responses[0].agreed = "na";
      },
      "body.wards.0.responses.0.agreed",
      /cannot be N\/A/u,
    ],
    [
      "a standard of another area",
      (i) => {
        i.wards[0].responses[0].standardId = "XYZ-01";
      },
      "body.wards.0.responses.0.standardId",
      /not a standard of TST/u,
    ],
    [
      "a standard listed twice",
      (i) => {
        i.wards[0].responses[1].standardId = "TST-01";
      },
      "body.wards.0.responses.1.standardId",
      /twice/u,
    ],
    [
      "an action on another area's standard",
      (i) => {
        i.actions[0].standardId = "TST-09";
      },
      "body.actions.0.standardId",
      /not a standard/u,
    ],
    [
      "fewer wards than assessed",
      (i) => {
        i.totalWards = 1;
      },
      "body.totalWards",
      /2 wards assessed/u,
    ],
    [
      "a malformed cycle",
      (i) => {
        i.cycle = "2021/23";
      },
      "body.cycle",
      /should be 22/u,
    ],
    [
      "a peer named rather than coded",
      (i) => {
        i.benchmark.peers[0].code = "Ashby Hospital";
      },
      "body.benchmark.peers.0.code",
      /anonymised code/u,
    ],
    [
      "quartiles out of order",
      (i) => {
        i.benchmark.distribution.q1 = 90;
      },
      "body.benchmark.distribution",
      /min ≤ q1/u,
    ],
    [
      "a withheld benchmark without its minimum",
      (i) => {
        i.benchmark = { withheld: true, participants: 2 };
      },
      "body.benchmark.minimumParticipants",
      /Missing key/u,
    ],
    [
      "a missing service",
      (i) => {
        delete i.service;
      },
      "body.service",
      /Missing key/u,
    ],
    [
      "an unknown key",
      (i) => {
        i.serviceName = "x";
      },
      "body.serviceName",
      /excess/u,
    ],
    [
      "an impossible date",
      (i) => {
        i.generatedOn = "2021-02-30";
      },
      "body.generatedOn",
      /./u,
    ],
  ])("names the field for %s", (_, change, field, message) => {
    const problems = report(change);
    expect(problems.map((problem) => problem.field)).toContain(field);
    expect(problems.find((problem) => problem.field === field)?.message).toMatch(message);
  });

  it("reports every problem at once", () => {
    const problems = report((i) => {
      i.cycle = "x";
      i.totalWards = 0;
      i.wards[0].name = "";
    });
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      "body.cycle",
      "body.totalWards",
      "body.wards.0.name",
    ]);
  });

  it("refuses what is not an object", () => {
    expect(problemsOf(AreaReportInput as never, 5)).toEqual([
      { field: "body", message: "Expected object" },
    ]);
  });
});

describe("NetworkPackInput", () => {
  it("names a duplicated area and a blank theme", () => {
    const input = structuredClone(networkPackJson) as Json;
    input.areas[1].benchmark.area = "testing-area";
    input.areas[0].themes[0].title = " ";
    const fields = problemsOf(NetworkPackInput as never, input).map((problem) => problem.field);
    expect(fields).toContain("body.areas.0.themes.0.title");
    const duplicate = structuredClone(networkPackJson) as Json;
    duplicate.areas[1].benchmark.area = "testing-area";
    expect(problemsOf(NetworkPackInput as never, duplicate)).toEqual([
      { field: "body.areas.1.benchmark.area", message: "testing-area is listed twice" },
    ]);
  });

  it("refuses last cycle's results for another area", () => {
    const input = structuredClone(networkPackJson) as Json;
    input.areas[0].previous.area = "quiet-area";
    expect(problemsOf(NetworkPackInput as never, input)[0]?.field).toBe(
      "body.areas.0.previous.area",
    );
  });
});

describe("AreaToolInput", () => {
  it("takes an area of a set by slug, and names the slug when it is unknown", () => {
    expect(areaToolInput(fixtureSet, "testing-area").area.code).toBe("TST");
    expect(() => areaToolInput(fixtureSet, "nowhere")).toThrow(InvalidPdfInput);
    try {
      areaToolInput(fixtureSet, "nowhere");
    } catch (error) {
      expect((error as InvalidPdfInput).problems[0]?.field).toBe("areaSlug");
      expect((error as InvalidPdfInput).message).toMatch(/testing-area/u);
    }
  });

  it("decodes a whole area and checks it with the core's schemas", () => {
    const json = JSON.parse(JSON.stringify(areaToolInput(fixtureSet, "testing-area")));
    expect(decodeInputSync(AreaToolInput, json).area.standards).toHaveLength(6);
    json.area.standards[0].easyRead =
      "This sentence is far too long for easy read because it has many more than fifteen words in it.";
    const problems = problemsOf(AreaToolInput as never, json);
    expect(problems[0]?.field).toBe("body.area.standards.0.easyRead");
    expect(problems[0]?.message).toMatch(/at most 15 words/u);
  });
});
