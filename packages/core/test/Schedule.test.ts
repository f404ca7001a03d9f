import { Result, Schema } from "effect";
import { describe, expect, it } from "vitest";
import { LocalDate, Schedule } from "../src/index.ts";

const quarterly = Schema.decodeUnknownSync(Schedule.Schedule)({
  cycle: "2021/22",
  kind: "quarterly",
  minimumAreas: 4,
  deadlines: [
    { area: "involvement", due: "2021-05-31" },
    { area: "reducing-restrictive-practice", due: "2021-08-31" },
    { area: "technology", due: "2021-11-30" },
    { area: "dining-experience-and-healthy-weight", due: "2022-02-28" },
  ],
  choice: { count: 1, due: "2022-03-31" },
});

describe("Schedule", () => {
  it("adds the service's chosen area to the fixed deadlines", () => {
    const deadlines = Schedule.serviceDeadlines(quarterly, ["meaningful-activity"]);
    expect(
      Result.isSuccess(deadlines) && deadlines.success.map((d) => `${d.area}@${d.due}`),
    ).toEqual([
      "involvement@2021-05-31",
      "reducing-restrictive-practice@2021-08-31",
      "technology@2021-11-30",
      "dining-experience-and-healthy-weight@2022-02-28",
      "meaningful-activity@2022-03-31",
    ]);
  });

  it("says everything wrong with a choice", () => {
    const result = Schedule.serviceDeadlines(quarterly, ["technology"]);
    expect(Result.isFailure(result) && result.failure.problems).toEqual([
      '"technology" already has a fixed deadline',
      "choose at least 1 area(s) of your own; 0 chosen",
    ]);
  });

  it("gives each status", () => {
    const due = LocalDate.make(2021, 5, 31);
    const may = LocalDate.make(2021, 5, 10);
    const june = LocalDate.make(2021, 6, 1);
    expect(Schedule.areaStatus(due, { started: false }, may)).toBe("not-started");
    expect(Schedule.areaStatus(due, { started: true }, may)).toBe("in-progress");
    expect(Schedule.areaStatus(due, { started: true }, june)).toBe("overdue");
    expect(Schedule.areaStatus(due, { started: true, submittedOn: due }, june)).toBe(
      "submitted-on-time",
    );
    expect(
      Schedule.areaStatus(due, { started: true, submittedOn: LocalDate.make(2021, 4, 2) }, may),
    ).toBe("submitted-on-time");
    expect(Schedule.areaStatus(due, { started: true, submittedOn: june }, june)).toBe(
      "submitted-late",
    );
    expect(Schedule.areaStatus(undefined, { started: true }, june)).toBe("in-progress");
  });

  it("tracks the minimum of 4 areas", () => {
    expect(Schedule.minimumProgress(quarterly, 3)).toEqual({
      minimum: 4,
      submitted: 3,
      met: false,
    });
    expect(Schedule.minimumProgress(quarterly, 12)).toEqual({
      minimum: 4,
      submitted: 12,
      met: true,
    });
  });

  it("refuses deadlines outside the cycle and duplicate areas (pinned)", () => {
    const result = Schema.decodeUnknownResult(Schedule.MonthlySchedule)(
      {
        cycle: "2019/20",
        kind: "monthly",
        deadlines: [
          { area: "involvement", due: "2019-04-30" },
          { area: "involvement", due: "2020-04-30" },
        ],
      },
      { errors: "all" },
    );
    expect(Result.isFailure(result) && result.failure.message).toMatchInlineSnapshot(`
      "2020-04-30 is outside the 2019/20 cycle
        at ["deadlines"][1]["due"]
      "involvement" has two deadlines
        at ["deadlines"][1]["area"]"
    `);
  });
});
