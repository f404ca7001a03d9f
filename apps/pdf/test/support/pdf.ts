// Reading real PDFs with poppler-utils (pdfinfo, pdffonts, pdftotext), as a person's PDF reader
// would see them. A missing tool fails the test: these checks never skip.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface Inspected {
  readonly info: Readonly<Record<string, string>>;
  readonly pages: number;
  readonly fonts: ReadonlyArray<{ readonly name: string; readonly embedded: boolean }>;
  readonly text: string;
  /** Text blocks as poppler lays them out (a heading, a paragraph, a table cell), lines joined. */
  readonly blocks: ReadonlyArray<string>;
  /** Every word with the height of its box in points (the font size × the font's line height). */
  readonly words: ReadonlyArray<{ readonly word: string; readonly height: number }>;
  /** The raw file as latin1, for catalog entries (/Lang, /StructTreeRoot, /Outlines). */
  readonly raw: string;
}

const decodeEntities = (text: string) =>
  text
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, "&");

export const inspectPdf = async (pdf: Uint8Array): Promise<Inspected> => {
  const dir = await mkdtemp(join(tmpdir(), "sequin-pdf-test-"));
  const file = join(dir, "document.pdf");
  try {
    await writeFile(file, pdf);
    const [info, fonts, text, layout] = await Promise.all([
      run("pdfinfo", [file]),
      run("pdffonts", [file]),
      run("pdftotext", ["-enc", "UTF-8", file, "-"]),
      run("pdftotext", ["-enc", "UTF-8", "-bbox-layout", file, "-"], { maxBuffer: 64 << 20 }),
    ]);
    const fields = Object.fromEntries(
      info.stdout
        .split("\n")
        .map((line) => /^([^:]+):\s*(.*)$/u.exec(line))
        .filter((match) => match !== null)
        .map((match) => [match[1] as string, match[2] as string]),
    );
    const blocks = [...layout.stdout.matchAll(/<block[^>]*>([\s\S]*?)<\/block>/gu)].map((block) =>
      [...(block[1] ?? "").matchAll(/<word[^>]*>([^<]*)<\/word>/gu)]
        .map((word) => decodeEntities(word[1] ?? ""))
        .join(" "),
    );
    const words = [
      ...layout.stdout.matchAll(
        /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/gu,
      ),
    ].map((match) => ({
      word: decodeEntities(match[3] ?? ""),
      height: Number(match[2]) - Number(match[1]),
    }));
    return {
      info: fields,
      pages: Number(fields.Pages),
      fonts: fonts.stdout
        .split("\n")
        .slice(2)
        .filter((line) => line.trim() !== "")
        .map((line) => {
          const columns = line.trim().split(/\s+/u);
          // name, type (one or more words), encoding, emb, sub, uni, object, id
          return { name: columns[0] as string, embedded: columns.at(-5) === "yes" };
        }),
      text: text.stdout,
      blocks,
      words,
      raw: Buffer.from(pdf).toString("latin1"),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** Liberation Sans's ascent + descent, in ems: a word box's height is the font size times this. */
export const LIBERATION_LINE = 0.905 + 0.212;
