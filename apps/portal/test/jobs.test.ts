import { schema } from "@sequin/db";
import { testDrivers } from "@sequin/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWith } from "../src/app.ts";
import { sweepExpiredSessions } from "../src/auth/Sessions.ts";
import { jobHandlers, maintenance } from "../src/jobs/handlers.ts";
import { claim, enqueue, MAX_ATTEMPTS, reportProgress } from "../src/jobs/Queue.ts";
import { makeJobWorker } from "../src/jobs/Worker.ts";
import { seedDemoNetwork } from "../src/seed/demo.ts";
import {
  type Client,
  createAccount,
  type Harness,
  signedIn,
  startHarness,
} from "./support/harness.ts";

/** Reads a Server-Sent Events body until it ends, as (event, data) pairs. */
const readEvents = async (response: Response) => {
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((block) => block.includes("event:"))
    .map((block) => {
      const name = /^event: (.*)$/mu.exec(block)?.[1] ?? "";
      const data = JSON.parse(/^data: (.*)$/mu.exec(block)?.[1] ?? "null");
      return { name, data };
    });
};

describe.each(testDrivers())("background jobs on %s", (driver) => {
  let harness: Harness;
  let admin: Client;
  let lead: Client;
  let cycles: string[];

  beforeAll(async () => {
    harness = await startHarness(driver);
    await runWith(harness.app, seedDemoNetwork);
    const [service] = await harness.database.db.select().from(schema.services).limit(1);
    await createAccount(harness, { login: "admin@net.test", role: "network-admin" });
    await createAccount(harness, {
      login: "lead@service.test",
      role: "service-lead",
      serviceId: service!.id,
      organisationId: service!.organisationId,
    });
    admin = await signedIn(harness, "admin@net.test");
    lead = await signedIn(harness, "lead@service.test");
    cycles = (
      await harness.database.db.select({ label: schema.cycles.label }).from(schema.cycles)
    ).map((row) => row.label);
  });
  afterAll(() => harness.close());

  it("queues a recompute, runs it, and reports every cycle with full progress", async () => {
    const queued = await admin.post("/api/v1/jobs", { kind: "recompute-benchmarks" });
    expect(queued.status).toBe(202);
    expect(queued.headers.get("location")).toBe(`/api/v1/jobs/${queued.body.id}`);
    expect(queued.body).toMatchObject({ status: "queued", kind: "recompute-benchmarks" });

    expect(await harness.app.jobs.runOnce()).toBe(true);
    const finished = await admin.get(`/api/v1/jobs/${queued.body.id}`);
    expect(finished.body.status).toBe("succeeded");
    expect(finished.body.progress).toMatchObject({ done: cycles.length, total: cycles.length });
    expect(finished.body.progress.percent).toBe(100);
    expect(
      finished.body.result.cycles.map((cycle: { cycle: string }) => cycle.cycle).sort(),
    ).toEqual([...cycles].sort());
    // Every cycle's figures come from the real computation, not placeholders.
    const benchmark = await admin.get(`/api/v1/cycles/${cycles[0]!.replace("/", "-")}/benchmark`);
    const reported = finished.body.result.cycles.find(
      (cycle: { cycle: string }) => cycle.cycle === cycles[0],
    );
    expect(reported.areas).toBe(benchmark.body.areas.length);
    expect(reported.withheldAreas).toBe(
      benchmark.body.areas.filter((area: { withheld: boolean }) => area.withheld).length,
    );
    expect(await harness.app.jobs.runOnce()).toBe(false);
  });

  it("streams progress as Server-Sent Events until the job is done", async () => {
    const queued = await admin.post("/api/v1/jobs", { kind: "recompute-benchmarks" });
    harness.app.jobs.start();
    try {
      const response = await harness.app.app.request(`/api/v1/jobs/${queued.body.id}/events`, {
        headers: { cookie: admin.cookie!, origin: admin.origin },
      });
      expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/u);
      const events = await readEvents(response);
      expect(events.at(-1)?.name).toBe("done");
      expect(events.at(-1)?.data.progress.percent).toBe(100);
      const progress = events.filter((event) => event.name === "progress");
      expect(progress.length).toBeGreaterThan(0);
      const done = progress.map((event) => event.data.progress.done as number);
      expect(done).toEqual([...done].sort((a, b) => a - b));
    } finally {
      await harness.app.jobs.stop();
    }
  });

  it("is for network admins only, and names the field of a bad request", async () => {
    expect((await lead.post("/api/v1/jobs", { kind: "recompute-benchmarks" })).status).toBe(403);
    const mine = await admin.post("/api/v1/jobs", { kind: "recompute-benchmarks" });
    expect((await lead.get(`/api/v1/jobs/${mine.body.id}`)).status).toBe(403);
    expect((await lead.get(`/api/v1/jobs/${mine.body.id}/events`)).status).toBe(403);
    expect((await lead.get("/api/v1/jobs")).status).toBe(403);
    await harness.app.jobs.runOnce();

    const unknownKind = await admin.post("/api/v1/jobs", { kind: "mine-bitcoin" });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.errors.map((p: { field: string }) => p.field)).toContain("body.kind");
    const unknownCycle = await admin.post("/api/v1/jobs", {
      kind: "recompute-benchmarks",
      cycle: "1999-00",
    });
    expect(unknownCycle.status).toBe(400);
    expect(unknownCycle.body.errors).toEqual([
      { field: "body.cycle", message: 'there is no cycle "1999-00"' },
    ]);
    expect((await admin.get("/api/v1/jobs/not-a-uuid")).status).toBe(404);
    expect((await admin.get(`/api/v1/jobs/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/jobs/${mine.body.id}/artifact`)).status).toBe(404);
  });

  it("lets two instances share the queue, and takes over a job whose instance died", async () => {
    const run = <A>(effect: Parameters<typeof runWith<A, never>>[1]) =>
      runWith(harness.app, effect);
    const first = await run(enqueue("recompute-benchmarks", {}, null));
    const second = await run(enqueue("recompute-benchmarks", {}, null));
    const claimedByA = await run(claim("instance-a"));
    const claimedByB = await run(claim("instance-b"));
    expect(new Set([claimedByA?.id, claimedByB?.id])).toEqual(new Set([first.id, second.id]));
    expect(await run(claim("instance-c"))).toBeUndefined();

    // Instance A stops answering: its lease lapses and C takes the job over; A must then stop.
    await harness.database.db
      .update(schema.jobs)
      .set({ leaseUntil: sql`now() - interval '1 minute'` })
      .where(eq(schema.jobs.id, claimedByA!.id));
    const takenOver = await run(claim("instance-c"));
    expect(takenOver?.id).toBe(claimedByA!.id);
    expect(takenOver?.attempts).toBe(2);
    expect(
      await run(reportProgress(claimedByA!.id, "instance-a", { done: 1, total: 2, message: "" })),
    ).toBe(false);
    expect(
      await run(reportProgress(claimedByA!.id, "instance-c", { done: 1, total: 2, message: "" })),
    ).toBe(true);

    // A job that keeps killing its instance is failed after MAX_ATTEMPTS, not retried forever.
    await harness.database.db
      .update(schema.jobs)
      .set({ attempts: MAX_ATTEMPTS, leaseUntil: sql`now() - interval '1 minute'` })
      .where(eq(schema.jobs.status, "running"));
    expect(await run(claim("instance-d"))).toBeUndefined();
    const failed = await admin.get(`/api/v1/jobs/${first.id}`);
    expect(failed.body.status).toBe("failed");
    expect(failed.body.error).toMatch(/stopped after 3 attempts/u);
  });

  it("fails a job of an unknown kind with a message instead of crashing the worker", async () => {
    const job = await runWith(harness.app, enqueue("no-such-kind", {}, null));
    const worker = makeJobWorker(harness.app.runtime, {
      handlers: jobHandlers,
      logger: harness.logger,
    });
    expect(await worker.runOnce()).toBe(true);
    const answer = await admin.get(`/api/v1/jobs/${job.id}`);
    expect(answer.body).toMatchObject({
      status: "failed",
      error: 'unknown kind of job "no-such-kind"',
    });
  });

  it("runs the session sweep as the worker's housekeeping, without being asked", async () => {
    const idle = await signedIn(harness, "lead@service.test");
    // The app's clock moves on past the idle timeout; only the worker's housekeeping can notice.
    harness.clock.now = new Date(harness.clock.now.getTime() + 31 * 60 * 1000);
    const worker = makeJobWorker(harness.app.runtime, {
      handlers: {},
      logger: harness.logger,
      pollMs: 20,
      housekeeping: maintenance,
    });
    worker.start();
    try {
      await expect
        .poll(async () => (await harness.database.db.select().from(schema.sessions)).length, {
          timeout: 10_000,
        })
        .toBe(0);
    } finally {
      await worker.stop();
    }
    expect((await idle.get("/api/v1/session")).status).toBe(401);
  });

  it("sweeps sessions that expired or went idle, and keeps live ones", async () => {
    const live = await signedIn(harness, "lead@service.test");
    const before = await harness.database.db.select().from(schema.sessions);
    // Nothing has expired yet at the harness clock.
    expect(await runWith(harness.app, sweepExpiredSessions(harness.clock.now))).toBe(0);
    const later = new Date(harness.clock.now.getTime() + 31 * 60 * 1000);
    expect(await runWith(harness.app, sweepExpiredSessions(later))).toBe(before.length);
    expect((await live.get("/api/v1/session")).status).toBe(401);
  });
});
