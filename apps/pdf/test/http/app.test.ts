import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRendererPool, type RendererPool } from "../../src/browser/Renderer.ts";
import { createPdfServer } from "../../src/http/app.ts";
import { areaToolInput } from "../../src/input/AreaToolInput.ts";
import { areaReportJson, fixtureSet, networkPackJson } from "../fixtures/inputs.ts";
import { inspectPdf } from "../support/pdf.ts";

let renderer: RendererPool;
let app: ReturnType<typeof createPdfServer>;

beforeAll(async () => {
  renderer = await createRendererPool({ concurrency: 2 });
  app = createPdfServer({ renderer, standards: fixtureSet, maxBodyBytes: 256 * 1024 });
});
afterAll(async () => {
  await renderer?.close();
});

const post = (path: string, body: unknown, type = "application/json") =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": type },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const problemOf = async (response: Response) => {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as {
    status: number;
    title: string;
    detail: string;
    errors?: Array<{ field: string; message: string }>;
  };
};

describe("the PDF service", () => {
  it("answers its health check", async () => {
    const response = await app.request("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("renders an area tool by slug from its standards set", async () => {
    const response = await post("/render/area-tool", { areaSlug: "testing-area" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('inline; filename="testing-area.pdf"');
    const pdf = await inspectPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.info.Title).toBe("Testing Area: area tool");
    expect(pdf.info.Tagged).toBe("yes");
  });

  it("renders an easy-read tool from a whole area sent in the body", async () => {
    const body = JSON.parse(JSON.stringify(areaToolInput(fixtureSet, "testing-area")));
    const response = await post("/render/easy-read-tool", body);
    expect(response.status).toBe(200);
    const pdf = await inspectPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.text).toContain("Easy read");
  });

  it("renders an area report and a network pack", async () => {
    const [report, pack] = await Promise.all([
      post("/render/area-report", areaReportJson),
      post("/render/network-pack", networkPackJson),
    ]);
    expect([report.status, pack.status]).toEqual([200, 200]);
    expect(report.headers.get("content-disposition")).toBe(
      'inline; filename="testing-area-report-2021-22.pdf"',
    );
    const text = (await inspectPdf(new Uint8Array(await pack.arrayBuffer()))).text;
    expect(text).toContain("Network results 2021/22");
  });

  it("answers 400 naming each field at fault", async () => {
    const broken = { ...structuredClone(areaReportJson), cycle: "2021", service: "" };
    const problem = await problemOf(await post("/render/area-report", broken));
    expect(problem.status).toBe(400);
    expect(problem.title).toBe("Invalid input");
    expect(problem.errors?.map((error) => error.field).sort()).toEqual([
      "body.cycle",
      "body.service",
    ]);
    expect(problem.detail).toMatch(/body\.cycle: expected a cycle like 2021\/22/u);
  });

  it("names a field that fails a check across fields", async () => {
    const broken = structuredClone(areaReportJson);
    (broken.wards[0]?.responses[0] as { agreed: unknown }).agreed = 9;
    const problem = await problemOf(await post("/render/area-report", broken));
    expect(problem.errors).toEqual([
      { field: "body.wards.0.responses.0.agreed", message: "9 is above the scale's 3" },
    ]);
  });

  it("names an unknown area slug", async () => {
    const problem = await problemOf(await post("/render/area-tool", { areaSlug: "no-such-area" }));
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([
      {
        field: "body.areaSlug",
        message: 'standards set 2099.1 has no area "no-such-area"; its areas are testing-area',
      },
    ]);
  });

  it("refuses bad JSON, other media types and oversized bodies", async () => {
    const bad = await problemOf(await post("/render/network-pack", "{not json"));
    expect([bad.status, bad.errors]).toEqual([
      400,
      [{ field: "body", message: "is not valid JSON" }],
    ]);
    expect((await post("/render/network-pack", "x", "text/plain")).status).toBe(415);
    const big = await post("/render/network-pack", { padding: "x".repeat(300 * 1024) });
    expect(big.status).toBe(413);
    expect((await app.request("/render/nothing", { method: "POST" })).status).toBe(404);
  });

  it("answers 503 when its renderer has been closed", async () => {
    const closed = await createRendererPool({ concurrency: 1 });
    await closed.close();
    const response = await createPdfServer({ renderer: closed, standards: fixtureSet }).request(
      "/render/area-tool",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ areaSlug: "testing-area" }),
      },
    );
    expect((await problemOf(response)).status).toBe(503);
  });
});
