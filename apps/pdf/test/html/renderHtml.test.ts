import { describe, expect, it } from "vitest";
import { renderHtml, stylesheetSource } from "../../src/html/renderHtml.ts";
import { areaReportModel } from "../../src/model/areaReport.ts";
import { areaToolModel } from "../../src/model/areaTool.ts";
import { easyReadToolModel } from "../../src/model/easyReadTool.ts";
import { networkPackModel } from "../../src/model/networkPack.ts";
import { areaReportInput, fixtureSet, networkPackInput } from "../fixtures/inputs.ts";

const documents = {
  "area-tool": () => renderHtml("area-tool", areaToolModel(fixtureSet, "testing-area")),
  "easy-read-tool": () =>
    renderHtml("easy-read-tool", easyReadToolModel(fixtureSet, "testing-area")),
  "area-report": () => renderHtml("area-report", areaReportModel(areaReportInput)),
  "network-pack": () => renderHtml("network-pack", networkPackModel(networkPackInput)),
};

/** Snapshots keep the markup readable: the inlined fonts and symbol drawings are elided. */
const normalise = (html: string): string =>
  html
    .replace(/data:font\/ttf;base64,[A-Za-z0-9+/=]+/gu, "data:font/ttf;base64,…")
    .replace(
      /<svg class="symbol" data-symbol="([0-9A-F-]+)"[\s\S]*?<\/svg>/gu,
      '<svg class="symbol" data-symbol="$1">…</svg>',
    );

describe("renderHtml", () => {
  it.each(Object.keys(documents) as Array<keyof typeof documents>)(
    "renders the %s as before",
    async (name) => {
      await expect(normalise(documents[name]())).toMatchFileSnapshot(
        `./__snapshots__/${name}.html.snap`,
      );
    },
  );

  it.each(Object.keys(documents) as Array<keyof typeof documents>)(
    "makes the %s self-contained: language, title, inlined fonts, nothing fetched",
    (name) => {
      const html = documents[name]();
      expect(html.startsWith("<!doctype html>")).toBe(true);
      expect(html).toMatch(/<html lang="en-GB">/u);
      expect(html).toMatch(/<title>[^<]+<\/title>/u);
      expect(html).toMatch(
        /@font-face\{font-family:"SeQuIn Sans"[^}]*src:url\(data:font\/ttf;base64,/u,
      );
      // No reference that a browser would fetch: every src, href and url() is data: or in-page.
      for (const match of html.matchAll(/(?:src|href)="([^"]*)"|url\(([^)]*)\)/gu)) {
        const target = match[1] ?? match[2] ?? "";
        expect(target, match[0]).toMatch(/^(?:data:|#)/u);
      }
      expect(html).not.toMatch(/<script|<link|<img|<iframe/iu);
    },
  );

  it("uses h1–h3 headings for the outline", () => {
    const html = documents["area-tool"]();
    expect(html.match(/<h1>/gu)).toHaveLength(1);
    expect(html.match(/<h3>TST-0\d<\/h3>/gu)).toHaveLength(6);
  });

  it("escapes what people typed", () => {
    const html = documents["area-report"]();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("Agenda &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Testbury Hospital &lt;Unit A&gt;");
    expect(documents["area-tool"]()).toContain("with &lt;angle brackets&gt; &amp; ampersands");
  });

  it("credits OpenMoji wherever symbols appear, and puts a symbol beside every easy-read point", () => {
    for (const name of ["area-tool", "easy-read-tool", "area-report"] as const) {
      const html = documents[name]();
      expect(html).toContain('data-symbol="');
      expect(html).toContain("Symbols: OpenMoji (openmoji.org), CC BY-SA 4.0");
    }
    const easy = documents["easy-read-tool"]();
    const points = easy.match(/<div class="point">\s*<svg class="symbol"/gu) ?? [];
    // The area, five "how it works" points, six standards and the closing thank-you.
    expect(points).toHaveLength(1 + 5 + 6 + 1);
  });

  it("fails loudly, not blankly, when a model lacks a field", () => {
    const model = areaToolModel(fixtureSet, "testing-area");
    const { setLabel: _, ...broken } = model;
    expect(() => renderHtml("area-tool", broken as never)).toThrow(/setLabel/u);
  });

  it("sets every easy-read type size to at least 16 pt", () => {
    const sizes = (css: string) =>
      [...css.matchAll(/([^{}]+)\{([^}]*)\}/gu)].flatMap((rule) => {
        const size = /font-size:\s*([\d.]+)([a-z%]+)/u.exec(rule[2] ?? "");
        return size === null
          ? []
          : [
              {
                selector: (rule[1] ?? "").replace(/\/\*[\s\S]*?\*\//gu, "").trim(),
                value: Number(size[1]),
                unit: size[2],
              },
            ];
      });
    const easy = sizes(stylesheetSource("easy-read"));
    for (const rule of easy) {
      expect(rule.unit, rule.selector).toBe("pt");
      expect(rule.value, rule.selector).toBeGreaterThanOrEqual(16);
    }
    // A smaller size in the shared sheet is either overridden for easy read or never used there.
    const html = documents["easy-read-tool"]();
    const overridden = new Set(easy.map((rule) => rule.selector));
    for (const rule of sizes(stylesheetSource("base")).filter((rule) => rule.value < 16)) {
      if (overridden.has(rule.selector)) continue;
      for (const name of rule.selector.match(/\.[\w-]+/gu) ?? []) {
        expect(html, rule.selector).not.toMatch(
          new RegExp(`class="(?:[^"]* )?${name.slice(1)}[ "]`, "u"),
        );
      }
      for (const element of rule.selector.match(/^[a-z][\w-]*$/gmu) ?? []) {
        expect(html, rule.selector).not.toContain(`<${element}`);
      }
    }
  });
});
