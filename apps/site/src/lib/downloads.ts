// The PDFs each area page links to. They are rendered by @sequin/pdf into public/downloads/ before
// Astro builds (scripts/build.ts); a page is never built with a link to a file that is not there.
import { open, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Standards } from "@sequin/core";

export const downloadsDir = fileURLToPath(new URL("../../public/downloads/", import.meta.url));

export interface Download {
  readonly href: string;
  readonly fileName: string;
  readonly bytes: number;
}

export interface AreaDownloads {
  readonly tool: Download;
  readonly easyRead: Download;
}

/** The two PDFs of an area, as the PDF renderer names them. */
export const downloadFileNames = (slug: string) =>
  ({ tool: `${slug}.pdf`, easyRead: `${slug}-easy-read.pdf` }) as const;

/** Why a file is not a usable PDF, or `undefined` when it is. */
export const pdfProblem = async (path: string): Promise<string | undefined> => {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? "is missing" : `cannot be read (${code})`;
  }
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await handle.read(head, 0, 5, 0);
    return bytesRead === 5 && head.toString("latin1") === "%PDF-" ? undefined : "is not a PDF";
  } finally {
    await handle.close();
  }
};

/**
 * Every area's downloads with their sizes. Throws, naming every missing or broken file, when any is
 * not a real PDF: the site must not link to something that is not there.
 */
export const readDownloads = async (
  set: Standards.StandardsSet,
  dir: string = downloadsDir,
): Promise<ReadonlyMap<string, AreaDownloads>> => {
  const problems: Array<string> = [];
  const found = new Map<string, AreaDownloads>();
  for (const area of set.areas) {
    const names = downloadFileNames(area.slug);
    const entry = async (fileName: string): Promise<Download | undefined> => {
      const path = join(dir, fileName);
      const problem = await pdfProblem(path);
      if (problem !== undefined) {
        problems.push(`${fileName} ${problem}`);
        return undefined;
      }
      return { href: `/downloads/${fileName}`, fileName, bytes: (await stat(path)).size };
    };
    const tool = await entry(names.tool);
    const easyRead = await entry(names.easyRead);
    if (tool !== undefined && easyRead !== undefined) found.set(area.slug, { tool, easyRead });
  }
  if (problems.length > 0) {
    throw new Error(
      `The area PDFs in ${dir} are not ready:\n${problems.map((problem) => `  ${problem}`).join("\n")}\n` +
        "Build the site with `pnpm --filter @sequin/site build`, which renders them first.",
    );
  }
  return found;
};
