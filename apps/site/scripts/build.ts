// Builds the public site: `node scripts/build.ts [--out DIR] [--pdfs-from DIR]`.
import { parseArgs } from "node:util";
import { buildSite } from "../src/build/build.ts";

const { values } = parseArgs({
  options: { out: { type: "string" }, "pdfs-from": { type: "string" } },
});

try {
  const outDir = await buildSite({
    ...(values.out === undefined ? {} : { outDir: values.out }),
    ...(values["pdfs-from"] === undefined ? {} : { pdfsFrom: values["pdfs-from"] }),
  });
  console.log(`The site is built in ${outDir}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
