import { schema } from "@sequin/db";
import { testDrivers } from "@sequin/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWith } from "../src/app.ts";
import { seedDemoNetwork } from "../src/seed/demo.ts";
import { Client, createAccount, type Harness, signedIn, startHarness } from "./support/harness.ts";

const seeded = async (driver: Parameters<typeof startHarness>[0], minimumParticipants?: number) => {
  const harness = await startHarness(driver);
  await runWith(harness.app, seedDemoNetwork);
  if (minimumParticipants !== undefined) {
    await harness.database.db.execute(
      sql`update cycles set minimum_participants = ${minimumParticipants}`,
    );
  }
  const services = await harness.database.db
    .select()
    .from(schema.services)
    .orderBy(schema.services.name);
  const [first, second] = services as [
    typeof schema.services.$inferSelect,
    typeof schema.services.$inferSelect,
  ];
  await createAccount(harness, { login: "admin@net.test", role: "network-admin" });
  await createAccount(harness, {
    login: "lead@first.test",
    role: "service-lead",
    serviceId: first.id,
    organisationId: first.organisationId,
  });
  await createAccount(harness, {
    login: "lead@second.test",
    role: "service-lead",
    serviceId: second.id,
    organisationId: second.organisationId,
  });
  return { harness, first, second };
};

describe.each(testDrivers())("benchmarks on %s", (driver) => {
  let harness: Harness;
  let first: typeof schema.services.$inferSelect;
  let second: typeof schema.services.$inferSelect;
  beforeAll(async () => {
    ({ harness, first, second } = await seeded(driver));
  }, 120_000);
  afterAll(() => harness.close());

  it("shows a service where it stands, with anonymised peers and change since last year", async () => {
    const lead = await signedIn(harness, "lead@first.test");
    const answer = await lead.get(`/api/v1/services/${first.id}/benchmark?cycle=2021-22`);
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(body).toMatchObject({
      cycle: "2021/22",
      previousCycle: "2020/21",
      minimumParticipants: 5,
      you: { name: first.name },
    });
    expect(body.areas).toHaveLength(12);
    const assessed = body.areas.filter((area: { service: unknown }) => area.service !== null);
    expect(assessed.length).toBeGreaterThan(0);
    for (const area of body.areas) {
      expect(area.withheld).toBe(false);
      expect(area.distribution.min).toBeLessThanOrEqual(area.distribution.median);
      for (const peer of area.peers) {
        expect(peer.code).toMatch(/^S-[2-9A-HJ-NP-Z]{4,}$/u);
        expect(peer.name).toBeNull();
      }
      expect(area.peers).toHaveLength(area.participants - (area.service === null ? 0 : 1));
    }
    expect(
      assessed.some((area: { service: { change: unknown } }) => area.service.change !== null),
    ).toBe(true);
    expect(JSON.stringify(body)).not.toContain(second.name);
  });

  it("keeps peer codes stable and names only services that opted in", async () => {
    const lead = await signedIn(harness, "lead@first.test");
    const before = (await lead.get(`/api/v1/services/${first.id}/benchmark?cycle=2021-22`)).body;
    const secondLead = await signedIn(harness, "lead@second.test");
    expect(
      (await secondLead.patch(`/api/v1/services/${second.id}`, { namedInBenchmarks: true })).status,
    ).toBe(200);
    const after = (await lead.get(`/api/v1/services/${first.id}/benchmark?cycle=2021-22`)).body;
    const codes = (body: {
      areas: Array<{ peers: Array<{ code: string; name: string | null }> }>;
    }) => body.areas.flatMap((area) => area.peers.map((peer) => peer.code)).sort();
    expect(codes(after)).toEqual(codes(before));
    expect(JSON.stringify(after)).toContain(second.name);
    await secondLead.patch(`/api/v1/services/${second.id}`, { namedInBenchmarks: false });
  });

  it("answers a conditional GET with 304", async () => {
    const lead = await signedIn(harness, "lead@first.test");
    const first200 = await lead.get(`/api/v1/services/${first.id}/benchmark?cycle=2021-22`);
    const etag = first200.headers.get("etag") as string;
    expect(etag).toMatch(/^"[\w-]+"$/u);
    const again = await lead.request(
      "GET",
      `/api/v1/services/${first.id}/benchmark?cycle=2021-22`,
      undefined,
      { "if-none-match": etag },
    );
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
  });

  it("scores each area exactly as the service's own results do (two independent reads)", async () => {
    const lead = await signedIn(harness, "lead@first.test");
    const benchmark = await lead.get(`/api/v1/services/${first.id}/benchmark?cycle=2021-22`);
    const assessed = benchmark.body.areas.filter(
      (area: { service: unknown }) => area.service !== null,
    );
    expect(assessed.length).toBeGreaterThan(0);
    for (const area of assessed) {
      const results = await lead.get(
        `/api/v1/services/${first.id}/results?cycle=2021-22&area=${area.area}`,
      );
      expect(Math.round(results.body.score.percent * 10) / 10, area.area).toBe(
        area.service.percent,
      );
    }
  });

  it("recomputes when a submitted result changes, not on every read", async () => {
    const lead = await signedIn(harness, "lead@first.test");
    const path = `/api/v1/services/${first.id}/benchmark?cycle=2021-22`;
    const before = await lead.get(path);
    const area = before.body.areas.find(
      (candidate: { service: unknown }) => candidate.service !== null,
    );
    const assessments = (
      await lead.get(`/api/v1/services/${first.id}/assessments?cycle=2021-22`)
    ).body.filter((assessment: { area: string }) => assessment.area === area.area);
    // Every ward (or the whole service) scores every standard 0 with a reason: the area drops to 0%.
    for (const summary of assessments) {
      const assessment = (await lead.get(`/api/v1/assessments/${summary.id}`)).body;
      for (const standard of assessment.standards) {
        const answer = await lead.put(
          `/api/v1/assessments/${summary.id}/standards/${standard.standardId}`,
          {
            version: standard.version,
            views: { serviceUser: 0, staff: 0 },
            agreed: standard.agreed === "na" ? "na" : 0,
            rationale: "Re-scored",
            evidence: "",
            reason: "Re-scored after a peer review",
          },
        );
        expect(answer.status).toBe(200);
      }
    }
    // Within the second the cached answer stands; after it, the change shows.
    expect((await lead.get(path)).headers.get("etag")).toBe(before.headers.get("etag"));
    harness.clock.now = new Date(harness.clock.now.getTime() + 1500);
    await lead.get("/api/v1/session");
    const after = await lead.get(path);
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    const changed = after.body.areas.find(
      (candidate: { area: string }) => candidate.area === area.area,
    );
    expect(changed.service.percent).toBe(0);
  });

  it("names every service for network admins only", async () => {
    const admin = await signedIn(harness, "admin@net.test");
    const network = await admin.get("/api/v1/cycles/2021-22/benchmark");
    expect(network.status).toBe(200);
    expect(JSON.stringify(network.body)).toContain(second.name);
    const lead = await signedIn(harness, "lead@first.test");
    expect((await lead.get("/api/v1/cycles/2021-22/benchmark")).status).toBe(403);
    expect((await lead.get(`/api/v1/services/${second.id}/benchmark?cycle=2021-22`)).status).toBe(
      404,
    );
  });

  it("publishes anonymised aggregates to anyone", async () => {
    const anyone = new Client(harness);
    const answer = await anyone.get("/api/v1/public/cycles/2021-22/benchmark");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toContain("public");
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain(first.id);
    expect(text).not.toContain(first.name);
    expect(answer.body.areas[0]).toEqual({
      area: "involvement",
      name: "Involvement",
      participants: expect.any(Number),
      withheld: false,
      distribution: expect.objectContaining({ median: expect.any(Number) }),
    });
  });
});

describe.each(testDrivers())("withholding on %s", (driver) => {
  let harness: Harness;
  let first: typeof schema.services.$inferSelect;
  beforeAll(async () => {
    ({ harness, first } = await seeded(driver, 100));
  }, 120_000);
  afterAll(() => harness.close());

  it("withholds distributions, percentiles, flags and peers below the minimum, in every view", async () => {
    const lead = await signedIn(harness, "lead@first.test");
    const mine = (await lead.get(`/api/v1/services/${first.id}/benchmark?cycle=2021-22`)).body;
    for (const area of mine.areas) {
      expect(area).toMatchObject({ withheld: true, distribution: null, peers: [] });
      if (area.service !== null) {
        expect(area.service).toMatchObject({ percentile: null, bestPractice: false, focus: false });
      }
    }
    expect(mine.buddies).toEqual([]);
    expect(mine.bestPractice).toBeNull();
    const open = (await new Client(harness).get("/api/v1/public/cycles/2021-22/benchmark")).body;
    for (const area of open.areas)
      expect(area).toMatchObject({ withheld: true, distribution: null });
    const rows = await harness.database.db
      .select()
      .from(schema.cycles)
      .where(eq(schema.cycles.label, "2021/22"));
    expect(rows[0]?.minimumParticipants).toBe(100);
  });
});
