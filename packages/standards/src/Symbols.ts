import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

let known: Promise<ReadonlySet<string>> | undefined;

/** Every OpenMoji hexcode in the installed `openmoji` package. */
export const openMojiHexcodes = (): Promise<ReadonlySet<string>> => {
  known ??= readFile(require.resolve("openmoji/data/openmoji.json"), "utf8").then(
    (text) =>
      new Set(
        (JSON.parse(text) as ReadonlyArray<{ hexcode: string }>).map((emoji) => emoji.hexcode),
      ),
  );
  return known;
};
