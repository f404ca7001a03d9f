// Real PDFs of every document, checked as a reader would see them.
import { EasyRead } from "@sequin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRendererPool, type RendererPool } from "../../src/browser/Renderer.ts";
import type { PdfDocument } from "../../src/documents.ts";
import { areaReportModel } from "../../src/model/areaReport.ts";
import { areaToolModel } from "../../src/model/areaTool.ts";
import { EASY_READ_MIN_FONT_PT, easyReadToolModel } from "../../src/model/easyReadTool.ts";
import { networkPackModel } from "../../src/model/networkPack.ts";
import { areaReportInput, fixtureSet, networkPackInput } from "../fixtures/inputs.ts";
import { type Inspected, inspectPdf, LIBERATION_LINE } from "../support/pdf.ts";
import { realStandards } from "../support/standards.ts";

let renderer: RendererPool;
const pdfs = new Map<string, { document: PdfDocument; pdf: Inspected }>();

beforeAll(async () => {
  renderer = await createRendererPool({ concurrency: 2 });
  const set = await realStandards();
  const documents: Record<string, PdfDocument> = {
    "area-tool": { kind: "area-tool", model: areaToolModel(fixtureSet, "testing-area") },
    "easy-read-tool": {
      kind: "easy-read-tool",
      model: easyReadToolModel(fixtureSet, "testing-area"),
    },
    "area-report": { kind: "area-report", model: areaReportModel(areaReportInput) },
    "network-pack": { kind: "network-pack", model: networkPackModel(networkPackInput) },
    "real-area-tool": { kind: "area-tool", model: areaToolModel(set, "cpa-standards") },
    "real-easy-read-tool": {
      kind: "easy-read-tool",
      model: easyReadToolModel(set, "dining-experience-and-healthy-weight"),
    },
  };
  await Promise.all(
    Object.entries(documents).map(async ([name, document]) => {
      pdfs.set(name, { document, pdf: await inspectPdf(await renderer.render(document)) });
    }),
  );
}, 120_000);

afterAll(async () => {
  await renderer?.close();
});

const get = (name: string) => {
  const entry = pdfs.get(name);
  if (entry === undefined) throw new Error(`${name} was not rendered`);
  return entry;
};

const names = [
  "area-tool",
  "easy-read-tool",
  "area-report",
  "network-pack",
  "real-area-tool",
  "real-easy-read-tool",
];

describe("every document", () => {
  it.each(names)("%s is A4, tagged, titled, in British English, with an outline", (name) => {
    const { document, pdf } = get(name);
    expect(pdf.info["Page size"]).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/u);
    expect(pdf.info.Tagged).toBe("yes");
    expect(pdf.info.Title).toBe(document.model.meta.title);
    expect(pdf.raw).toContain("/Lang (en-GB)");
    expect(pdf.raw).toContain("/StructTreeRoot");
    expect(pdf.raw).toMatch(/\/Outlines \d+ 0 R/u);
    expect(pdf.info.JavaScript).toBe("no");
  });

  it.each(names)("%s embeds every font it uses", (name) => {
    const { fonts } = get(name).pdf;
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(fonts.some((font) => /LiberationSans/u.test(font.name))).toBe(true);
  });

  it.each(names)("%s numbers its pages and prints its footer on each", (name) => {
    const { document, pdf } = get(name);
    expect(pdf.pages).toBeGreaterThan(0);
    for (let page = 1; page <= pdf.pages; page++) {
      expect(pdf.text).toContain(`Page ${page} of ${pdf.pages}`);
    }
    const text = pdf.text.replace(/\s+/gu, " ");
    const footers = text.split(document.model.meta.footer).length - 1;
    expect(footers).toBe(pdf.pages);
  });
});

describe("the area tool", () => {
  it("prints every standard with room for both views, the agreed score, evidence and actions", () => {
    const { pdf } = get("area-tool");
    for (const text of [
      "Testing Area",
      "Area tool · Test standards, version 2099.1",
      "with <angle brackets> & ampersands",
      "Every ward holds a weekly meeting.",
      "Service users’ view",
      "Staff view",
      "Agreed score",
      "Why we agreed this score",
      "Actions: what, who and by when",
      "Symbols: OpenMoji (openmoji.org), CC BY-SA 4.0",
    ]) {
      expect(pdf.text).toContain(text);
    }
    for (let n = 1; n <= 6; n++) expect(pdf.raw).toContain(`/Title (TST-0${n})`);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.pages).toBeLessThanOrEqual(6);
  });

  it("fits a real 12-standard area on a sensible number of pages", () => {
    const { pdf } = get("real-area-tool");
    expect(pdf.text).toContain("CPA-12");
    expect(pdf.pages).toBeGreaterThanOrEqual(4);
    expect(pdf.pages).toBeLessThanOrEqual(12);
  });
});

describe("the easy-read tool", () => {
  it.each(["easy-read-tool", "real-easy-read-tool"])(
    "%s keeps every sentence to 15 words or fewer",
    (name) => {
      const { pdf } = get(name);
      // A sentence ends at . ! or ?, or where a text block ends (a heading, a label, a cell);
      // lines wrapped within a paragraph stay one block, so a long sentence cannot hide in a wrap.
      const sentences = pdf.blocks.flatMap((block) => EasyRead.sentences(block));
      expect(sentences.length).toBeGreaterThan(20);
      const long = sentences.filter((sentence) => EasyRead.wordCount(sentence) > 15);
      expect(long).toEqual([]);
    },
  );

  it.each(["easy-read-tool", "real-easy-read-tool"])(
    "%s sets every word in at least 16 pt",
    (name) => {
      const { words } = get(name).pdf;
      expect(words.length).toBeGreaterThan(100);
      const smallest = Math.min(...words.map((word) => word.height)) / LIBERATION_LINE;
      expect(smallest).toBeGreaterThanOrEqual(EASY_READ_MIN_FONT_PT - 0.05);
    },
  );

  it("shows the score choices as pictures with their words, and credits the symbols", () => {
    const { pdf } = get("real-easy-read-tool");
    for (const text of [
      "Not happening",
      "Just starting",
      "Mostly happening",
      "Always happening",
      "Tick one box.",
      "Symbols: OpenMoji (openmoji.org), CC BY-SA 4.0",
      "Your meals are cooked fresh at the hospital.",
    ]) {
      expect(pdf.text.replace(/\s+/gu, " ")).toContain(text);
    }
    expect(pdf.pages).toBeLessThanOrEqual(24);
  });

  it("keeps a sentence-length check that can fail", () => {
    const long = "This sentence has far too many words to be easy to read for anyone at all today.";
    expect(EasyRead.sentences(long).filter((s) => EasyRead.wordCount(s) > 15)).toHaveLength(1);
  });
});

describe("the area report", () => {
  it("prints scores with coverage, the area score, evidence, actions and the network chart", () => {
    const text = get("area-report").pdf.text.replace(/\s+/gu, " ");
    for (const expected of [
      "Area report · Testbury Hospital <Unit A> · 2021/22",
      "46%",
      "5.5 points of a possible 12",
      "2 of 3 wards scored it",
      "Agenda <script>alert(1)</script>",
      "minutes-april.pdf",
      "Set up an action tracker.",
      "Overdue",
      "S-7KQ3",
      "Median",
      "40th percentile",
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe("the network pack", () => {
  it("has a cover, the results per area with charts, themes, and withheld areas", () => {
    const { pdf } = get("network-pack");
    const text = pdf.text.replace(/\s+/gu, " ");
    for (const expected of [
      "Network results 2021/22",
      "Test Network",
      "All areas at a glance",
      "Service users co-chair meetings",
      "Withheld: fewer than 5 took part",
      "Quiet Area (withheld: 3 of 5 needed)",
      "The median changed by +4 percentage points since 2020/21",
    ]) {
      expect(text).toContain(expected);
    }
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.raw).toContain("/Title (Quiet Area)");
  });
});
