// Failures the portal must survive: a database connection killed in the middle of a transaction,
// and a restart of the app (the embedded database keeps its data on disk).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEmbedded, schema } from "@sequin/db";
import { testDrivers } from "@sequin/db/testing";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { memoryLogger } from "../src/http/Logger.ts";
import {
  buildNetwork,
  Client,
  createAccount,
  signedIn,
  startHarness,
  testConfig,
  testStandards,
} from "./support/harness.ts";

describe.runIf(testDrivers().includes("postgres"))(
  "a connection killed mid-transaction (PostgreSQL)",
  () => {
    it("gives a clean error, writes nothing, and the next request succeeds", async () => {
      const harness = await startHarness("postgres");
      try {
        const network = await buildNetwork(harness);
        // Hold the transaction open inside the response inserts so it can be killed mid-way.
        await harness.database.db.execute(sql`
        create function slow_insert() returns trigger language plpgsql as $$
        begin perform pg_sleep(5); return new; end $$;
        create trigger slow_insert before insert on responses for each statement execute function slow_insert();
      `);
        const pending = network.leadA.post(`/api/v1/services/${network.serviceA.id}/assessments`, {
          cycle: "2021/22",
          area: "technology",
        });
        const current = (await harness.database.db.execute(
          sql`select current_database() as name`,
        )) as unknown as Array<{ name: string }>;
        const killer = postgres(process.env.TEST_DATABASE_URL as string, {
          max: 1,
          onnotice: () => {},
        });
        let killed = 0;
        for (let attempt = 0; attempt < 50 && killed === 0; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          const rows = await killer`
          select pg_terminate_backend(pid) as done from pg_stat_activity
          where datname = ${current[0]?.name as string} and wait_event = 'PgSleep' and pid <> pg_backend_pid()`;
          killed = rows.filter((row) => row.done === true).length;
        }
        await killer.end();
        expect(killed).toBe(1);
        const answer = await pending;
        expect(answer.status).toBe(500);
        expect(answer.body).toMatchObject({ status: 500, title: "Something went wrong" });
        expect(answer.body.requestId).toBe(answer.headers.get("x-request-id"));
        expect(
          harness.logger.lines.some(
            (line) =>
              line.message === "unhandled defect" && line.requestId === answer.body.requestId,
          ),
        ).toBe(true);

        await harness.database.db.execute(
          sql`drop trigger slow_insert on responses; drop function slow_insert();`,
        );
        expect(await harness.database.db.select().from(schema.assessments)).toEqual([]);
        expect(await harness.database.db.select().from(schema.responses)).toEqual([]);
        const retry = await network.leadA.post(
          `/api/v1/services/${network.serviceA.id}/assessments`,
          { cycle: "2021/22", area: "technology" },
        );
        expect(retry.status).toBe(201);
      } finally {
        await harness.close();
      }
    }, 60_000);
  },
);

describe("a restart of the app on the embedded database", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("keeps every record and session", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sequin-restart-"));
    dirs.push(dir);
    const boot = async () => {
      const database = await openEmbedded(dir);
      await database.migrate();
      const app = createApp({
        database,
        standards: await testStandards(),
        config: testConfig,
        logger: memoryLogger(),
      });
      const close = async () => {
        await app.dispose();
        await database.close();
      };
      return { app, database, close };
    };
    const first = await boot();
    const harness = {
      app: first.app,
      database: { ...first.database, dispose: first.close },
      clock: { now: new Date() },
      logger: memoryLogger(),
      close: first.close,
    };
    await createAccount(harness, { login: "admin@restart.test", role: "network-admin" });
    const admin = await signedIn(harness, "admin@restart.test");
    expect((await admin.post("/api/v1/organisations", { name: "Kept organisation" })).status).toBe(
      201,
    );
    const cookie = admin.cookie;
    await first.close();

    const second = await boot();
    const again = new Client({ ...harness, app: second.app });
    again.cookie = cookie;
    const organisations = await again.get("/api/v1/organisations");
    expect(organisations.status).toBe(200);
    expect(organisations.body.map((o: { name: string }) => o.name)).toEqual(["Kept organisation"]);
    await second.close();
  }, 60_000);
});
