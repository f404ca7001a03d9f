// A national-scale network in PostgreSQL — 500 services × 5 wards × 12 areas × 10 standards × 10
// cycles (3,000,000 consensus records) — and:
//   1. the time to recompute one cycle's benchmark through the portal vs a bare GROUP BY scan of the
//      same rows in the same run (target ≤ 2×);
//   2. cached public benchmark reads vs the hello route, req/s and p99 (target ≥ 0.5×);
//   3. authenticated service benchmark reads, req/s and p99.
// Prints its figures; asserts nothing about time. Needs PostgreSQL (TEST_DATABASE_URL or the default).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Schedule, Standards } from "@sequin/core";
import { openPostgres } from "@sequin/db";
import { createApp, runWith } from "@sequin/portal";
import { makeLogger } from "@sequin/portal/http/Logger";
import { computeStatistics } from "@sequin/portal/resources/benchmarks/compute";
import { loadStandards } from "@sequin/standards";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { Effect, Schema } from "effect";
import postgres from "postgres";
import { syntheticSet } from "./synthetic-set.ts";

const SERVICES = 500;
const WARDS = 5;
const AREAS = 12;
const STANDARDS = 10;
const CYCLES = 10;
const FIRST_YEAR = 2012;
const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const name = `sequin_network_bench_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;

const set = syntheticSet({
  version: "2099.1",
  areas: AREAS,
  standards: STANDARDS,
  codePrefix: "Z",
  slugPrefix: "bench-area",
});

const database = await openPostgres(url.toString(), { max: 10 });
let server: ChildProcess | undefined;
try {
  await database.migrate();
  const db = database.db;
  const started = performance.now();
  await db.execute(
    sql`insert into standards_sets (version, content) values (${set.version}, ${JSON.stringify(Schema.encodeSync(Standards.StandardsSet)(set))}::jsonb)`,
  );
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const year = FIRST_YEAR + cycle;
    const label = `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
    const schedule: Schedule.Schedule = Schema.decodeUnknownSync(Schedule.Schedule)({
      cycle: label,
      kind: "monthly",
      deadlines: set.areas.map((area, index) => ({
        area: area.slug,
        due: `${index < 9 ? year : year + 1}-${String(((index + 3) % 12) + 1).padStart(2, "0")}-28`,
      })),
    });
    await db.execute(
      sql`insert into cycles (label, standards_version, schedule, minimum_participants) values (${label}, ${set.version}, ${JSON.stringify(Schema.encodeSync(Schedule.Schedule)(schedule))}::jsonb, 5)`,
    );
  }
  // A real table, not a temporary one: the pool may run the next statements on other connections.
  await db.execute(
    sql`create table bench_areas as select * from unnest(string_to_array(${set.areas.map((a) => a.slug).join(",")}, ','), string_to_array(${set.areas.map((a) => a.code).join(",")}, ',')) as t(slug, code)`,
  );
  await db.execute(
    sql`insert into organisations (name) select 'Bench organisation ' || g from generate_series(1, ${SERVICES / 5}) g`,
  );
  await db.execute(sql`
    insert into services (organisation_id, name)
    select o.id, 'Bench service ' || g
    from generate_series(1, ${SERVICES}) g
    join (select id, row_number() over (order by name) - 1 as n from organisations) o on o.n = g % ${SERVICES / 5}`);
  await db.execute(
    sql`insert into wards (organisation_id, service_id, name) select s.organisation_id, s.id, 'Ward ' || w from services s, generate_series(1, ${WARDS}) w`,
  );
  await db.execute(sql`
    insert into assessments (organisation_id, service_id, ward_id, cycle, area, method, attendance_service_users, attendance_staff, status, submitted_at)
    select w.organisation_id, w.service_id, w.id, c.label, a.slug, 'involvement-group', 5, 3, 'submitted', now()
    from wards w, cycles c, bench_areas a`);
  await db.execute(sql`
    insert into responses (assessment_id, organisation_id, standard_id, view_service_user, view_staff, agreed, not_applicable)
    select a.id, a.organisation_id, b.code || '-' || lpad(n::text, 2, '0'), 2, 2,
      case when n = ${STANDARDS} and random() < 0.15 then null else least(3, floor(random() * 4))::smallint end,
      false
    from assessments a join bench_areas b on b.slug = a.area, generate_series(1, ${STANDARDS}) n`);
  await db.execute(sql`update responses set not_applicable = true where agreed is null`);
  // A long-lived database has its visibility map and statistics; without them, autovacuum would
  // start on the fresh tables in the middle of the timings below.
  await db.execute(sql`vacuum analyze`);
  // Vacuum dirties every page; flush them now rather than during the read benchmarks.
  await db
    .execute(sql`checkpoint`)
    .catch(() => console.log("(no checkpoint: needs pg_checkpoint)"));
  const rowsOf = (result: unknown) =>
    (Array.isArray(result) ? result : (result as { rows: Array<unknown> }).rows) as Array<
      Record<string, unknown>
    >;
  const counted = rowsOf(await db.execute(sql`select count(*)::int as n from responses`));
  console.log(
    `Network: ${SERVICES} services × ${WARDS} wards × ${AREAS} areas × ${STANDARDS} standards × ${CYCLES} cycles = ${counted[0]?.n} records (loaded in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  // 1. Recompute one cycle's benchmark (with change since the previous cycle) vs a bare GROUP BY.
  const standards = await Effect.runPromise(loadStandards());
  const portal = createApp({
    database,
    standards,
    logger: makeLogger("silent"),
    config: {
      port: 0,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: "",
      publicOrigin: "http://127.0.0.1",
      seedDemo: false,
      logLevel: "silent",
      trustProxy: false,
      maxUploadBytes: 1,
      networkName: "Bench network",
      chromiumPath: "/usr/bin/chromium",
      pdfServiceUrl: undefined,
      siteDir: "/nonexistent",
    },
  });
  const label = `${FIRST_YEAR + CYCLES - 1}/${String((FIRST_YEAR + CYCLES) % 100).padStart(2, "0")}`;
  const time = async (work: () => Promise<unknown>, runs = 5) => {
    await work();
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      await work();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(runs / 2)] as number;
  };
  const groupByStatement = sql`
      select a.service_id, a.area, r.standard_id, sum(r.agreed) as total, count(r.agreed) as scored, count(*) filter (where r.not_applicable) as na
      from responses r join assessments a on a.id = r.assessment_id
      where a.cycle in (${label}, ${`${FIRST_YEAR + CYCLES - 2}/${String((FIRST_YEAR + CYCLES - 1) % 100).padStart(2, "0")}`}) and a.status = 'submitted'
      group by 1, 2, 3`;
  const groupBy = () => db.execute(groupByStatement);
  // The planner scans every cycle's responses for the bare GROUP BY; the recompute reads one
  // cycle's through the responses' key. The same GROUP BY held to that key is printed too, so the
  // ratio is not flattered by the floor's plan.
  const groupByThroughKey = () =>
    db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_hashjoin = off`);
      await tx.execute(sql`set local enable_mergejoin = off`);
      await tx.execute(groupByStatement);
    });
  const floor = await time(groupBy);
  const floorThroughKey = await time(groupByThroughKey);
  const recompute = await time(() => runWith(portal, computeStatistics(label)));
  console.log(`Recompute one cycle's benchmark (this cycle and last, for change):`);
  console.log(`  bare GROUP BY scan of the same rows   ${floor.toFixed(0).padStart(6)} ms`);
  console.log(
    `  the same GROUP BY through the key     ${floorThroughKey.toFixed(0).padStart(6)} ms`,
  );
  console.log(
    `  portal recompute (load + core)        ${recompute.toFixed(0).padStart(6)} ms  ${(recompute / floor).toFixed(2)}× the GROUP BY (target ≤ 2×), ${(recompute / floorThroughKey).toFixed(2)}× the one through the key`,
  );
  await portal.dispose();

  // 2 and 3. Reads through a portal server process.
  server = spawn(
    process.execPath,
    [
      fileURLToPath(new URL("./portal-server.ts", import.meta.url)),
      "postgres",
      "3320",
      "2",
      url.toString(),
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const ready = await new Promise<{ token: string }>((resolve, reject) => {
    let buffer = "";
    server?.stdout?.on("data", (data: Buffer) => {
      buffer += data.toString();
      const line = buffer.split("\n").find((candidate) => candidate.startsWith("{"));
      if (line !== undefined) resolve(JSON.parse(line) as { token: string });
    });
    server?.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  const base = "http://127.0.0.1:3320";
  const urlLabel = label.replace("/", "-");
  const run = (options: autocannon.Options) =>
    new Promise<autocannon.Result>((resolve, reject) =>
      autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  await run({ url: `${base}/api/v1/public/cycles/${urlLabel}/benchmark`, duration: 1 });
  const hello = await run({ url: `${base}/bench/hello` });
  const publicReads = await run({ url: `${base}/api/v1/public/cycles/${urlLabel}/benchmark` });
  // The token belongs to the service the portal server created; read that service's view.
  const ownService = rowsOf(await db.execute(sql`select service_id from api_tokens limit 1`))[0]
    ?.service_id as string;
  const serviceReads = await run({
    url: `${base}/api/v1/services/${ownService}/benchmark?cycle=${urlLabel}`,
    headers: { authorization: `Bearer ${ready.token}` },
  });
  const line = (label: string, result: autocannon.Result) =>
    `  ${label.padEnd(34)} ${result.requests.average.toFixed(0).padStart(7)} req/s  p50 ${String(result.latency.p50).padStart(4)} ms  p99 ${String(result.latency.p99).padStart(4)} ms  ${(result.requests.average / hello.requests.average).toFixed(2)}× hello${result.non2xx > 0 ? `  (${result.non2xx} non-2xx!)` : ""}`;
  console.log(`Reads (${CONNECTIONS} connections, ${SECONDS} s each)`);
  console.log(line("hello (baseline)", hello));
  console.log(line("cached public benchmark", publicReads));
  console.log(line("service benchmark (API token)", serviceReads));
  console.log(
    `  cached public reads / hello: ${(publicReads.requests.average / hello.requests.average).toFixed(2)}× (target ≥ 0.5×)`,
  );
} finally {
  server?.kill("SIGTERM");
  await database.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
