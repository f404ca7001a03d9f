import { createHash } from "node:crypto";
import { testDrivers } from "@sequin/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildNetwork,
  type Client,
  type Harness,
  type Network,
  startHarness,
  testConfig,
} from "./support/harness.ts";
import { buildPdf } from "./support/pdf.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const LIMIT = testConfig.maxUploadBytes;

describe.each(testDrivers())("area PDF uploads on %s", (driver) => {
  let harness: Harness;
  let network: Network;
  beforeAll(async () => {
    harness = await startHarness(driver);
    network = await buildNetwork(harness);
  });
  afterAll(() => harness.close());

  const uploadPath = (
    serviceId: string,
    area = "technology",
    cycle = "2021-22",
    filename?: string,
  ) =>
    `/api/v1/services/${serviceId}/cycles/${cycle}/areas/${area}/upload${filename === undefined ? "" : `?filename=${encodeURIComponent(filename)}`}`;

  const upload = (
    client: Client,
    bytes: Uint8Array,
    options: {
      serviceId?: string;
      area?: string;
      cycle?: string;
      filename?: string;
      type?: string;
    } = {},
  ) =>
    client.request(
      "POST",
      uploadPath(
        options.serviceId ?? network.serviceA.id,
        options.area,
        options.cycle,
        options.filename,
      ),
      bytes,
      {
        "content-type": options.type ?? "application/pdf",
      },
    );

  /** A request straight to the app, signed in as `client`, for bodies and answers that are not JSON. */
  const raw = (client: Client, path: string, init: RequestInit & { duplex?: "half" } = {}) => {
    const headers = new Headers(init.headers);
    headers.set("origin", client.origin);
    if (client.cookie !== undefined) headers.set("cookie", client.cookie);
    if (client.csrf !== undefined) headers.set("x-csrf-token", client.csrf);
    return harness.app.app.request(path, { ...init, headers });
  };

  const list = async (client: Client, serviceId = network.serviceA.id, search = "") => {
    const answer = await client.get(`/api/v1/services/${serviceId}/uploads${search}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as Array<{
      id: string;
      area: string;
      filename: string;
      sha256: string;
      uploadedBy: string;
    }>;
  };

  it("keeps a valid PDF with its SHA-256 and size, named after the area and cycle", async () => {
    const pdf = buildPdf();
    const answer = await upload(network.leadA, pdf);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({
      cycle: "2021/22",
      area: "technology",
      filename: "technology-2021-22.pdf",
      size: pdf.byteLength,
      sha256: sha256(pdf),
      uploadedAt: harness.clock.now.toISOString(),
      uploadedBy: "lead-a@a.test",
    });
    expect(answer.headers.get("location")).toBe(
      `/api/v1/services/${network.serviceA.id}/uploads/${answer.body.id}`,
    );
  });

  it("downloads the exact bytes as a safe attachment", async () => {
    const pdf = buildPdf({ catalog: "/Lang (en-GB) " });
    const uploaded = await upload(network.staffA, pdf, {
      filename: "../Technology – Ash ward.pdf",
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.filename).toBe("Technology – Ash ward.pdf");
    const response = await raw(
      network.repA,
      `/api/v1/services/${network.serviceA.id}/uploads/${uploaded.body.id}`,
    );
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-length")).toBe(String(pdf.byteLength));
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"Technology _ Ash ward.pdf\"; filename*=UTF-8''Technology%20%E2%80%93%20Ash%20ward.pdf",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("etag")).toBe(`"${sha256(pdf)}"`);
    expect(response.headers.get("cache-control")).toMatch(/^private\b/u);
    const again = await raw(
      network.repA,
      `/api/v1/services/${network.serviceA.id}/uploads/${uploaded.body.id}`,
      {
        headers: { "if-none-match": `"${sha256(pdf)}"` },
      },
    );
    expect(again.status).toBe(304);
  });

  it("keeps every upload of an area and lists them newest first", async () => {
    const first = await upload(network.leadA, buildPdf({ catalog: "/Version 1 " }), {
      area: "involvement",
      filename: "first",
    });
    harness.clock.now = new Date(harness.clock.now.getTime() + 60_000);
    const second = await upload(network.leadA, buildPdf({ catalog: "/Version 2 " }), {
      area: "involvement",
      filename: "second",
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    const involvement = await list(
      network.leadA,
      network.serviceA.id,
      "?cycle=2021-22&area=involvement",
    );
    expect(involvement.map((row) => row.filename)).toEqual(["second.pdf", "first.pdf"]);
    const all = await list(network.staffA);
    expect(all[0]?.id).toBe(second.body.id);
    expect(all.map((row) => row.area)).toContain("technology");
    expect(await list(network.leadA, network.serviceA.id, "?cycle=2019-20")).toEqual([]);
  });

  it("accepts a streamed body without Content-Length", async () => {
    const pdf = buildPdf({ extra: [`<< /Padding (${"x".repeat(300_000)}) >>`] });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < pdf.byteLength; offset += 64 * 1024)
          controller.enqueue(pdf.slice(offset, offset + 64 * 1024));
        controller.close();
      },
    });
    const response = await raw(network.leadA, uploadPath(network.serviceA.id, "recovery-college"), {
      method: "POST",
      headers: { "content-type": "application/pdf" },
      body,
      duplex: "half",
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as Record<string, unknown>).sha256).toBe(sha256(pdf));
  });

  it("refuses a file that is not a PDF", async () => {
    const answer = await upload(
      network.leadA,
      new TextEncoder().encode("MZ\x90\x00 definitely not a PDF"),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.detail).toMatch(/not a PDF/u);
    expect((await upload(network.leadA, new Uint8Array(0))).status).toBe(422);
  });

  it.each([
    ["/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ", /JavaScript/u],
    ["/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> ", /JavaScript/u],
    ["/OpenAction << /S /Launch /F (cmd.exe) >> ", /opens another program/u],
    [
      "/Names << /EmbeddedFiles << /Names [(a) << /Type /EmbeddedFile >>] >> >> ",
      /embedded files/u,
    ],
  ])("refuses a PDF carrying %s", async (catalog, message) => {
    const before = (await list(network.leadA)).length;
    const answer = await upload(network.leadA, buildPdf({ catalog }));
    expect(answer.status).toBe(422);
    expect(answer.body.title).toBe("File refused");
    expect(answer.body.detail).toMatch(message);
    expect(await list(network.leadA)).toHaveLength(before);
  });

  it("refuses a body declared too large before reading it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += 1;
          controller.enqueue(buildPdf());
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const response = await raw(network.leadA, uploadPath(network.serviceA.id), {
      method: "POST",
      headers: { "content-type": "application/pdf", "content-length": String(LIMIT + 1) },
      body,
      duplex: "half",
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as Record<string, unknown>).detail).toBe(
      `The limit is ${LIMIT} bytes.`,
    );
    expect(pulled).toBe(0);
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    const chunk = 1024 * 1024;
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += 1;
          if (pulled === 1) controller.enqueue(buildPdf());
          else if (pulled > 100) controller.close();
          else controller.enqueue(new Uint8Array(chunk));
        },
      },
      { highWaterMark: 0 },
    );
    const response = await raw(network.leadA, uploadPath(network.serviceA.id), {
      method: "POST",
      headers: { "content-type": "application/pdf" },
      body,
      duplex: "half",
    });
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(LIMIT / chunk + 3);
  });

  it("refuses other content types with 415", async () => {
    expect(
      (await upload(network.leadA, buildPdf(), { type: "application/octet-stream" })).status,
    ).toBe(415);
    const json = await network.leadA.post(uploadPath(network.serviceA.id), { pdf: "no" });
    expect(json.status).toBe(415);
    expect(json.body.detail).toBe("Send application/pdf.");
    expect(
      (await upload(network.leadA, buildPdf(), { type: "Application/PDF; charset=binary" })).status,
    ).toBe(201);
  });

  it("checks the cycle and the area against the cycle's standards set", async () => {
    expect((await upload(network.leadA, buildPdf(), { cycle: "2030-31" })).status).toBe(404);
    const area = await upload(network.leadA, buildPdf(), { area: "gardening" });
    expect(area.status).toBe(400);
    expect(area.body.errors[0].field).toBe("path.area");
    expect(
      (await upload(network.leadA, buildPdf(), { filename: "x".repeat(300) })).body.errors[0].field,
    ).toBe("query.filename");
  });

  it("lets only the service's own members and tokens upload; admins read", async () => {
    const mine = await upload(network.leadA, buildPdf(), { area: "technology" });
    const other = await upload(network.leadB, buildPdf());
    expect(other.status).toBe(404);
    expect(
      (await network.leadB.get(`/api/v1/services/${network.serviceA.id}/uploads`)).status,
    ).toBe(404);
    expect(
      (await network.leadB.get(`/api/v1/services/${network.serviceA.id}/uploads/${mine.body.id}`))
        .status,
    ).toBe(404);
    expect(
      (await network.leadB.get(`/api/v1/services/${network.serviceB.id}/uploads/${mine.body.id}`))
        .status,
    ).toBe(404);
    expect(
      (await network.leadA.get(`/api/v1/services/${network.serviceA.id}/uploads/not-a-uuid`))
        .status,
    ).toBe(404);

    const admin = await upload(network.admin, buildPdf());
    expect(admin.status).toBe(403);
    expect((await list(network.admin)).map((row) => row.id)).toContain(mine.body.id);
    const download = await raw(
      network.admin,
      `/api/v1/services/${network.serviceA.id}/uploads/${mine.body.id}`,
    );
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(buildPdf());

    const token = await network.leadA.post(`/api/v1/services/${network.serviceA.id}/tokens`, {
      name: "Reports robot",
    });
    expect(token.status).toBe(201);
    const response = await harness.app.app.request(
      uploadPath(network.serviceA.id, "cpa-standards"),
      {
        method: "POST",
        headers: { authorization: `Bearer ${token.body.token}`, "content-type": "application/pdf" },
        body: buildPdf(),
      },
    );
    expect(response.status).toBe(201);
    expect(((await response.json()) as Record<string, unknown>).uploadedBy).toBe("API token");

    const anonymous = await harness.app.app.request(uploadPath(network.serviceA.id), {
      method: "POST",
      headers: { "content-type": "application/pdf" },
      body: buildPdf(),
    });
    expect(anonymous.status).toBe(401);
  });

  it("documents the routes in the OpenAPI document", async () => {
    const document = (await network.leadA.get("/api/v1/openapi.json")).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/services/{serviceId}/cycles/{cycle}/areas/{area}/upload",
        "/api/v1/services/{serviceId}/uploads",
        "/api/v1/services/{serviceId}/uploads/{uploadId}",
      ]),
    );
  });
});
