/**
 * `@sequin/pdf`: SeQuIn's printable documents — the area tool, its easy-read version, the completed
 * area report and the network pack — as accessible A4 PDFs.
 *
 * Two steps: pure view-model builders and {@link renderHtml} (Handlebars, no browser), then
 * {@link createRenderer}, which keeps one warm Chromium to print the HTML. See docs/pdf.md.
 *
 * @module
 */
export { FONT_FAMILY, FontsMissing } from "./assets/fonts.ts";
export { OPENMOJI_ATTRIBUTION, UnknownSymbol } from "./assets/symbols.ts";
export { ChromiumUnavailable, defaultChromiumPath } from "./browser/chromium.ts";
export {
  createRenderer,
  createRendererPool,
  type PdfRenderer,
  RendererClosed,
  type RendererOptions,
  RendererPool,
  type RendererStats,
  RenderFailed,
} from "./browser/Renderer.ts";
export {
  renderChartSvg,
  renderDistributionChartSvg,
  renderNetworkChartSvg,
} from "./charts/render.ts";
export type { PageLayout, PdfDocument, PdfDocumentKind } from "./documents.ts";
export {
  renderHtml,
  type TemplateModels,
  type TemplateName,
  templateNames,
} from "./html/renderHtml.ts";
export { createPdfServer, type PdfServerOptions } from "./http/app.ts";
export {
  AreaReportInput,
  EvidenceAttachment,
  ServiceAreaBenchmark,
  WardAssessment,
} from "./input/AreaReportInput.ts";
export { AreaSlugInput, AreaToolInput, areaToolInput } from "./input/AreaToolInput.ts";
export { Distribution, PeerCode, PublicAreaBenchmark } from "./input/common.ts";
export {
  decodeInput,
  decodeInputSync,
  type InputProblem,
  InvalidPdfInput,
} from "./input/decode.ts";
export { BestPracticeTheme, NetworkPackArea, NetworkPackInput } from "./input/NetworkPackInput.ts";
export { type AreaReportModel, areaReportModel } from "./model/areaReport.ts";
export { type AreaToolModel, areaToolModel, areaToolModelFrom } from "./model/areaTool.ts";
export type { Chart, DistributionChart, StandingChart } from "./model/charts.ts";
export {
  EASY_READ_MIN_FONT_PT,
  type EasyReadToolModel,
  easyReadToolModel,
  easyReadToolModelFrom,
} from "./model/easyReadTool.ts";
export { type DocumentMeta, LANGUAGE } from "./model/meta.ts";
export { type NetworkPackModel, networkPackModel } from "./model/networkPack.ts";
