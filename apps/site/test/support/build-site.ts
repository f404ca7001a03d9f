// Builds the site the way `pnpm --filter @sequin/site build` does, in a child process: each build
// loads its data once per process, so two builds with different settings need two processes.
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("../../scripts/build.ts", import.meta.url));

export interface BuildRun {
  readonly code: number;
  readonly output: string;
}

export const runBuild = (
  args: ReadonlyArray<string>,
  environment: Readonly<Record<string, string | undefined>>,
): Promise<BuildRun> =>
  new Promise((resolve) => {
    const env: Record<string, string> = { ASTRO_TELEMETRY_DISABLED: "1" };
    for (const [key, value] of Object.entries({ ...process.env, ...environment })) {
      if (value !== undefined) env[key] = value;
    }
    execFile(
      process.execPath,
      [script, ...args],
      { env, maxBuffer: 64 * 1024 * 1024, timeout: 540_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });

export const buildOrFail = async (
  args: ReadonlyArray<string>,
  environment: Readonly<Record<string, string | undefined>>,
): Promise<void> => {
  const run = await runBuild(args, environment);
  if (run.code !== 0) throw new Error(`the site build failed (${run.code}):\n${run.output}`);
};

/** Every page of a built site, as the URL path it is served at. */
export const htmlPages = async (root: string): Promise<ReadonlyArray<string>> => {
  const files = await readdir(root, { recursive: true });
  return files
    .filter((file) => file.endsWith(".html"))
    .map((file) => `/${relative(root, join(root, file)).split(sep).join("/")}`)
    .map((path) => (path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path))
    .sort();
};
