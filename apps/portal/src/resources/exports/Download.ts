// An export as an HTTP answer: the format's media type, an attachment with a safe file name, and
// caching that suits who may see it.
import type { Reply } from "../../http/Api.ts";
import { contentDisposition, sanitiseFilename } from "../uploads/Filenames.ts";
import { csvStream } from "./Csv.ts";
import { type Format, MEDIA_TYPES } from "./schemas.ts";
import type { Sheet } from "./Table.ts";
import { xlsxStream } from "./Xlsx.ts";

/**
 * A file name from `title` (which may hold a service's name, so it is untrusted): the upload rules
 * make it safe, with slashes kept as dashes rather than read as folders.
 */
export const exportFilename = (title: string, format: Format): string =>
  `${sanitiseFilename(`${title.replace(/[/\\]/gu, "-")}.pdf`, "SeQuIn export.pdf").slice(0, -".pdf".length)}.${format}`;

/** A cycle label as it can appear in a file name: 2021/22 → 2021-22. */
export const cycleForFilename = (label: string): string => label.replace("/", "-");

export const download = (
  body: ReadableStream<Uint8Array>,
  format: Format,
  filename: string,
  cacheControl: string,
): Reply => ({
  response: new Response(body, {
    status: 200,
    headers: {
      "content-type": MEDIA_TYPES[format],
      "content-disposition": contentDisposition(filename),
      "cache-control": cacheControl,
    },
  }),
});

/** Sheets as a CSV or XLSX body. */
export const spreadsheet = (
  format: "csv" | "xlsx",
  sheets: ReadonlyArray<Sheet>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> =>
  format === "csv" ? csvStream(sheets, onError) : xlsxStream(sheets, onError);
