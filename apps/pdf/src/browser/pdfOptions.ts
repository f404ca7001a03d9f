// How every page is printed: A4, tagged, with an outline from the headings, backgrounds, and a footer
// with the document's name and "Page N of M".
import type { PDFOptions } from "puppeteer-core";
import type { PageLayout } from "../documents.ts";

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Chromium prints headers and footers in a separate document that cannot load the page's web fonts,
 * so the footer names the installed Liberation Sans (the same face, embedded in the PDF as well).
 */
const footerTemplate = (layout: PageLayout): string =>
  `<div style="box-sizing:border-box;width:100%;padding:0 15mm;display:flex;justify-content:space-between;gap:12pt;font-family:'Liberation Sans',Arial,sans-serif;font-size:${layout.footerPt}pt;color:#4c6272;-webkit-print-color-adjust:exact"><span>${escapeHtml(layout.footer)}</span><span style="white-space:nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

export const pdfOptions = (layout: PageLayout, timeout: number): PDFOptions => ({
  format: "A4",
  tagged: true,
  outline: true,
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: "<span></span>",
  footerTemplate: footerTemplate(layout),
  margin: {
    top: "15mm",
    bottom: `${Math.max(16, 8 + layout.footerPt * 0.9).toFixed(0)}mm`,
    left: "15mm",
    right: "15mm",
  },
  // Fonts are inlined, so they are ready soon after load; this waits for document.fonts.ready.
  waitForFonts: true,
  timeout,
});
