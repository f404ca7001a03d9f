import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isNhsukCss, selfContainedNhsukCss } from "../../src/build/nhsuk-css.ts";

const require = createRequire(import.meta.url);

describe("the NHS.UK frontend CSS the site ships", () => {
  it("loads no font from another site, keeps every other rule and fetches icons from the package", async () => {
    const path = require.resolve("nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css");
    expect(isNhsukCss(path)).toBe(true);
    const original = await readFile(path, "utf8");
    const css = selfContainedNhsukCss(original);
    expect(original).toContain("@font-face");
    expect(css).not.toContain("@font-face");
    expect(css).not.toContain("assets.nhs.uk");
    expect(css).not.toContain("screen\\0");
    expect(css).not.toContain("url(/assets/");
    expect(css).toContain("url(./assets/images/nhsuk-icon-cross.svg)");
    expect(css).toContain(".nhsuk-header{");
    expect(css.length).toBeGreaterThan(original.length * 0.95);
  });

  it("removes nested blocks whole", () => {
    expect(
      selfContainedNhsukCss(
        "a{b:c}@media screen\\0 and (x){.d{e:f}.g{h:i}}@font-face{src:url(x)}.j{k:l}",
      ),
    ).toBe("a{b:c}.j{k:l}");
  });
});
