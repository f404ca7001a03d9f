// What the portal checks before it keeps a PDF a service uploads: that it is a PDF, and that it
// carries nothing a reader could run, launch or unpack. Bytes in, verdict out; no I/O.
import { Buffer } from "node:buffer";
import { inflateSync, constants as zlib } from "node:zlib";

export type Finding = "javascript" | "launch" | "embedded-file" | "rich-media" | "xfa";
const FINDINGS: ReadonlyArray<Finding> = [
  "javascript",
  "launch",
  "embedded-file",
  "rich-media",
  "xfa",
];

export type Inspection =
  | { readonly _tag: "Accepted" }
  | { readonly _tag: "NotPdf" }
  /** A compressed object stream that could not be opened, so its contents could not be checked. */
  | { readonly _tag: "Unreadable" }
  | { readonly _tag: "ActiveContent"; readonly found: ReadonlyArray<Finding> };

const DANGEROUS: ReadonlyMap<string, Finding> = new Map([
  ["JavaScript", "javascript"],
  ["JS", "javascript"],
  ["Launch", "launch"],
  ["EmbeddedFile", "embedded-file"],
  ["EmbeddedFiles", "embedded-file"],
  ["RichMedia", "rich-media"],
  ["XFA", "xfa"],
]);

// A PDF name runs from "/" to the next white-space or delimiter character (ISO 32000-1, 7.2.2).
const NAME = /\/[^\0\t\n\f\r ()<>[\]{}/%]+/gu;
// Since PDF 1.2 any character of a name may be written as #xx, so "/J#61vaScript" is /JavaScript.
const HEX_ESCAPE = /#([0-9a-fA-F]{2})/gu;
// Longer names cannot be any of the DANGEROUS ones, even fully #xx-escaped.
const LONGEST = 3 * "EmbeddedFiles".length + 1;

/** Every name in `text` short enough to matter, with its #xx escapes decoded, and where it ends. */
const namesIn = function* (
  text: string,
): Generator<{ readonly name: string; readonly end: number }> {
  for (const match of text.matchAll(NAME)) {
    const raw = match[0];
    if (raw.length > LONGEST) continue;
    yield {
      name: raw
        .slice(1)
        .replace(HEX_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      end: match.index + raw.length,
    };
  }
};

// Object streams (PDF 1.5+) hold ordinary objects compressed, out of sight of a search of the raw
// bytes; most modern writers use them. Each one's data (from the "stream" keyword after its
// /ObjStm name to "endstream") is inflated and searched too. Anything that cannot be read that way
// is refused rather than waved through. Not a full parser: a determined forger can still hide
// content (e.g. by leaving out /Type /ObjStm); this catches what ordinary writers produce.
const STREAM = /(?<!end)stream(?:\r\n|\n|\r)/gu;
const INFLATE_BUDGET = 64 * 1024 * 1024;

const isZlibHeader = (first: number, second: number): boolean =>
  (first & 0x0f) === 8 && (first * 256 + second) % 31 === 0;

const objectStreams = (bytes: Uint8Array, text: string): Array<Uint8Array> | undefined => {
  const starts = new Set<number>();
  for (const { name, end } of namesIn(text)) {
    if (name !== "ObjStm") continue;
    STREAM.lastIndex = end;
    const keyword = STREAM.exec(text);
    if (keyword !== null) starts.add(keyword.index + keyword[0].length);
  }
  const inflated: Array<Uint8Array> = [];
  let budget = INFLATE_BUDGET;
  for (const start of starts) {
    const end = text.indexOf("endstream", start);
    const data = bytes.subarray(start, end === -1 ? bytes.length : end);
    // Unfiltered object streams start with object numbers; the raw search has already seen them.
    if (/^\s*\d/u.test(text.slice(start, start + 16))) continue;
    if (data.length < 2 || !isZlibHeader(data[0] ?? 0, data[1] ?? 0)) return undefined;
    try {
      const output = inflateSync(data, {
        finishFlush: zlib.Z_SYNC_FLUSH,
        maxOutputLength: Math.max(budget, 1),
      });
      budget -= output.length;
      inflated.push(output);
    } catch {
      return undefined;
    }
  }
  return inflated;
};

const latin1 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

/** Checks an uploaded file: a PDF (%PDF- at the very start) without active or hidden content. */
export const inspect = (bytes: Uint8Array): Inspection => {
  const text = latin1(bytes);
  if (!text.startsWith("%PDF-")) return { _tag: "NotPdf" };
  const streams = objectStreams(bytes, text);
  if (streams === undefined) return { _tag: "Unreadable" };
  const found = new Set<Finding>();
  for (const part of [text, ...streams.map(latin1)]) {
    for (const { name } of namesIn(part)) {
      const finding = DANGEROUS.get(name);
      if (finding !== undefined) found.add(finding);
    }
  }
  return found.size === 0
    ? { _tag: "Accepted" }
    : { _tag: "ActiveContent", found: FINDINGS.filter((finding) => found.has(finding)) };
};

const DESCRIPTIONS: Readonly<Record<Finding, string>> = {
  javascript: "JavaScript",
  launch: "an action that opens another program",
  "embedded-file": "embedded files",
  "rich-media": "embedded media (such as video or Flash)",
  xfa: "an XFA form",
};

const list = (items: ReadonlyArray<string>): string =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

const RESAVE =
  'Save the document again as a plain PDF (for example, with "Print to PDF") and upload that.';

/** Why a file was refused, in plain English; undefined when it was accepted. */
export const describe = (inspection: Inspection): string | undefined => {
  switch (inspection._tag) {
    case "Accepted":
      return undefined;
    case "NotPdf":
      return "This file is not a PDF: it does not start with %PDF-. Upload the area report saved as a PDF.";
    case "Unreadable":
      return `Part of this PDF is compressed or encrypted in a way the portal cannot check for scripts. ${RESAVE}`;
    case "ActiveContent":
      return `This PDF contains ${list(inspection.found.map((finding) => DESCRIPTIONS[finding]))}, which could run or hide something when it is opened, so it cannot be kept. ${RESAVE}`;
  }
};
