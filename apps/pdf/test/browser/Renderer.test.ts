// The browser step's behaviour: warm reuse, several jobs at once, recycling, crashes, isolation.
// Pools are shared within a describe block: every Chromium launch costs real seconds on a busy CI.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChromiumUnavailable } from "../../src/browser/chromium.ts";
import {
  createRenderer,
  createRendererPool,
  RendererClosed,
  type RendererPool,
} from "../../src/browser/Renderer.ts";
import type { PdfDocument } from "../../src/documents.ts";
import { areaToolModel } from "../../src/model/areaTool.ts";
import { fixtureSet } from "../fixtures/inputs.ts";
import { inspectPdf } from "../support/pdf.ts";

const areaTool: PdfDocument = {
  kind: "area-tool",
  model: areaToolModel(fixtureSet, "testing-area"),
};
const layout = { footer: "test", footerPt: 8 };
const page = (body: string) =>
  `<!doctype html><html lang="en-GB"><head><title>Test</title></head><body>${body}</body></html>`;

/** A small page: these tests are about the pool, not the documents (covered elsewhere). */
const tiny = (pool: RendererPool, text = "Tiny") =>
  pool.renderHtml(page(`<h1>${text}</h1>`), layout);

const isPdf = (bytes: Uint8Array) =>
  Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";

const alive = (pid: number | undefined) => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const waitFor = async (condition: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
  return condition();
};

/** A pool for one describe block, closed after it. */
const poolFor = (options: Parameters<typeof createRendererPool>[0]) => {
  const holder: { pool?: RendererPool } = {};
  beforeAll(async () => {
    holder.pool = await createRendererPool(options);
  });
  afterAll(async () => {
    await holder.pool?.close();
  });
  return () => {
    if (holder.pool === undefined) throw new Error("the pool did not start");
    return holder.pool;
  };
};

describe("a warm renderer", () => {
  const pool = poolFor({ concurrency: 3 });

  it("renders several documents at once on one browser", async () => {
    const pdfs = await Promise.all([
      pool().render(areaTool),
      ...Array.from({ length: 5 }, (_, index) => tiny(pool(), `Job ${index}`)),
    ]);
    for (const pdf of pdfs) expect(isPdf(pdf)).toBe(true);
    for (let index = 0; index < 5; index++) {
      expect((await inspectPdf(pdfs[index + 1] as Uint8Array)).text).toContain(`Job ${index}`);
    }
    expect(pool().stats()).toMatchObject({ launches: 1, rendered: 6, failed: 0, crashes: 0 });
  });

  it("refuses every request but data: (no network while rendering)", async () => {
    let requests = 0;
    const server = createServer((_, response) => {
      requests++;
      response.end("x");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const blockedBefore = pool().stats().blockedRequests;
    try {
      const pdf = await pool().renderHtml(
        page(
          `<link rel="stylesheet" href="http://127.0.0.1:${port}/style.css"><img src="http://127.0.0.1:${port}/x.png" alt="x"><img src="https://example.org/y.png" alt="y"><img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E" alt="z"><p>Offline</p>`,
        ),
        layout,
      );
      expect((await inspectPdf(pdf)).text).toContain("Offline");
      expect(requests).toBe(0);
      expect(pool().stats().blockedRequests - blockedBefore).toBeGreaterThanOrEqual(3);
    } finally {
      server.close();
    }
  });

  it("runs no script and keeps nothing from one job to the next", async () => {
    const first = await inspectPdf(
      await pool().renderHtml(
        page(
          `<p id="p">Visible text</p><script>document.getElementById("p").textContent = "Scripted"</script>`,
        ),
        layout,
      ),
    );
    expect(first.text).toContain("Visible text");
    expect(first.text).not.toContain("Scripted");
    const second = await inspectPdf(await pool().renderHtml(page("<p>Second job</p>"), layout));
    expect(second.text).toContain("Second job");
    expect(second.text).not.toContain("Visible text");
  });

  // Last in this block: these kill the browser.

  it("starts a new browser when the browser dies between documents", async () => {
    await tiny(pool());
    const pid = pool().stats().browserPid as number;
    process.kill(pid, "SIGKILL");
    expect(await waitFor(() => pool().stats().crashes === 1)).toBe(true);
    expect(isPdf(await tiny(pool()))).toBe(true);
    expect(pool().stats()).toMatchObject({ launches: 2, crashes: 1, failed: 0 });
    expect(pool().stats().browserPid).not.toBe(pid);
  });

  it("does not lose the documents a crashing browser was rendering", async () => {
    const pid = pool().stats().browserPid as number;
    const jobs = Array.from({ length: 3 }, () => pool().render(areaTool));
    // Kill it while the jobs are printing on it.
    while (pool().stats().printing === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    process.kill(pid, "SIGKILL");
    for (const pdf of await Promise.all(jobs)) expect(isPdf(pdf)).toBe(true);
    expect(pool().stats()).toMatchObject({ launches: 3, crashes: 2, failed: 0 });
    expect(pool().stats().retries).toBeGreaterThanOrEqual(1);
  });
});

describe("recycling", () => {
  const pool = poolFor({ concurrency: 1, recycleAfter: 2 });

  it("replaces the browser after `recycleAfter` documents, and the old one exits", async () => {
    const first = pool().stats().browserPid;
    for (let index = 0; index < 3; index++) expect(isPdf(await tiny(pool()))).toBe(true);
    // Documents 1–2 on the first browser, 3 on the second.
    expect(pool().stats()).toMatchObject({ launches: 2, rendered: 3, crashes: 0 });
    expect(pool().stats().browserPid).not.toBe(first);
    expect(await waitFor(() => !alive(first))).toBe(true);
  });
});

describe("closing", () => {
  it("finishes the jobs already asked for, stops the browser, then refuses new jobs", async () => {
    const pool = await createRendererPool({ concurrency: 1 });
    const pid = pool.stats().browserPid;
    const pending = [tiny(pool), tiny(pool)];
    const closing = pool.close();
    for (const pdf of await Promise.all(pending)) expect(isPdf(pdf)).toBe(true);
    await closing;
    expect(await waitFor(() => !alive(pid))).toBe(true);
    await expect(pool.render(areaTool)).rejects.toBeInstanceOf(RendererClosed);
  });
});

describe("starting", () => {
  it("fails clearly when Chromium is missing", async () => {
    const failure = createRenderer({ chromiumPath: "/nonexistent/chromium" });
    await expect(failure).rejects.toBeInstanceOf(ChromiumUnavailable);
    await expect(failure).rejects.toThrow(/\/nonexistent\/chromium.*CHROMIUM_PATH/u);
  });

  it("refuses nonsensical options", async () => {
    await expect(createRendererPool({ concurrency: 0 })).rejects.toThrow(/concurrency/u);
    await expect(createRendererPool({ recycleAfter: 1.5 })).rejects.toThrow(/recycleAfter/u);
  });
});
