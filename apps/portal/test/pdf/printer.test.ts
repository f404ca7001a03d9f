// The two printers give the same document: in-process, and through apps/pdf's HTTP service (how a
// deployment moves PDF rendering to its own instances). The service is driven through its Hono app,
// so no port is needed; the wire format (JSON in, application/pdf out) is the real one.
import { createPdfServer, createRenderer, type PdfRenderer } from "@sequin/pdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remotePrinter } from "../../src/pdf/Printer.ts";

const input = {
  network: "Test network",
  cycle: "2021/22",
  setVersion: "2021.1",
  minimumParticipants: 5,
  areas: [
    {
      name: "Technology",
      benchmark: { area: "technology", withheld: true, participants: 2, minimumParticipants: 5 },
      previous: null,
      themes: [{ title: "Tablets on every ward for video calls" }],
    },
  ],
  generatedOn: "2022-06-01",
};

describe("the remote printer", () => {
  let renderer: PdfRenderer;
  let fetcher: typeof fetch;

  beforeAll(async () => {
    renderer = await createRenderer();
    const server = createPdfServer({ renderer });
    fetcher = ((url: URL, init: RequestInit) =>
      Promise.resolve(server.request(url.pathname, init))) as typeof fetch;
  });
  afterAll(() => renderer.close());

  it("prints through the renderer service", async () => {
    const bytes = await remotePrinter("http://renderer.internal:3100", fetcher).print(
      "network-pack",
      input,
    );
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  });

  it("passes on the service's refusal, naming the field", async () => {
    const printing = remotePrinter("http://renderer.internal:3100", fetcher).print("network-pack", {
      ...input,
      cycle: "last year",
    });
    await expect(printing).rejects.toThrow(/answered 400.*cycle/su);
  });
});
