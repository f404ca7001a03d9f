// Portal throughput on PGlite and on PostgreSQL (autocannon, loopback, 10 connections, one run each):
// a hello route (baseline), a bare single INSERT (the floor for writes), reading an assessment, and
// writing a score on a submitted assessment with its audit row. Prints req/s, p50/p99 and ratios.
// Needs PostgreSQL at TEST_DATABASE_URL (or postgres://postgres@127.0.0.1:5432/test) for that half.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import postgres from "postgres";

const CONNECTIONS = 10;
const RECORD_HEAD = /"standardId":"([^"]+)","version":(\d+)/u;
const ROUNDS = 5;

const median = (runs: ReadonlyArray<Figures>): Figures =>
  [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)] as Figures;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

interface Ready {
  readonly token: string;
  readonly standardIds: ReadonlyArray<string>;
  readonly assessments: ReadonlyArray<string>;
}

const startServer = (driver: string, port: number, url?: string) =>
  new Promise<{ child: ChildProcess; ready: Ready }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        fileURLToPath(new URL("./portal-server.ts", import.meta.url)),
        driver,
        String(port),
        String(CONNECTIONS),
        url ?? "",
      ],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let buffer = "";
    child.stdout?.on("data", (data: Buffer) => {
      buffer += data.toString();
      const line = buffer.split("\n").find((candidate) => candidate.startsWith("{"));
      if (line !== undefined) resolve({ child, ready: JSON.parse(line) as Ready });
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
}

const run = (options: autocannon.Options): Promise<Figures> =>
  new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0)
        console.log(`    status codes: ${JSON.stringify(result.statusCodeStats)}`);
      resolve({
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
      });
    });
  });

const benchmark = async (driver: "pglite" | "postgres", port: number, url?: string) => {
  const { child, ready } = await startServer(driver, port, url);
  const base = `http://127.0.0.1:${port}`;
  const auth = { authorization: `Bearer ${ready.token}` };
  try {
    const hello = await run({ url: `${base}/bench/hello` });
    const runInsert = () => run({ url: `${base}/bench/insert`, method: "POST" });
    const read = await run({
      url: `${base}/api/v1/assessments/${ready.assessments[0]}`,
      headers: auth,
    });
    // Writes never collide: each in-flight request takes a standard nobody else is writing, and the
    // answer (200, or 409 with the current record) gives that standard's next version.
    const assessment = ready.assessments[0] as string;
    const versions = new Map(ready.standardIds.map((id) => [id, 1]));
    let free = new Set<string>();
    const runWrite = () => {
      // Every run starts with all standards free; a 409 from a reply lost at the end of the last run
      // just brings that standard's version up to date.
      free = new Set(ready.standardIds);
      return runWriteOnce();
    };
    const runWriteOnce = () =>
      run({
        url: base,
        headers: { ...auth, "content-type": "application/json" },
        requests: [
          {
            method: "PUT",
            setupRequest: (request: Record<string, unknown>) => {
              const standardId = free.values().next().value as string;
              free.delete(standardId);
              const agreed = Math.floor(Math.random() * 4);
              return {
                ...request,
                path: `/api/v1/assessments/${assessment}/standards/${standardId}`,
                body: JSON.stringify({
                  version: versions.get(standardId),
                  views: { serviceUser: agreed, staff: agreed },
                  agreed,
                  rationale: "Benchmark",
                  evidence: "Benchmark evidence",
                  reason: "Benchmark change",
                }),
              };
            },
            // The record (or, in a 409, the current one) opens with its standard and version: read
            // just those, so the load generator spends its CPU sending requests, not parsing replies.
            onResponse: (_status: number, body: string) => {
              const record = RECORD_HEAD.exec(body);
              if (record !== null) {
                versions.set(record[1] as string, Number(record[2]));
                free.add(record[1] as string);
              }
            },
          } as never,
        ],
      });
    // The machine is shared and noisy: alternate the two writes and keep each one's median run, so a
    // slow spell does not land on one side of the ratio only.
    const inserts: Array<Figures> = [];
    const writes: Array<Figures> = [];
    for (let round = 0; round < ROUNDS; round++) {
      inserts.push(await runInsert());
      writes.push(await runWrite());
    }
    return { hello, insert: median(inserts), read, write: median(writes) };
  } finally {
    child.kill("SIGTERM");
  }
};

const line = (label: string, figures: Figures, baseline: Figures) =>
  `  ${label.padEnd(30)} ${figures.rps.toFixed(0).padStart(7)} req/s  p50 ${String(figures.p50).padStart(4)} ms  p99 ${String(figures.p99).padStart(4)} ms  ${(figures.rps / baseline.rps).toFixed(3)}× hello${figures.non2xx > 0 ? `  (${figures.non2xx} non-2xx!)` : ""}`;

const report = (driver: string, results: Awaited<ReturnType<typeof benchmark>>) => {
  console.log(
    `Portal on ${driver} (${CONNECTIONS} connections, ${SECONDS} s a run; writes: median of ${ROUNDS} alternating runs)`,
  );
  console.log(line("hello (baseline)", results.hello, results.hello));
  console.log(line("bare single INSERT", results.insert, results.hello));
  console.log(line("read an assessment", results.read, results.hello));
  console.log(line("write a score + audit row", results.write, results.hello));
  console.log(
    `  score write / bare INSERT: ${(results.write.rps / results.insert.rps).toFixed(2)}× (target on PostgreSQL ≥ 0.5×)`,
  );
};

report("PGlite (embedded)", await benchmark("pglite", 3301));

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const name = `sequin_bench_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
try {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  report("PostgreSQL", await benchmark("postgres", 3302, url.toString()));
} finally {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
