// CSV for Excel: a UTF-8 byte-order mark (without it Excel reads "Rhôs" as "RhÃ´s"), CRLF line ends,
// one header row. Several sheets become one table with a leading `Section` column, so a network lead
// can filter to the rows they want; columns that sheets share (area, standard, status) are merged.
import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { type Cell, neutraliseCell } from "./Neutralise.ts";
import type { Column, Sheet } from "./Table.ts";
import { isCancelled, toWebStream } from "./WebStream.ts";

const SECTION: Column = { key: "__section", header: "Section", width: 10 };

/** The columns of the merged table: `Section` first when there are several sheets. */
export const csvColumns = (sheets: ReadonlyArray<Sheet>): ReadonlyArray<Column> => {
  const columns = new Map<string, Column>();
  for (const sheet of sheets)
    for (const column of sheet.columns)
      if (!columns.has(column.key)) columns.set(column.key, column);
  return sheets.length > 1 ? [SECTION, ...columns.values()] : [...columns.values()];
};

/** A cell as CSV text: numbers in their shortest exact form, days as ISO dates (Excel reads both). */
const text = (cell: Cell | undefined): string => {
  const safe = neutraliseCell(cell ?? null);
  if (safe === null) return "";
  if (typeof safe === "number") return Number.isFinite(safe) ? String(safe) : "";
  if (typeof safe === "object") return safe.day;
  return safe;
};

async function* records(sheets: ReadonlyArray<Sheet>, columns: ReadonlyArray<Column>) {
  yield columns.map((column) => column.header);
  for (const sheet of sheets) {
    for await (const row of sheet.rows()) {
      yield columns.map((column) => text(column === SECTION ? sheet.section : row[column.key]));
    }
  }
}

/** The sheets as one streamed CSV file; `onError` hears of a failure after the headers were sent. */
export const csvStream = (
  sheets: ReadonlyArray<Sheet>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> => {
  const columns = csvColumns(sheets);
  const stringifier = stringify({
    bom: true,
    record_delimiter: "windows",
    // csv-stringify quotes fields holding the record delimiter (CRLF) but not a lone CR or LF,
    // which Excel and most parsers still read as a new row: quote any line break.
    quoted_match: /[\r\n]/u,
  });
  pipeline(Readable.from(records(sheets, columns)), stringifier, (error) => {
    if (error !== undefined && error !== null && !isCancelled(error)) onError(error);
  });
  return toWebStream(stringifier);
};
