// Renders the public area PDFs — each area of the current standards set, standard and easy read —
// into a folder, for the public site's build:
//
//   node apps/pdf/src/cli/render-public.ts --out <dir> [--standards <dir>] [--concurrency <n>]
//
// Writes <dir>/<area-slug>.pdf and <dir>/<area-slug>-easy-read.pdf (24 files for 12 areas), shows
// progress on stderr and exits non-zero with a clear message when anything fails.
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { PdfDocument } from "../documents.ts";
import { createProgress } from "./progress.ts";

const USAGE =
  "usage: render-public --out <dir> [--standards <standards-data dir>] [--concurrency <n>]";

const fail = (message: string): never => {
  process.stderr.write(`render-public: ${message}\n`);
  process.exit(1);
};

const parse = () => {
  try {
    // pnpm passes a literal "--" through to the script.
    return parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== "--"),
      options: {
        out: { type: "string" },
        standards: { type: "string" },
        concurrency: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
};

const args = parse();
if (args.help === true) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (args.out === undefined || args.out.trim() === "") fail(`--out is required\n${USAGE}`);
const concurrency = args.concurrency === undefined ? undefined : Number(args.concurrency);
if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
  fail(`--concurrency must be a whole number of at least 1, got "${args.concurrency}"`);
}

// Under `pnpm --filter … render-public` the working directory is this package's; a relative --out
// means the directory the command was typed in.
const base =
  process.env.npm_lifecycle_event === "render-public" && process.env.INIT_CWD !== undefined
    ? process.env.INIT_CWD
    : process.cwd();
const out = resolve(base, args.out as string);

const started = performance.now();
// Loaded once the arguments are known to be good, so a usage error answers at once.
const [
  { loadStandards },
  { Effect },
  { createRenderer },
  { areaToolModel },
  { easyReadToolModel },
] = await Promise.all([
  import("@sequin/standards"),
  import("effect"),
  import("../browser/Renderer.ts"),
  import("../model/areaTool.ts"),
  import("../model/easyReadTool.ts"),
]);
const loaded = await Effect.runPromise(
  Effect.result(
    args.standards === undefined ? loadStandards() : loadStandards(resolve(base, args.standards)),
  ),
);
if (loaded._tag === "Failure") fail(`the standards data is not valid:\n${loaded.failure.message}`);
const { set } = (loaded as Extract<typeof loaded, { _tag: "Success" }>).success;

const jobs: Array<{ file: string; document: PdfDocument }> = set.areas.flatMap((area) => [
  {
    file: `${area.slug}.pdf`,
    document: { kind: "area-tool", model: areaToolModel(set, area.slug) },
  },
  {
    file: `${area.slug}-easy-read.pdf`,
    document: { kind: "easy-read-tool", model: easyReadToolModel(set, area.slug) },
  },
]);

try {
  await mkdir(out, { recursive: true });
} catch (error) {
  fail(`cannot create ${out}: ${(error as Error).message}`);
}

const renderer = await createRenderer(concurrency === undefined ? {} : { concurrency }).catch(
  (error: unknown) => fail((error as Error).message),
);

const progress = createProgress(jobs.length);
const failures: Array<string> = [];
await Promise.all(
  jobs.map(async ({ file, document }) => {
    const path = join(out, file);
    // Written beside and renamed, so a failed run never leaves a truncated PDF under the real name.
    const partial = `${path}.partial`;
    try {
      await writeFile(partial, await renderer.render(document));
      await rename(partial, path);
      progress.step(file);
    } catch (error) {
      await rm(partial, { force: true });
      failures.push(`${file}: ${(error as Error).message}`);
      progress.step(`${file} FAILED`);
    }
  }),
);
await renderer.close();

if (failures.length > 0) {
  fail(`${failures.length} of ${jobs.length} PDFs failed:\n${failures.join("\n")}`);
}
progress.done(
  `Rendered ${jobs.length} PDFs (standards ${set.version}) to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
