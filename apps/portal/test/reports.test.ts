// Printed documents through the portal: a service's completed area report and the network pack job,
// checked as real PDFs (poppler-utils), plus the best-practice themes the pack prints.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { schema } from "@sequin/db";
import { testDrivers } from "@sequin/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWith } from "../src/app.ts";
import { seedDemoNetwork } from "../src/seed/demo.ts";
import {
  type Client,
  createAccount,
  type Harness,
  signedIn,
  startHarness,
} from "./support/harness.ts";

const run = promisify(execFile);

/** The text and the properties poppler reads from a PDF. */
const inspect = async (bytes: Uint8Array) => {
  const dir = await mkdtemp(join(tmpdir(), "sequin-report-"));
  const file = join(dir, "document.pdf");
  try {
    await writeFile(file, bytes);
    const [text, info] = await Promise.all([
      run("pdftotext", ["-layout", file, "-"]),
      run("pdfinfo", [file]),
    ]);
    return { text: text.stdout, info: info.stdout };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

const download = async (client: Client, path: string) => {
  const response = await client.harnessRequest(path);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
};

describe.each(testDrivers())("reports on %s", (driver) => {
  let harness: Harness;
  let admin: Client;
  let lead: Client;
  let service: typeof schema.services.$inferSelect;
  let submittedArea: { slug: string; cycle: string };

  beforeAll(async () => {
    harness = await startHarness(driver);
    await runWith(harness.app, seedDemoNetwork);
    const [row] = await harness.database.db
      .select({
        service: schema.services,
        area: schema.assessments.area,
        cycle: schema.assessments.cycle,
      })
      .from(schema.assessments)
      .innerJoin(schema.services, eq(schema.services.id, schema.assessments.serviceId))
      .where(
        and(eq(schema.assessments.status, "submitted"), eq(schema.assessments.cycle, "2021/22")),
      )
      .limit(1);
    service = row!.service;
    submittedArea = { slug: row!.area, cycle: row!.cycle.replace("/", "-") };
    await createAccount(harness, { login: "admin@net.test", role: "network-admin" });
    await createAccount(harness, {
      login: "lead@service.test",
      role: "service-lead",
      serviceId: service.id,
      organisationId: service.organisationId,
    });
    admin = await signedIn(harness, "admin@net.test");
    lead = await signedIn(harness, "lead@service.test");
  });
  afterAll(() => harness.close());

  it("prints a submitted area's report as a tagged A4 PDF with the service's scores", async () => {
    const path = `/api/v1/services/${service.id}/cycles/${submittedArea.cycle}/areas/${submittedArea.slug}/report.pdf`;
    const { response, bytes } = await download(lead, path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=/u);
    const { text, info } = await inspect(bytes);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/u);
    expect(info).toMatch(/Tagged:\s+yes/u);
    expect(text).toContain(service.name);
    const results = await lead.get(
      `/api/v1/services/${service.id}/results?cycle=${submittedArea.cycle}&area=${submittedArea.slug}`,
    );
    // The area score printed is the portal's own result, to the same rounding.
    expect(text).toContain(results.body.score.display);
  });

  it("says why there is no report for an area not submitted, and names a bad area", async () => {
    const cycles = await harness.database.db
      .select({ area: schema.assessments.area })
      .from(schema.assessments)
      .where(
        and(eq(schema.assessments.serviceId, service.id), eq(schema.assessments.cycle, "2021/22")),
      );
    const assessed = new Set(cycles.map((row) => row.area));
    const standards = await lead.get("/api/v1/cycles/2021-22/standards");
    const unassessed = standards.body.areas.find(
      (area: { slug: string }) => !assessed.has(area.slug),
    );
    const base = `/api/v1/services/${service.id}/cycles/2021-22/areas`;
    const none = await lead.get(`${base}/${unassessed.slug}/report.pdf`);
    expect(none.status).toBe(409);
    expect(none.body.detail ?? none.body.message).toMatch(/has been submitted/u);
    const bad = await lead.get(`${base}/not-an-area/report.pdf`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe("path.area");
  });

  it("offers the report on the portal's pages, or a page saying why there is none", async () => {
    const area = `/portal/services/${service.id}/cycles/${submittedArea.cycle}/areas`;
    const { response, bytes } = await download(lead, `${area}/${submittedArea.slug}/report.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const assessed = await harness.database.db
      .select({ area: schema.assessments.area })
      .from(schema.assessments)
      .where(eq(schema.assessments.serviceId, service.id));
    const standards = await lead.get("/api/v1/cycles/2021-22/standards");
    const unassessed = standards.body.areas.find(
      (candidate: { slug: string }) => !assessed.some((row) => row.area === candidate.slug),
    );
    const none = await lead.harnessRequest(
      `/portal/services/${service.id}/cycles/2021-22/areas/${unassessed.slug}/report.pdf`,
    );
    expect(none.status).toBe(409);
    expect(await none.text()).toContain("There is no report yet");
    const stranger = await download(admin, `${area}/${submittedArea.slug}/report.pdf`);
    expect(stranger.response.status).toBe(200);
  });

  it("keeps best-practice themes per area, for admins to write", async () => {
    const path = `/api/v1/cycles/2021-22/areas/${submittedArea.slug}/themes`;
    const themes = { themes: [{ title: "Service users chair the ward community meeting" }] };
    expect((await lead.put(path, themes)).status).toBe(403);
    const bad = await admin.put(path, { themes: [{ title: "" }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe("body.themes.0.title");
    expect((await admin.put(path, themes)).status).toBe(200);
    const listed = await lead.get("/api/v1/cycles/2021-22/themes");
    expect(
      listed.body.areas.find((area: { area: string }) => area.area === submittedArea.slug).themes,
    ).toEqual(themes.themes);
  });

  it("builds the network pack as a job: anonymised, with the themes, downloadable", async () => {
    await admin.put(`/api/v1/cycles/2021-22/areas/${submittedArea.slug}/themes`, {
      themes: [{ title: "Peer support workers co-facilitate every review", detail: "Weekly." }],
    });
    const queued = await admin.post("/api/v1/jobs", { kind: "network-pack", cycle: "2021-22" });
    expect(queued.status).toBe(202);
    expect(await harness.app.jobs.runOnce()).toBe(true);
    const job = await admin.get(`/api/v1/jobs/${queued.body.id}`);
    expect(job.body.status).toBe("succeeded");
    expect(job.body.artifact.href).toBe(`/api/v1/jobs/${queued.body.id}/artifact`);
    const { response, bytes } = await download(admin, job.body.artifact.href);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const { text, info } = await inspect(bytes);
    expect(info).toMatch(/Tagged:\s+yes/u);
    expect(text).toContain("Test network");
    expect(text.replace(/\s+/gu, " ")).toContain("Peer support workers co-facilitate every review");
    const names = await harness.database.db
      .select({ name: schema.services.name })
      .from(schema.services);
    for (const { name } of names) expect(text).not.toContain(name);
    // Only admins see jobs and their files.
    expect((await lead.get(job.body.artifact.href)).status).toBe(403);
  });

  it("refuses a network pack without a cycle, naming the field", async () => {
    const answer = await admin.post("/api/v1/jobs", { kind: "network-pack" });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe("body.cycle");
  });
});
