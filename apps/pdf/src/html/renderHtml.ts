// The pure step: a document's view model to self-contained HTML (fonts, styles, symbols and charts
// inlined). Handlebars runs in strict mode, so a missing field is an error rather than a silent blank,
// and escapes every value; only helpers that build markup from trusted sources return SafeStrings.
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import { fontFaceCss } from "../assets/fonts.ts";
import { symbolSvg } from "../assets/symbols.ts";
import { renderChartSvg } from "../charts/render.ts";
import type { AreaReportModel } from "../model/areaReport.ts";
import type { AreaToolModel } from "../model/areaTool.ts";
import type { Chart } from "../model/charts.ts";
import type { EasyReadToolModel } from "../model/easyReadTool.ts";
import type { NetworkPackModel } from "../model/networkPack.ts";

/** The documents' templates, each with its view model. */
export interface TemplateModels {
  readonly "area-tool": AreaToolModel;
  readonly "easy-read-tool": EasyReadToolModel;
  readonly "area-report": AreaReportModel;
  readonly "network-pack": NetworkPackModel;
}
export type TemplateName = keyof TemplateModels;

export const templateNames: ReadonlyArray<TemplateName> = [
  "area-tool",
  "easy-read-tool",
  "area-report",
  "network-pack",
];

const STYLESHEETS = ["area-tool", "easy-read", "report"] as const;
type Stylesheet = (typeof STYLESHEETS)[number];

const read = (path: string): string =>
  readFileSync(new URL(`../templates/${path}`, import.meta.url), "utf8");

/** A pie-style gauge: how much of a score's maximum it is, as a picture. */
const gaugeSvg = (fill: number): string => {
  const share = Math.min(1, Math.max(0, fill));
  const r = 14;
  const angle = share * 2 * Math.PI;
  const x = 16 + r * Math.sin(angle);
  const y = 16 - r * Math.cos(angle);
  const slice =
    share >= 1
      ? `<circle cx="16" cy="16" r="${r}" fill="#005eb8"/>`
      : share <= 0
        ? ""
        : `<path d="M16 16 L16 2 A${r} ${r} 0 ${share > 0.5 ? 1 : 0} 1 ${x.toFixed(2)} ${y.toFixed(2)} Z" fill="#005eb8"/>`;
  return `<svg class="gauge" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><circle cx="16" cy="16" r="${r}" fill="#fff" stroke="#212b32" stroke-width="2"/>${slice}<circle cx="16" cy="16" r="${r}" fill="none" stroke="#212b32" stroke-width="2"/></svg>`;
};

const environment = (() => {
  const hbs = Handlebars.create();
  const safe = (html: string) => new hbs.SafeString(html);
  const styles = new Map<Stylesheet, string>();
  hbs.registerHelper("symbol", (hexcode: unknown) => safe(symbolSvg(String(hexcode))));
  hbs.registerHelper("renderChart", (chart: Chart) => safe(renderChartSvg(chart)));
  hbs.registerHelper("gauge", (fill: unknown) => safe(gaugeSvg(Number(fill))));
  hbs.registerHelper("lines", (count: unknown) =>
    safe('<span class="line"></span>'.repeat(Math.max(0, Math.min(20, Number(count))))),
  );
  hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hbs.registerHelper("stylesheet", (name: unknown) => {
    if (!STYLESHEETS.includes(name as Stylesheet)) throw new Error(`no stylesheet "${name}"`);
    const sheet = name as Stylesheet;
    let css = styles.get(sheet);
    if (css === undefined) {
      css = `${fontFaceCss()}\n${read("styles/base.css")}\n${read(`styles/${sheet}.css`)}`;
      styles.set(sheet, css);
    }
    return safe(`<style>\n${css}\n</style>`);
  });
  for (const partial of ["head", "credits"]) {
    hbs.registerPartial(partial, read(`partials/${partial}.hbs`));
  }
  return hbs;
})();

const compiled = new Map<TemplateName, Handlebars.TemplateDelegate>();

const templateOf = (name: TemplateName): Handlebars.TemplateDelegate => {
  let template = compiled.get(name);
  if (template === undefined) {
    if (!templateNames.includes(name)) throw new Error(`no template "${name}"`);
    template = environment.compile(read(`${name}.hbs`), { strict: true, noEscape: false });
    compiled.set(name, template);
  }
  return template;
};

/**
 * Renders a document's view model to self-contained HTML: no browser, no network, the same output
 * for the same model.
 *
 * @example
 * ```ts
 * import { areaToolModel, renderHtml } from "@sequin/pdf"
 * declare const set: import("@sequin/core").Standards.StandardsSet
 * renderHtml("area-tool", areaToolModel(set, "technology")).startsWith("<!doctype html>")
 * ```
 */
export const renderHtml = <K extends TemplateName>(template: K, model: TemplateModels[K]): string =>
  templateOf(template)(model).trimStart();

/** A stylesheet's own CSS (without the fonts or the shared sheet), for tests of what it sets. */
export const stylesheetSource = (name: Stylesheet | "base"): string => read(`styles/${name}.css`);
