// nhsuk-frontend's compiled CSS, made self-contained for this site (decision 020):
// - no @font-face: Frutiger is loaded from assets.nhs.uk and licensed to NHS.UK; the design
//   system's own fallback (Arial) is used, and the site makes no third-party requests;
// - icons resolved from the package rather than from /assets/images/ on the site's origin;
// - no `@media screen\0` blocks: Internet Explorer hacks that the CSS minifier cannot parse.

/** Removes every block starting with `prelude` (braces balanced), e.g. an at-rule and its rules. */
const removeBlocks = (css: string, isUnwanted: (prelude: string) => boolean): string => {
  let output = "";
  let index = 0;
  while (index < css.length) {
    const at = css.indexOf("@", index);
    if (at === -1) break;
    const open = css.indexOf("{", at);
    if (open === -1) break;
    const prelude = css.slice(at, open);
    if (!isUnwanted(prelude)) {
      output += css.slice(index, open + 1);
      index = open + 1;
      continue;
    }
    let depth = 1;
    let end = open + 1;
    while (end < css.length && depth > 0) {
      if (css[end] === "{") depth++;
      else if (css[end] === "}") depth--;
      end++;
    }
    output += css.slice(index, at);
    index = end;
  }
  return output + css.slice(index);
};

export const selfContainedNhsukCss = (css: string): string =>
  removeBlocks(
    css,
    (prelude) => prelude.startsWith("@font-face") || prelude.includes("\\0"),
  ).replaceAll("url(/assets/images/", "url(./assets/images/");

export const isNhsukCss = (id: string): boolean =>
  /nhsuk-frontend\/dist\/nhsuk\/nhsuk-frontend\.min\.css(?:\?.*)?$/u.test(id);
