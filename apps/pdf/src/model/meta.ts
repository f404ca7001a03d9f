// What every document carries besides its content: the PDF's title and language, and the line
// printed in each page's footer.
import { OPENMOJI_ATTRIBUTION } from "../assets/symbols.ts";

/** Every document is in British English. */
export const LANGUAGE = "en-GB";

export interface DocumentMeta {
  /** The PDF's title (`<title>`), shown by PDF readers and screen readers. */
  readonly title: string;
  readonly lang: typeof LANGUAGE;
  /** Printed at the foot of every page, beside the page number. */
  readonly footer: string;
  /** The symbol credit, when the document shows OpenMoji symbols. */
  readonly attribution: string | null;
}

export const documentMeta = (
  title: string,
  footer: string,
  options: { readonly symbols: boolean },
): DocumentMeta => ({
  title,
  lang: LANGUAGE,
  footer,
  attribution: options.symbols ? OPENMOJI_ATTRIBUTION : null,
});
