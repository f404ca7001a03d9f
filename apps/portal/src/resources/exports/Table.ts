// What an export is before it becomes a file: named sheets of typed columns whose rows arrive one at
// a time (an async iterable), so the writers can stream them without holding the export in memory.
import type { Cell } from "./Neutralise.ts";

export interface Column {
  /** Stable key rows use; also how CSV merges sheets that share a column. */
  readonly key: string;
  readonly header: string;
  /** Width in characters in the XLSX file. */
  readonly width: number;
}

export type Row = Readonly<Record<string, Cell>>;

export interface Sheet {
  /** The XLSX sheet name. */
  readonly name: string;
  /** What one row of this sheet is, in the CSV `Section` column (e.g. "Score", "Action"). */
  readonly section: string;
  readonly columns: ReadonlyArray<Column>;
  readonly rows: () => AsyncIterable<Row>;
}

export const column = (key: string, header: string, width: number): Column => ({
  key,
  header,
  width,
});
