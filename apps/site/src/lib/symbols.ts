// OpenMoji symbols (CC BY-SA 4.0) used by the easy read pages, with what the attribution page needs.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Standards } from "@sequin/core";

const require = createRequire(import.meta.url);

export interface SymbolInfo {
  readonly hexcode: string;
  readonly annotation: string;
  readonly author: string;
}

export interface UsedSymbol extends SymbolInfo {
  /** Where the symbol appears, e.g. "Dining Experience and Healthy Weight, DHW-02". */
  readonly usedFor: ReadonlyArray<{ readonly label: string; readonly href: string }>;
}

/** Where a symbol is served on the site. */
export const symbolHref = (hexcode: string): string => `/symbols/${hexcode}.svg`;

/** The colour SVG of a symbol from the installed openmoji package. */
export const symbolSvg = (hexcode: string): Promise<string> =>
  readFile(require.resolve(`openmoji/color/svg/${hexcode}.svg`), "utf8");

let catalogue: Promise<ReadonlyMap<string, SymbolInfo>> | undefined;

const loadCatalogue = (): Promise<ReadonlyMap<string, SymbolInfo>> => {
  catalogue ??= readFile(require.resolve("openmoji/data/openmoji.json"), "utf8").then(
    (text) =>
      new Map(
        (
          JSON.parse(text) as ReadonlyArray<{
            hexcode: string;
            annotation: string;
            openmoji_author: string;
          }>
        ).map((entry) => [
          entry.hexcode,
          { hexcode: entry.hexcode, annotation: entry.annotation, author: entry.openmoji_author },
        ]),
      ),
  );
  return catalogue;
};

/** Every symbol the standards set uses, in the order the areas first use them. */
export const usedSymbols = async (
  set: Standards.StandardsSet,
  areaHref: (slug: string) => string,
): Promise<ReadonlyArray<UsedSymbol>> => {
  const known = await loadCatalogue();
  const used = new Map<string, Array<{ label: string; href: string }>>();
  const add = (hexcode: string, label: string, href: string) => {
    const list = used.get(hexcode) ?? [];
    list.push({ label, href });
    used.set(hexcode, list);
  };
  for (const area of set.areas) {
    const href = areaHref(area.slug);
    add(area.symbol, area.name, href);
    for (const standard of area.standards)
      add(standard.symbol, standard.id, `${href}#${standard.id}`);
  }
  return [...used].map(([hexcode, usedFor]) => {
    const info = known.get(hexcode);
    // The standards loader has already rejected unknown symbols, so this is a programming error.
    if (info === undefined) throw new Error(`${hexcode} is not an OpenMoji symbol`);
    return { ...info, usedFor };
  });
};
