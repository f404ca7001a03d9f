// Reading exports back in tests: a small RFC 4180 CSV parser (no extra dependency) and exceljs for
// XLSX, plus a raw request that keeps the body as the stream the app returned.
import ExcelJS from "exceljs";
import type { Client, Harness } from "./harness.ts";

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of cells. */
export const parseCsv = (text: string): Array<Array<string>> => {
  const rows: Array<Array<string>> = [];
  let row: Array<string> = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string;
    if (quoted) {
      if (character !== '"') field += character;
      else if (text[index + 1] === '"') {
        field += '"';
        index++;
      } else quoted = false;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      row.push(field);
      field = "";
    } else if (character === "\n" || (character === "\r" && text[index + 1] === "\n")) {
      if (character === "\r") index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += character;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
};

export const BOM = [0xef, 0xbb, 0xbf];

/** The CSV text after its byte-order mark (which must be there), parsed. */
export const csvOf = (bytes: Uint8Array): Array<Array<string>> => {
  if (![...bytes.subarray(0, 3)].every((byte, index) => byte === BOM[index]))
    throw new Error("no UTF-8 byte-order mark");
  return parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3)));
};

/** Rows of a parsed table as objects keyed by the header row. */
export const records = (rows: Array<Array<string>>): Array<Record<string, string>> => {
  const [header, ...body] = rows;
  return body.map((cells) =>
    Object.fromEntries((header ?? []).map((name, index) => [name, cells[index] ?? ""])),
  );
};

export const workbookOf = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  return workbook;
};

export type XlsxValue = ExcelJS.CellValue;

/** A worksheet's rows as objects keyed by its header row (row 1). */
export const sheetRecords = (sheet: ExcelJS.Worksheet): Array<Record<string, XlsxValue>> => {
  const header = (sheet.getRow(1).values as Array<XlsxValue>).slice(1).map(String);
  const out: Array<Record<string, XlsxValue>> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as Array<XlsxValue>;
    out.push(Object.fromEntries(header.map((name, index) => [name, values[index + 1] ?? null])));
  });
  return out;
};

/** A GET as the client, with the response untouched (its body still a stream). */
export const rawGet = (harness: Harness, client: Client | undefined, path: string) => {
  const headers: Record<string, string> = { origin: "http://localhost:3000" };
  if (client?.cookie !== undefined) headers.cookie = client.cookie;
  return harness.app.app.request(path, { headers });
};

/** Reads a body chunk by chunk, counting the chunks. */
export const readChunks = async (body: ReadableStream<Uint8Array>) => {
  const reader = body.getReader();
  const chunks: Array<Uint8Array> = [];
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, chunks: chunks.length };
};
