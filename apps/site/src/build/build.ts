// The whole site build: the area PDFs first (the pages link to them and show their sizes), then
// Astro, then a check that the output holds every PDF. Any failure stops the build: the site is
// never published with a missing download or results it could not read.
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatProblems, loadStandards, StandardsDataError } from "@sequin/standards";
import { Effect, Exit, Result } from "effect";
import { downloadsDir } from "../lib/downloads.ts";
import { loadPublicResults } from "../lib/results.ts";
import { siteData } from "../lib/site-data.ts";
import { checkPdfs, installPdfs, renderPdfs } from "./pdfs.ts";

export const siteRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface BuildOptions {
  /** Where the built site goes (default `dist/`). */
  readonly outDir?: string;
  /** Take already-rendered PDFs from this folder instead of rendering them again. */
  readonly pdfsFrom?: string;
}

const standardsSet = async () => {
  const exit = await Effect.runPromiseExit(loadStandards());
  if (Exit.isSuccess(exit)) return exit.value.set;
  const failure = exit.cause.reasons.find((reason) => reason._tag === "Fail");
  throw new Error(
    failure?.error instanceof StandardsDataError
      ? `standards-data/ is not valid:\n${formatProblems(failure.error.problems)}`
      : String(exit.cause),
  );
};

export const buildSite = async (options: BuildOptions = {}): Promise<string> => {
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  const outDir = resolve(options.outDir ?? join(siteRoot, "dist"));
  // Bad standards or results fail the build before the slow part.
  const set = await standardsSet();
  const results = await loadPublicResults(process.env.SEQUIN_PUBLIC_RESULTS, set);
  if (Result.isFailure(results)) throw results.failure;

  if (options.pdfsFrom === undefined) {
    const rendered = await renderPdfs(set);
    try {
      await installPdfs(set, rendered, downloadsDir);
    } finally {
      await rm(rendered, { recursive: true, force: true });
    }
  } else {
    await installPdfs(set, resolve(options.pdfsFrom), downloadsDir);
  }
  await siteData();
  const { build } = await import("astro");
  await build({ root: siteRoot, outDir, logLevel: "warn" });
  await checkPdfs(set, join(outDir, "downloads"));
  return outDir;
};
