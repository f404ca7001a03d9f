import { schema } from "@sequin/db";
import { testDrivers } from "@sequin/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildNetwork,
  type Harness,
  type Network,
  signedIn,
  startHarness,
} from "./support/harness.ts";

describe.each(testDrivers())("schedule on %s", (driver) => {
  let harness: Harness;
  let network: Network;
  const base = () => `/api/v1/services/${network.serviceA.id}/cycles/2021-22`;
  beforeAll(async () => {
    harness = await startHarness(driver);
    network = await buildNetwork(harness);
  });
  afterAll(() => harness.close());

  /** Moves the clock; sessions expire over months, so everyone signs in again. */
  const at = async (iso: string) => {
    harness.clock.now = new Date(iso);
    const fresh = network as { -readonly [K in keyof Network]: Network[K] };
    fresh.admin = await signedIn(harness, "admin@network.test");
    fresh.leadA = await signedIn(harness, "lead-a@a.test");
    fresh.staffA = await signedIn(harness, "staff-a@a.test");
    fresh.leadB = await signedIn(harness, "lead-b@b.test");
  };

  const insertAssessment = (values: { area: string; wardId?: string; submittedAt?: Date }) =>
    harness.database.db.insert(schema.assessments).values({
      organisationId: network.serviceA.organisationId,
      serviceId: network.serviceA.id,
      wardId: values.wardId ?? null,
      cycle: "2021/22",
      area: values.area,
      status: values.submittedAt === undefined ? "draft" : "submitted",
      submittedAt: values.submittedAt ?? null,
    });

  const statusOf = async (area: string) => {
    const answer = await network.leadA.get(`${base()}/status`);
    expect(answer.status).toBe(200);
    return answer.body.areas.find((row: { area: string }) => row.area === area);
  };

  it("validates the service's choice of areas", async () => {
    const fixed = await network.leadA.put(`${base()}/choices`, {
      areas: ["involvement", "gardening"],
    });
    expect(fixed.status).toBe(422);
    expect(fixed.body.errors).toEqual([
      '"involvement" already has a fixed deadline',
      '"gardening" is not an area',
      "choose at least 1 area(s) of your own; 0 chosen",
    ]);
    const bad = await network.leadA.put(`${base()}/choices`, { areas: "x" });
    expect(bad.status).toBe(400);
    const first = await network.staffA.put(`${base()}/choices`, { areas: ["technology-x"] });
    expect(first.status).toBe(422);
    const good = await network.leadA.put(`${base()}/choices`, { areas: ["recovery-college"] });
    expect(good.status).toBe(200);
    const again = await network.leadA.put(`${base()}/choices`, { areas: ["meaningful-activity"] });
    expect(again.status).toBe(200);
    expect(again.body.deadlines).toContainEqual({ area: "meaningful-activity", due: "2022-03-31" });
    expect((await statusOf("recovery-college")).due).toBeNull();
    expect((await statusOf("meaningful-activity")).due).toBe("2022-03-31");
    expect(
      (await network.leadB.put(`${base()}/choices`, { areas: ["meaningful-activity"] })).status,
    ).toBe(404);
    expect(
      (await network.admin.put(`${base()}/choices`, { areas: ["meaningful-activity"] })).status,
    ).toBe(403);
  });

  it("refuses choices on a monthly cycle", async () => {
    expect((await network.admin.post("/api/v1/cycles", { label: "2019/20" })).status).toBe(201);
    const answer = await network.leadA.put(
      `/api/v1/services/${network.serviceA.id}/cycles/2019-20/choices`,
      { areas: ["technology"] },
    );
    expect(answer.status).toBe(422);
    expect(answer.body.detail).toBe("this cycle has no areas of your choice");
  });

  it("moves areas through their statuses as the days pass", async () => {
    await at("2021-07-01T10:00:00Z");
    expect((await statusOf("reducing-restrictive-practice")).status).toBe("not-started");
    await insertAssessment({ area: "reducing-restrictive-practice" });
    expect((await statusOf("reducing-restrictive-practice")).status).toBe("in-progress");
    await at("2021-09-01T10:00:00Z");
    expect(await statusOf("reducing-restrictive-practice")).toEqual({
      area: "reducing-restrictive-practice",
      name: expect.any(String),
      due: "2021-08-31",
      status: "overdue",
    });
    // Late on 31 May UTC is already 1 June in London (BST).
    await insertAssessment({ area: "involvement", submittedAt: new Date("2021-05-31T23:30:00Z") });
    expect((await statusOf("involvement")).status).toBe("submitted-late");
    // Ward-level: submitted only when every ward has, dated by the last.
    const [ash, birch] = network.serviceA.wards as [string, string];
    await insertAssessment({
      area: "technology",
      wardId: ash,
      submittedAt: new Date("2021-10-01T09:00:00Z"),
    });
    await insertAssessment({ area: "technology", wardId: birch });
    expect((await statusOf("technology")).status).toBe("in-progress");
    await harness.database.db.delete(schema.assessments).where(
      // replace the draft with a submitted one
      (await import("drizzle-orm")).eq(schema.assessments.wardId, birch),
    );
    await insertAssessment({
      area: "technology",
      wardId: birch,
      submittedAt: new Date("2021-11-30T12:00:00Z"),
    });
    expect((await statusOf("technology")).status).toBe("submitted-on-time");
    const status = await network.leadA.get(`${base()}/status`);
    expect(status.body.minimum).toEqual({ minimum: 4, submitted: 2, met: false });
    expect((await network.admin.get(`${base()}/status`)).status).toBe(200);
    expect((await network.leadB.get(`${base()}/status`)).status).toBe(404);
  });

  it("shows network admins who is behind, and the minimum only after the cycle", async () => {
    await at("2021-12-01T10:00:00Z");
    const behind = await network.admin.get("/api/v1/cycles/2021-22/behind");
    expect(behind.status).toBe(200);
    expect(behind.body.cycleEnded).toBe(false);
    expect(behind.body.belowMinimum).toEqual([]);
    const a = behind.body.overdue.find(
      (row: { serviceId: string }) => row.serviceId === network.serviceA.id,
    );
    expect(a.areas.map((area: { area: string }) => area.area)).toEqual([
      "reducing-restrictive-practice",
    ]);
    const b = behind.body.overdue.find(
      (row: { serviceId: string }) => row.serviceId === network.serviceB.id,
    );
    expect(b.areas.map((area: { due: string }) => area.due)).toEqual([
      "2021-05-31",
      "2021-08-31",
      "2021-11-30",
    ]);
    await at("2022-04-02T10:00:00Z");
    const after = (await network.admin.get("/api/v1/cycles/2021-22/behind")).body;
    expect(after.cycleEnded).toBe(true);
    expect(after.belowMinimum.map((row: { serviceId: string }) => row.serviceId).sort()).toEqual(
      [network.serviceA.id, network.serviceB.id].sort(),
    );
    expect((await network.leadA.get("/api/v1/cycles/2021-22/behind")).status).toBe(403);
    expect((await network.staffA.get("/api/v1/cycles/2021-22/behind")).status).toBe(403);
  });

  it("serves a calendar feed until it is revoked", async () => {
    const feeds = `/api/v1/services/${network.serviceA.id}/calendar-feeds`;
    expect((await network.staffA.post(feeds, {})).status).toBe(403);
    expect((await network.leadB.post(feeds, {})).status).toBe(404);
    const feed = await network.leadA.post(feeds, {});
    expect(feed.status).toBe(201);
    expect(feed.body.url).toMatch(/^\/calendar\/sqc_[\w-]+\.ics$/u);
    const response = await harness.app.app.request(feed.body.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    const text = await response.text();
    expect(text).toContain("BEGIN:VCALENDAR\r\n");
    expect(text).toContain("BEGIN:VEVENT\r\n");
    expect(text).toContain("DTSTART;VALUE=DATE:20210531\r\n");
    expect(text).toContain("DTSTART;VALUE=DATE:20220331\r\n");
    expect(text).toContain(`UID:2021-22-involvement-${network.serviceA.id}@sequin`);
    expect(text).toContain("DTSTAMP:");
    const listed = await network.staffA.get(feeds);
    expect(listed.body).toEqual([
      { id: feed.body.id, createdAt: expect.any(String), revokedAt: null },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain("sqc_");
    expect((await network.leadB.get(feeds)).status).toBe(404);
    expect((await network.leadB.delete(`${feeds}/${feed.body.id}`)).status).toBe(404);
    expect(
      (
        await network.leadB.delete(
          `/api/v1/services/${network.serviceB.id}/calendar-feeds/${feed.body.id}`,
        )
      ).status,
    ).toBe(404);
    expect((await network.leadA.delete(`${feeds}/${feed.body.id}`)).status).toBe(204);
    expect((await harness.app.app.request(feed.body.url)).status).toBe(404);
    expect(
      (await harness.app.app.request("/calendar/sqc_nottherealtokenatallxxxx.ics")).status,
    ).toBe(404);
  });
});
