import { describe, expect, it } from "vitest";
import { Assessment, Scale, Submission } from "../src/index.ts";
import { makeArea } from "./fixtures/areas.ts";

const area = makeArea(6, [6]);
const context = { scale: Scale.defaultScale, serviceId: "svc-1" };
const complete = (): Assessment.Assessment => ({
  area: area.slug,
  method: { kind: "involvement-group" },
  attendance: { serviceUsers: 5, staff: 2, carers: 0 },
  responses: area.standards.map((standard, index) => ({
    ...Assessment.emptyResponse(standard.id),
    agreed: index === 5 ? "na" : 2,
  })),
});

describe("Submission.readiness", () => {
  it("is ready when complete", () => {
    expect(Submission.readiness(area, complete(), context)).toEqual([]);
  });

  it("returns every reason at once", () => {
    const draft = complete();
    const responses = [...draft.responses];
    responses[0] = { ...responses[0]!, agreed: null };
    responses[1] = { ...responses[1]!, agreed: "na" };
    responses[2] = { ...responses[2]!, agreed: 4 };
    responses.push({ ...Assessment.emptyResponse("XX-01" as never), agreed: 1 });
    const reasons = Submission.readiness(
      area,
      { ...draft, method: null, attendance: { serviceUsers: 0, staff: 0, carers: 3 }, responses },
      context,
    );
    expect(reasons.map(Submission.describe)).toEqual([
      "Record how the area was assessed (self-assessment, Involvement Group or peer review).",
      "Service users must take part: record how many attended.",
      "Staff must take part: record how many attended.",
      "XX-01 is not a standard of this area.",
      "TST-01 has no agreed score yet.",
      "TST-02 cannot be marked not applicable.",
      "TST-03 has score 4; scores go from 0 to 3.",
    ]);
  });

  it("refuses a peer review by the service itself and an all-N/A area", () => {
    const allNa = makeArea(6, [1, 2, 3, 4, 5, 6]);
    const assessment: Assessment.Assessment = {
      area: allNa.slug,
      method: { kind: "peer-review", reviewingServiceId: "svc-1" },
      attendance: { serviceUsers: 1, staff: 1, carers: 0 },
      responses: allNa.standards.map((standard) => ({
        ...Assessment.emptyResponse(standard.id),
        agreed: "na",
      })),
    };
    expect(Submission.readiness(allNa, assessment, context).map((r) => r._tag)).toEqual([
      "ReviewingServiceIsSelf",
      "NoApplicableStandards",
    ]);
  });
});
