// OpenMoji symbols inlined as SVG (color set, CC BY-SA 4.0). The standards data names symbols by
// hexcode and the loader has checked they exist; here they are read once and cached.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The credit every document that shows symbols must print. */
export const OPENMOJI_ATTRIBUTION = "Symbols: OpenMoji (openmoji.org), CC BY-SA 4.0";

const HEXCODE = /^[0-9A-F]{4,6}(?:-[0-9A-F]{4,6})*$/u;

const svgDir = join(
  dirname(createRequire(import.meta.url).resolve("openmoji/package.json")),
  "color",
  "svg",
);

const cache = new Map<string, string>();

/** A symbol that is not in the installed OpenMoji set. */
export class UnknownSymbol extends Error {
  override readonly name = "UnknownSymbol";
}

/**
 * The SVG markup of an OpenMoji symbol, ready to inline: decorative (`aria-hidden`), because the
 * text beside it carries the meaning, with its ids made unique to the symbol so that several symbols
 * in one page never share an id.
 */
export const symbolSvg = (hexcode: string): string => {
  const hit = cache.get(hexcode);
  if (hit !== undefined) return hit;
  // The pattern keeps a hexcode from naming any file outside the symbol folder.
  if (!HEXCODE.test(hexcode)) throw new UnknownSymbol(`"${hexcode}" is not an OpenMoji hexcode`);
  let source: string;
  try {
    source = readFileSync(join(svgDir, `${hexcode}.svg`), "utf8");
  } catch {
    throw new UnknownSymbol(`OpenMoji has no symbol ${hexcode}`);
  }
  const prefix = `om-${hexcode}-`;
  const svg = source
    .replace(/<\?xml[^>]*>\s*/u, "")
    .replace(/\sid="([^"]*)"/gu, ` id="${prefix}$1"`)
    .replace(/url\(#([^)]*)\)/gu, `url(#${prefix}$1)`)
    .replace(/href="#([^"]*)"/gu, `href="#${prefix}$1"`)
    .replace(
      /<svg\b/u,
      `<svg class="symbol" data-symbol="${hexcode}" aria-hidden="true" focusable="false"`,
    )
    .trim();
  cache.set(hexcode, svg);
  return svg;
};
