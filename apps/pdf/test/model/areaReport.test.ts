import { describe, expect, it } from "vitest";
import { AreaReportInput } from "../../src/input/AreaReportInput.ts";
import { decodeInputSync } from "../../src/input/decode.ts";
import { areaReportModel } from "../../src/model/areaReport.ts";
import { areaReportInput, areaReportJson } from "../fixtures/inputs.ts";

const model = areaReportModel(areaReportInput);
const byId = (id: string) => model.standards.find((standard) => standard.id === id);

describe("areaReportModel", () => {
  it("scores each standard as the mean of the wards that scored it, with coverage", () => {
    expect(
      model.standards.map((standard) => [standard.id, standard.score, standard.coverage]),
    ).toEqual([
      ["TST-01", "2.5", "2 of 3 wards scored it"],
      ["TST-02", "1", "1 of 3 wards scored it, 1 marked it N/A"],
      ["TST-03", "N/A", "0 of 3 wards scored it, 2 marked it N/A"],
      ["TST-04", "0", "1 of 3 wards scored it, 1 did not agree a score"],
      ["TST-05", "2", "2 of 3 wards scored it"],
      ["TST-06", "Not scored", "0 of 3 wards scored it, 2 did not agree a score"],
    ]);
  });

  it("computes the area score from the means, leaving N/A out", () => {
    // (5/2 + 1 + 0 + 2) / (3 × 4) = 45.83%
    expect(model.areaScore).toBe("46%");
    expect(model.areaScoreDetail).toBe(
      "5.5 points of a possible 12, from 4 standards (1 N/A, not counted); 1 standard has no agreed score yet.",
    );
  });

  it("labels a score only when it is one assessment's point on the scale", () => {
    expect(byId("TST-02")?.scoreLabel).toBe("Starting");
    expect(byId("TST-05")?.scoreLabel).toBeNull();
  });

  it("shows each ward's views and flags views two or more points apart", () => {
    const rows = byId("TST-05")?.rows ?? [];
    expect(rows).toEqual([
      { name: "Ash Ward", serviceUser: "0", staff: "3", carer: "–", agreed: "2", divergent: true },
      {
        name: "Beech Ward",
        serviceUser: "2",
        staff: "2",
        carer: "–",
        agreed: "2",
        divergent: false,
      },
    ]);
    expect(byId("TST-04")?.rows[0]?.agreed).toBe("Not agreed");
    expect(model.hasCarers).toBe(true);
  });

  it("keeps evidence, rationales, attachments and change per standard", () => {
    expect(byId("TST-01")?.evidence).toEqual([
      { by: "Ash Ward", text: "Minutes from April & May.\nAgenda <script>alert(1)</script>" },
    ]);
    expect(byId("TST-05")?.rationales[0]?.by).toBe("Ash Ward");
    expect(byId("TST-01")?.attachments).toEqual(["minutes-april.pdf"]);
    expect(byId("TST-01")?.change).toBe("+0.5");
    expect(byId("TST-02")?.change).toBeNull();
  });

  it("orders the action plan by standard and flags overdue actions on the report's date", () => {
    expect(
      model.actions.map((action) => [action.standardId, action.status, action.overdue]),
    ).toEqual([
      ["TST-01", "Not started", false],
      ["TST-02", "Done", false],
      ["TST-04", "In progress", true],
    ]);
    expect(model.overdueCount).toBe(1);
    expect(model.actions[1]?.carriedFrom).toBe("2020/21");
    expect(model.actions[2]?.latestNote).toBe("Tracker drafted.");
    expect(model.actions[0]?.due).toBe("31 December 2021");
  });

  it("summarises methods, attendance by role and ward coverage", () => {
    expect(Object.fromEntries(model.summary.map((row) => [row.label, row.value]))).toMatchObject({
      Method: "Involvement Group, Self-assessment",
      "Who took part": "7 service users, 5 staff, 1 carer",
      Coverage: "2 of 3 wards",
    });
  });

  it("charts the service among its anonymised peers, highest first", () => {
    expect(model.benchmark.state).toBe("published");
    if (model.benchmark.state !== "published") return;
    expect(model.benchmark.chart.bars.map((bar) => bar.label)).toEqual([
      "S-7KQ3",
      "S-ABCD",
      "S-WXYZ",
      "You",
      "S-2345",
      "S-HJKL",
    ]);
    expect(model.benchmark.summary.join(" ")).toMatch(/40th percentile/u);
    expect(model.benchmark.summary.join(" ")).toMatch(/\+4 percentage points/u);
  });

  it("says when the benchmark is withheld or missing, and never charts it", () => {
    const withheld = areaReportModel(
      decodeInputSync(AreaReportInput, {
        ...areaReportJson,
        benchmark: { withheld: true, participants: 3, minimumParticipants: 5 },
      }),
    );
    expect(withheld.benchmark).toEqual({
      state: "withheld",
      summary: [
        "3 services took part. The network shows results only when at least 5 take part, so they are withheld.",
      ],
    });
    const none = areaReportModel(
      decodeInputSync(AreaReportInput, { ...areaReportJson, benchmark: null }),
    );
    expect(none.benchmark.state).toBe("none");
  });

  it("reports a whole-service assessment without ward coverage", () => {
    const input = decodeInputSync(AreaReportInput, {
      ...areaReportJson,
      level: "service",
      totalWards: 1,
      wards: [{ ...areaReportJson.wards[1], name: "Testbury Hospital" }],
    });
    const whole = areaReportModel(input);
    expect(whole.standards[0]?.coverage).toBeNull();
    expect(whole.standards[0]?.score).toBe("2");
    expect(whole.standards[0]?.scoreLabel).toBe("Mostly in place");
    expect(whole.standards[0]?.evidence).toEqual([]);
    // (2 + 1 + 0 + 2) / (3 × 4) = 41.67%
    expect(whole.areaScore).toBe("42%");
  });
});
