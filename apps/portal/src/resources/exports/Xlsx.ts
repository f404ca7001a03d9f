// XLSX through exceljs's streaming writer: each row is committed (written and forgotten) as it
// arrives, and production waits whenever the download falls behind, so a large export never sits
// whole in memory. One sheet per part, a bold frozen header row with filters, real dates and numbers.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { type Cell, neutraliseCell } from "./Neutralise.ts";
import type { Sheet } from "./Table.ts";
import { isCancelled, toWebStream } from "./WebStream.ts";

type Value = string | number | Date | null;

const DAY_FORMAT = "dd/mm/yyyy";
const YIELD_EVERY = 200;

const value = (cell: Cell | undefined): Value => {
  const safe = neutraliseCell(cell ?? null);
  if (safe === null || typeof safe === "string") return safe;
  if (typeof safe === "number") return Number.isFinite(safe) ? safe : null;
  // Midnight UTC: exceljs turns a Date into a day number in UTC, so this is exactly that day.
  return new Date(`${safe.day}T00:00:00Z`);
};

/** What back-pressure needs of a writable: Node's own streams and the readable-stream copies alike. */
interface Pressured {
  readonly writableNeedDrain?: boolean;
  readonly _writableState?: { readonly needDrain?: boolean };
  on(event: "drain" | "close", listener: () => void): unknown;
  off(event: "drain" | "close", listener: () => void): unknown;
}

const behind = (stream: Pressured): boolean =>
  stream.writableNeedDrain ?? stream._writableState?.needDrain === true;

/** Resolves once `stream` wants more data again, or the download is gone. */
const drained = (stream: Pressured, out: PassThrough) =>
  new Promise<void>((resolve) => {
    const done = () => {
      stream.off("drain", done);
      out.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    out.on("close", done);
  });

/**
 * The zip's input for a sheet. exceljs 4.4 writes rows into it in 64 KB batches without looking at
 * back-pressure, so rows produced faster than they are compressed would pile up there unless we
 * wait for it too. It is exceljs's internal (a readable-stream PassThrough): if a new version moves
 * it, this finds nothing and the pacing test ("produces xlsx rows only as fast as they are
 * downloaded") fails.
 */
const zipInput = (worksheet: ExcelJS.Worksheet): Pressured | undefined => {
  const pipes = (worksheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const first = (Array.isArray(pipes) ? pipes[0] : undefined) as Partial<Pressured> | undefined;
  return typeof first?.on === "function" &&
    typeof first.off === "function" &&
    (first.writableNeedDrain !== undefined || first._writableState !== undefined)
    ? (first as Pressured)
    : undefined;
};

const writeSheet = async (
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: Sheet,
  out: PassThrough,
) => {
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  worksheet.columns = sheet.columns.map((column) => ({ key: column.key, width: column.width }));
  worksheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: sheet.columns.length },
  };
  const header = worksheet.addRow(sheet.columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  const input = zipInput(worksheet);
  let sinceYield = 0;
  for await (const row of sheet.rows()) {
    if (out.destroyed) return false;
    const written = worksheet.addRow(sheet.columns.map((column) => value(row[column.key])));
    sheet.columns.forEach((column, index) => {
      if (typeof row[column.key] === "object" && row[column.key] !== null)
        written.getCell(index + 1).numFmt = DAY_FORMAT;
    });
    written.commit();
    // Rows read from memory never wait on I/O: every few rows, give the compressor a turn, then
    // wait while the compressor or the download is behind.
    if (++sinceYield === YIELD_EVERY) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (input !== undefined && behind(input)) await drained(input, out);
    if (out.writableNeedDrain) await drained(out, out);
  }
  worksheet.commit();
  return true;
};

/** The sheets as one streamed workbook; `onError` hears of a failure after the headers were sent. */
export const xlsxStream = (
  sheets: ReadonlyArray<Sheet>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> => {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "SeQuIn";
  // The zip (archiver) is exceljs's internal too; an error there must end this download, not the
  // process (an "error" event nobody listens to is thrown).
  (workbook as unknown as { zip?: NodeJS.EventEmitter }).zip?.on("error", (error: Error) => {
    out.destroy(error);
    onError(error);
  });
  const produce = async () => {
    for (const sheet of sheets) if (!(await writeSheet(workbook, sheet, out))) return;
    await workbook.commit();
  };
  produce().catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    if (!isCancelled(error)) onError(error);
  });
  return toWebStream(out);
};
