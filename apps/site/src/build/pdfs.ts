// The area PDFs come from @sequin/pdf's public renderer, run as its own process: it owns Chromium
// and its templates, and the site only checks that every file it will link to is a real PDF.
import { spawn } from "node:child_process";
import { access, copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Standards } from "@sequin/core";
import { downloadFileNames, pdfProblem } from "../lib/downloads.ts";

const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const rendererCli = join(repositoryRoot, "apps/pdf/src/cli/render-public.ts");

/** The files the site links to, for every area. */
export const expectedPdfs = (set: Standards.StandardsSet): ReadonlyArray<string> =>
  set.areas.flatMap((area) => {
    const names = downloadFileNames(area.slug);
    return [names.tool, names.easyRead];
  });

/** Fails naming every expected file in `dir` that is missing or not a PDF. */
export const checkPdfs = async (set: Standards.StandardsSet, dir: string): Promise<void> => {
  const problems: Array<string> = [];
  for (const name of expectedPdfs(set)) {
    const problem = await pdfProblem(join(dir, name));
    if (problem !== undefined) problems.push(`${name} ${problem}`);
  }
  if (problems.length > 0) {
    throw new Error(
      `The PDFs in ${dir} are not complete:\n${problems.map((line) => `  ${line}`).join("\n")}`,
    );
  }
};

const run = (command: string, args: ReadonlyArray<string>): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repositoryRoot, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`the PDF renderer stopped with ${signal ?? `exit code ${code}`}`)),
    );
  });

/** Renders every area's two PDFs with @sequin/pdf into a fresh folder and checks them. */
export const renderPdfs = async (set: Standards.StandardsSet): Promise<string> => {
  try {
    await access(rendererCli);
  } catch {
    throw new Error(`The PDF renderer ${rendererCli} is missing, so the area PDFs cannot be made.`);
  }
  const dir = await mkdtemp(join(tmpdir(), "sequin-site-pdfs-"));
  try {
    await run(process.execPath, [rendererCli, "--out", dir]);
    await checkPdfs(set, dir);
    return dir;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
};

/** Replaces `target`'s contents with the expected PDFs from `source` (nothing else is kept). */
export const installPdfs = async (
  set: Standards.StandardsSet,
  source: string,
  target: string,
): Promise<void> => {
  await checkPdfs(set, source);
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  for (const name of expectedPdfs(set)) await copyFile(join(source, name), join(target, name));
};
