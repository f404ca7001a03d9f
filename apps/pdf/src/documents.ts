// The documents the renderer prints: each kind's view model, its HTML and its page layout.
import { renderHtml } from "./html/renderHtml.ts";
import type { AreaReportModel } from "./model/areaReport.ts";
import type { AreaToolModel } from "./model/areaTool.ts";
import type { EasyReadToolModel } from "./model/easyReadTool.ts";
import type { DocumentMeta } from "./model/meta.ts";
import type { NetworkPackModel } from "./model/networkPack.ts";

/** A document to render: its kind and the view model its builder made. */
export type PdfDocument =
  | { readonly kind: "area-tool"; readonly model: AreaToolModel }
  | { readonly kind: "easy-read-tool"; readonly model: EasyReadToolModel }
  | { readonly kind: "area-report"; readonly model: AreaReportModel }
  | { readonly kind: "network-pack"; readonly model: NetworkPackModel };

export type PdfDocumentKind = PdfDocument["kind"];

/** What the browser step needs besides the HTML: the footer's text and size. */
export interface PageLayout {
  readonly footer: string;
  /** Footer type size in points; easy read keeps to its 16 pt minimum even here. */
  readonly footerPt: number;
}

const layoutOf = (meta: DocumentMeta, footerPt: number): PageLayout => ({
  footer: meta.footer,
  footerPt,
});

/** A document's HTML and page layout. */
export const prepare = (document: PdfDocument): { html: string; layout: PageLayout } => {
  switch (document.kind) {
    case "area-tool":
      return {
        html: renderHtml("area-tool", document.model),
        layout: layoutOf(document.model.meta, 8),
      };
    case "easy-read-tool":
      return {
        html: renderHtml("easy-read-tool", document.model),
        layout: layoutOf(document.model.meta, document.model.minFontPt),
      };
    case "area-report":
      return {
        html: renderHtml("area-report", document.model),
        layout: layoutOf(document.model.meta, 8),
      };
    case "network-pack":
      return {
        html: renderHtml("network-pack", document.model),
        layout: layoutOf(document.model.meta, 8),
      };
  }
};
