import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultStandardsDir } from "@sequin/standards";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectPdf } from "../support/pdf.ts";

const cli = fileURLToPath(new URL("../../src/cli/render-public.ts", import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const run = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv = {}): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr });
      },
    );
  });

let dir: string;
/** The real standards set cut down to one area, so the test renders two PDFs, not 24. */
let standards: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sequin-render-public-"));
  standards = join(dir, "standards-data");
  await mkdir(join(standards, "areas"), { recursive: true });
  const set = await readFile(join(defaultStandardsDir, "standards-set.yaml"), "utf8");
  await writeFile(
    join(standards, "standards-set.yaml"),
    set.replace(/^areas:\n(?:\s+- .+\n?)+/mu, "areas:\n  - technology\n"),
  );
  await copyFile(
    join(defaultStandardsDir, "areas", "technology.yaml"),
    join(standards, "areas", "technology.yaml"),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("render-public", () => {
  // Each case starts Node and Chromium afresh: slow on a busy machine, hence the long timeouts.
  it("writes each area's standard and easy-read PDF, with progress on stderr", {
    timeout: 120_000,
  }, async () => {
    const out = join(dir, "out");
    const result = await run(["--out", out, "--standards", standards]);
    expect(result.stderr).toMatch(/^\[1\/2\] technology(-easy-read)?\.pdf$/mu);
    expect(result.stderr).toMatch(/^\[2\/2\] technology(-easy-read)?\.pdf$/mu);
    expect(result.stderr).toMatch(/Rendered 2 PDFs \(standards 2021\.1\) to .*out in [\d.]+ s/u);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["technology-easy-read.pdf", "technology.pdf"]);
    const tool = await inspectPdf(await readFile(join(out, "technology.pdf")));
    expect(tool.info.Title).toBe("Technology: area tool");
    const easy = await inspectPdf(await readFile(join(out, "technology-easy-read.pdf")));
    expect(easy.info.Title).toBe("Technology: easy read");
  });

  it("exits non-zero with a clear message when it cannot do its job", {
    timeout: 120_000,
  }, async () => {
    const noOut = await run([]);
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toMatch(/--out is required/u);

    const badStandards = join(dir, "bad-standards");
    await mkdir(join(badStandards, "areas"), { recursive: true });
    await writeFile(join(badStandards, "standards-set.yaml"), "version: nope\n");
    const invalid = await run(["--out", join(dir, "unused"), "--standards", badStandards]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/standards data is not valid:[\s\S]*standards-set\.yaml/u);

    const noChromium = await run(["--out", join(dir, "unused"), "--standards", standards], {
      CHROMIUM_PATH: "/nonexistent/chromium",
    });
    expect(noChromium.code).toBe(1);
    expect(noChromium.stderr).toMatch(/Chromium was not found at \/nonexistent\/chromium/u);
  });
});
