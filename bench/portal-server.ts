// A portal instance for the benchmark, in its own process so the load generator does not share its
// CPU. Adds two baseline routes next to the real ones: a hello (no database) and a bare single
// INSERT. Prints one JSON line with what the benchmark needs, then serves until killed.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { openEmbedded, openPostgres, schema } from "@sequin/db";
import { createApp, runWith } from "@sequin/portal";
import { hashPassword } from "@sequin/portal/auth/Passwords";
import { makeLogger } from "@sequin/portal/http/Logger";
import { ensureStandardsSet } from "@sequin/portal/repositories/Cycles";
import { loadStandards } from "@sequin/standards";
import { sql } from "drizzle-orm";
import { Effect } from "effect";

const driver = process.argv[2] === "postgres" ? "postgres" : "pglite";
const port = Number(process.argv[3] ?? 3300);
const slots = Number(process.argv[4] ?? 16);

const database =
  driver === "postgres"
    ? await openPostgres(process.argv[5] as string, { max: 10 })
    : await openEmbedded(await mkdtemp(join(tmpdir(), "sequin-bench-")));
await database.migrate();
const standards = await Effect.runPromise(loadStandards());
const portal = createApp({
  database,
  standards,
  logger: makeLogger("silent"),
  config: {
    port,
    host: "127.0.0.1",
    databaseUrl: undefined,
    dataDir: "",
    publicOrigin: `http://127.0.0.1:${port}`,
    seedDemo: false,
    logLevel: "silent",
    trustProxy: false,
    maxUploadBytes: 20 * 1024 * 1024,
    networkName: "Bench network",
    chromiumPath: "/usr/bin/chromium",
    pdfServiceUrl: undefined,
    siteDir: "/nonexistent",
  },
});
await runWith(portal, ensureStandardsSet(standards.set));
await database.db.execute(
  sql`create table if not exists bench_rows (id bigserial primary key, value integer not null, at timestamptz not null default now())`,
);
portal.app.get("/bench/hello", (c) => c.json({ hello: "world" }));
portal.app.post("/bench/insert", async (c) => {
  await database.db.execute(
    sql`insert into bench_rows (value) values (${Math.floor(Math.random() * 1000)})`,
  );
  return c.json({ ok: true }, 201);
});

// A service with an API token and `slots` submitted assessments, one per benchmark connection.
const db = database.db;
const [organisation] = await db
  .insert(schema.organisations)
  .values({ name: `Bench org ${Date.now()}` })
  .returning();
const [service] = await db
  .insert(schema.services)
  .values({ organisationId: organisation!.id, name: `Bench service ${Date.now()}` })
  .returning();
const [admin] = await db
  .insert(schema.accounts)
  .values({
    login: `bench-${Date.now()}@bench.test`,
    displayName: "Bench",
    role: "service-lead",
    serviceId: service!.id,
    organisationId: organisation!.id,
    passwordHash: await hashPassword("bench bench bench"),
  })
  .returning();
await db
  .insert(schema.cycles)
  .values({
    label: "2021/22",
    standardsVersion: standards.set.version,
    schedule: standards.schedules.find((s) => s.cycle === "2021/22") as never,
  })
  .onConflictDoNothing();
const token = `sqt_bench${"x".repeat(40)}${Date.now()}`;
const { createHash } = await import("node:crypto");
await db.insert(schema.apiTokens).values({
  organisationId: organisation!.id,
  serviceId: service!.id,
  name: "bench",
  tokenHash: createHash("sha256").update(token).digest("hex"),
  createdBy: admin!.id,
});
const area = standards.set.areas.find((candidate) => candidate.slug === "technology")!;
const wardRows = await db
  .insert(schema.wards)
  .values(
    Array.from({ length: slots }, (_, index) => ({
      organisationId: organisation!.id,
      serviceId: service!.id,
      name: `Ward ${index + 1}`,
    })),
  )
  .returning();
const assessmentRows = await db
  .insert(schema.assessments)
  .values(
    wardRows.map((ward) => ({
      organisationId: organisation!.id,
      serviceId: service!.id,
      wardId: ward.id,
      cycle: "2021/22",
      area: area.slug,
      method: "involvement-group" as const,
      attendanceServiceUsers: 5,
      attendanceStaff: 3,
      status: "submitted" as const,
      submittedAt: new Date(),
    })),
  )
  .returning();
await db.insert(schema.responses).values(
  assessmentRows.flatMap((assessment) =>
    area.standards.map((standard) => ({
      assessmentId: assessment.id,
      organisationId: organisation!.id,
      standardId: standard.id,
      viewServiceUser: 2,
      viewStaff: 2,
      agreed: 2,
    })),
  ),
);

serve({ fetch: portal.app.fetch, port, hostname: "127.0.0.1" }, () => {
  console.log(
    JSON.stringify({
      ready: true,
      token,
      standardIds: area.standards.map((standard) => standard.id),
      assessments: assessmentRows.map((row) => row.id),
    }),
  );
});

// Exit normally on a signal, so profilers (--cpu-prof) write their output.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
