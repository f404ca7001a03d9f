import { testDrivers } from "@sequin/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildNetwork, type Harness, type Network, startHarness } from "./support/harness.ts";

const AREA = "technology";

describe.each(testDrivers())("assessments on %s", (driver) => {
  let harness: Harness;
  let network: Network;
  beforeAll(async () => {
    harness = await startHarness(driver);
    network = await buildNetwork(harness);
  });
  afterAll(() => harness.close());

  const start = async (wardId?: string, area = AREA) => {
    const answer = await network.leadA.post(`/api/v1/services/${network.serviceA.id}/assessments`, {
      cycle: "2021/22",
      area,
      ...(wardId === undefined ? {} : { wardId }),
    });
    expect(answer.status).toBe(201);
    return answer.body;
  };

  const agreeAll = async (
    assessment: { id: string; standards: Array<{ standardId: string; version: number }> },
    score: (index: number) => number | "na",
  ) => {
    for (const [index, standard] of assessment.standards.entries()) {
      const answer = await network.staffA.put(
        `/api/v1/assessments/${assessment.id}/standards/${standard.standardId}`,
        {
          version: standard.version,
          views: { serviceUser: 2, staff: 2 },
          agreed: score(index),
          rationale: "Agreed at the Involvement Group.",
          evidence: "Minutes of the May meeting.",
        },
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    }
  };

  it("starts an area with every standard of the pinned set, once", async () => {
    const assessment = await start(undefined, "involvement");
    expect(assessment.standards.map((s: { standardId: string }) => s.standardId)).toEqual(
      Array.from(
        { length: assessment.standards.length },
        (_, i) => `INV-${String(i + 1).padStart(2, "0")}`,
      ),
    );
    expect(assessment.status).toBe("draft");
    expect(assessment.score).toBeNull();
    const again = await network.leadA.post(`/api/v1/services/${network.serviceA.id}/assessments`, {
      cycle: "2021/22",
      area: "involvement",
    });
    expect(again.status).toBe(409);
    const unknown = await network.leadA.post(
      `/api/v1/services/${network.serviceA.id}/assessments`,
      { cycle: "2021/22", area: "gardening" },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe("body.area");
  });

  it("flags divergent views and warns about NHS numbers in evidence", async () => {
    const assessment = await start(undefined, "cpa-standards");
    const standard = assessment.standards[0];
    const answer = await network.repA.put(
      `/api/v1/assessments/${assessment.id}/standards/${standard.standardId}`,
      {
        version: standard.version,
        views: { serviceUser: 1, staff: 3 },
        agreed: 2,
        rationale: "Staff see more of it than we do.",
        evidence: "Care plan for 943 476 5919 reviewed.",
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.divergence).toEqual({
      spread: 2,
      lowest: { group: "serviceUser", view: 1 },
      highest: { group: "staff", view: 3 },
    });
    expect(answer.body.evidenceWarnings).toMatchObject([
      { kind: "nhs-number", text: "943 476 5919" },
    ]);
    expect(answer.body.version).toBe(2);
  });

  it("refuses a stale write with 409 and the current record, losing nothing", async () => {
    const assessment = await start(undefined, "mdt-standards");
    const standard = assessment.standards[1];
    const path = `/api/v1/assessments/${assessment.id}/standards/${standard.standardId}`;
    const write = (client: typeof network.leadA, agreed: number, rationale: string) =>
      client.put(path, {
        version: standard.version,
        views: { serviceUser: agreed, staff: agreed },
        agreed,
        rationale,
        evidence: "",
      });
    const [first, second] = await Promise.all([
      write(network.leadA, 3, "first"),
      write(network.staffA, 1, "second"),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    const winner = first.status === 200 ? first : second;
    expect(loser.body.current.rationale).toBe(winner.body.rationale);
    expect(loser.body.current.version).toBe(2);
  });

  it("checks scores against the scale and N/A against the standard", async () => {
    const assessment = await start(undefined, "meaningful-activity");
    const standard = assessment.standards[0];
    const answer = await network.leadA.put(
      `/api/v1/assessments/${assessment.id}/standards/${standard.standardId}`,
      {
        version: standard.version,
        views: { serviceUser: 4, staff: -1 },
        agreed: "na",
        rationale: "",
        evidence: "",
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(["body.views.staff"]);
    const tooHigh = await network.leadA.put(
      `/api/v1/assessments/${assessment.id}/standards/${standard.standardId}`,
      {
        version: standard.version,
        views: { serviceUser: 4, staff: 1 },
        agreed: "na",
        rationale: "",
        evidence: "",
      },
    );
    expect(tooHigh.body.errors).toEqual([
      { field: "body.views.serviceUser", message: "scores go from 0 to 3, got 4" },
      { field: "body.agreed", message: "MAC-01 cannot be marked not applicable" },
    ]);
  });

  it("refuses to submit with every reason, then submits, then audits later changes", async () => {
    const assessment = await start();
    const refused = await network.leadA.post(`/api/v1/assessments/${assessment.id}/submit`, {
      version: assessment.version,
    });
    expect(refused.status).toBe(422);
    const tags = refused.body.reasons.map((r: { _tag: string }) => r._tag);
    expect(tags.slice(0, 3)).toEqual(["MethodMissing", "PerspectiveMissing", "PerspectiveMissing"]);
    expect(tags.filter((tag: string) => tag === "AgreedScoreMissing")).toHaveLength(
      assessment.standards.length,
    );

    const patched = await network.leadA.patch(`/api/v1/assessments/${assessment.id}`, {
      version: assessment.version,
      method: { kind: "involvement-group" },
      attendance: { serviceUsers: 6, staff: 3, carers: 1 },
    });
    expect(patched.status).toBe(200);
    await agreeAll(assessment, (index) => (index === 0 ? 3 : 2));
    const current = (await network.leadA.get(`/api/v1/assessments/${assessment.id}`)).body;
    expect(current.readiness).toEqual([]);
    await expect(
      network.repA.post(`/api/v1/assessments/${assessment.id}/submit`, {
        version: current.version,
      }),
    ).resolves.toMatchObject({ status: 403 });
    const submitted = await network.leadA.post(`/api/v1/assessments/${assessment.id}/submit`, {
      version: current.version,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe("submitted");

    const standard = submitted.body.standards[0];
    const path = `/api/v1/assessments/${assessment.id}/standards/${standard.standardId}`;
    const body = {
      version: standard.version,
      views: { serviceUser: 2, staff: 2 },
      agreed: 1,
      rationale: "Re-checked.",
      evidence: "Audit, June.",
    };
    const noReason = await network.leadA.put(path, body);
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe("body.reason");
    const cleared = await network.leadA.put(path, { ...body, agreed: null, reason: "Unsure" });
    expect(cleared.status).toBe(422);
    const changed = await network.leadA.put(path, {
      ...body,
      reason: "The peer review found gaps.",
    });
    expect(changed.status).toBe(200);

    const audit = (await network.leadA.get(`/api/v1/assessments/${assessment.id}/audit`)).body;
    expect(audit.map((event: { action: string }) => event.action)).toEqual([
      "submitted",
      "standard-changed",
    ]);
    expect(audit[1]).toMatchObject({
      actor: "lead-a@a.test",
      standardId: standard.standardId,
      old: { agreed: 3 },
      new: { agreed: 1 },
      reason: "The peer review found gaps.",
    });
    expect((await network.admin.get(`/api/v1/assessments/${assessment.id}/audit`)).status).toBe(
      200,
    );
  });

  it("averages ward assessments into the hospital's result with coverage", async () => {
    const [ash] = network.serviceA.wards;
    const birch = network.serviceA.wards[1] as string;
    for (const [wardId, score] of [
      [ash as string, 3],
      [birch, 2],
    ] as const) {
      const assessment = await start(wardId, "recovery-pathway");
      await network.leadA.patch(`/api/v1/assessments/${assessment.id}`, {
        version: assessment.version,
        method: { kind: "involvement-group" },
        attendance: { serviceUsers: 4, staff: 2, carers: 0 },
      });
      await agreeAll(assessment, () => score);
      const current = (await network.leadA.get(`/api/v1/assessments/${assessment.id}`)).body;
      expect(
        (
          await network.leadA.post(`/api/v1/assessments/${assessment.id}/submit`, {
            version: current.version,
          })
        ).status,
      ).toBe(200);
    }
    const result = await network.leadA.get(
      `/api/v1/services/${network.serviceA.id}/results?cycle=2021-22&area=recovery-pathway`,
    );
    expect(result.status).toBe(200);
    expect(result.body.coverage).toEqual({ assessed: 2, wards: 2, text: "2 of 2 wards" });
    expect(result.body.standards[0]).toMatchObject({
      sum: 5,
      scored: 2,
      mean: { numerator: 5, denominator: 2, display: "2.5" },
    });
    expect(result.body.score.display).toBe("83%");
  });
});
