// Printing the portal's documents: in this process with a warm Chromium (the embedded default), or
// through a separate renderer service (`SEQUIN_PDF_URL`, apps/pdf's HTTP server) when PDFs should not
// compete with requests for CPU. Either way the input is decoded by the PDF package's own schemas.
import {
  AreaReportInput,
  areaReportModel,
  createRenderer,
  decodeInput,
  NetworkPackInput,
  networkPackModel,
  type PdfDocument,
  type PdfRenderer,
} from "@sequin/pdf";
import { Result } from "effect";

export type PrintKind = "area-report" | "network-pack";

export interface Printer {
  /** The PDF for a document's input; rejects (a defect to the caller) if it cannot be printed. */
  readonly print: (kind: PrintKind, input: unknown) => Promise<Uint8Array>;
  readonly close: () => Promise<void>;
}

const documentOf = (kind: PrintKind, input: unknown): PdfDocument => {
  if (kind === "area-report") {
    const decoded = decodeInput(AreaReportInput, input, "report");
    if (Result.isFailure(decoded)) throw decoded.failure;
    return { kind, model: areaReportModel(decoded.success) };
  }
  const decoded = decodeInput(NetworkPackInput, input, "pack");
  if (Result.isFailure(decoded)) throw decoded.failure;
  return { kind, model: networkPackModel(decoded.success) };
};

/** Launches Chromium on the first document only: most portal processes never print. */
export const localPrinter = (chromiumPath: string): Printer => {
  let renderer: Promise<PdfRenderer> | undefined;
  return {
    print: async (kind, input) => {
      const document = documentOf(kind, input);
      renderer ??= createRenderer({ chromiumPath, concurrency: 2 });
      return (await renderer).render(document);
    },
    close: async () => {
      if (renderer !== undefined) await (await renderer).close();
    },
  };
};

/** Sends the input to a renderer service and returns its PDF. */
export const remotePrinter = (baseUrl: string, fetcher: typeof fetch = fetch): Printer => ({
  print: async (kind, input) => {
    const response = await fetcher(new URL(`/render/${kind}`, baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    });
    if (!response.ok || response.headers.get("content-type") !== "application/pdf")
      throw new Error(
        `the PDF renderer at ${baseUrl} answered ${response.status}: ${(await response.text()).slice(0, 500)}`,
      );
    return new Uint8Array(await response.arrayBuffer());
  },
  close: async () => {},
});
