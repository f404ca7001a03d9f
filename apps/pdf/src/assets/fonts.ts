// The fonts every document embeds, inlined as data: URLs so that rendering never touches the network
// and every machine prints the same glyphs. Liberation Sans has Arial's metrics (the NHS fallback for
// Frutiger); only regular and bold are inlined, because each face adds ~180 kB to every page load.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The CSS font family the stylesheets use for the embedded faces. */
export const FONT_FAMILY = "SeQuIn Sans";

/** Where Debian's fonts-liberation package puts Liberation Sans. */
export const defaultFontDir = "/usr/share/fonts/truetype/liberation";

const faces = [
  { file: "LiberationSans-Regular.ttf", weight: 400 },
  { file: "LiberationSans-Bold.ttf", weight: 700 },
] as const;

/** A font file the documents need is missing or unreadable. */
export class FontsMissing extends Error {
  override readonly name = "FontsMissing";
}

let cached: string | undefined;

/**
 * `@font-face` rules for the embedded faces. Read once: the files never change while running.
 * Throws {@link FontsMissing} naming the file when a font is not installed.
 */
export const fontFaceCss = (dir: string = defaultFontDir): string => {
  if (cached !== undefined && dir === defaultFontDir) return cached;
  const css = faces
    .map(({ file, weight }) => {
      const path = join(dir, file);
      let data: Buffer;
      try {
        data = readFileSync(path);
      } catch (error) {
        throw new FontsMissing(
          `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}): install the fonts-liberation package`,
        );
      }
      return `@font-face{font-family:"${FONT_FAMILY}";font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/ttf;base64,${data.toString("base64")}) format("truetype")}`;
    })
    .join("\n");
  if (dir === defaultFontDir) cached = css;
  return css;
};
