import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { contentDisposition, sanitiseFilename } from "../src/resources/uploads/Filenames.ts";
import { describe as describeInspection, inspect } from "../src/resources/uploads/PdfInspection.ts";
import { buildPdf, objectStream } from "./support/pdf.ts";

const bytes = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));
const withCatalog = (catalog: string) => inspect(buildPdf({ catalog }));

describe("PdfInspection.inspect", () => {
  it("accepts a plain PDF", () => {
    expect(inspect(buildPdf())).toEqual({ _tag: "Accepted" });
    expect(describeInspection(inspect(buildPdf()))).toBeUndefined();
  });

  it("requires %PDF- at the very start", () => {
    for (const text of ["", "%PDF", "hello", " %PDF-1.4\n", "\ufeff%PDF-1.4", "%pdf-1.4\n"]) {
      expect(inspect(bytes(text)), JSON.stringify(text)).toEqual({ _tag: "NotPdf" });
    }
    expect(describeInspection({ _tag: "NotPdf" })).toMatch(/not a PDF/u);
  });

  it.each([
    ["/OpenAction << /S /JavaScript /JS (app.alert(1)) >>", ["javascript"]],
    ["/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>", ["javascript"]],
    ["/OpenAction << /S /#4A#61#76#61#53#63#72#69#70#74 >>", ["javascript"]],
    ["/AA << /O << /JS(x)>> >>", ["javascript"]],
    ["/OpenAction << /S /Launch /F (cmd.exe) >>", ["launch"]],
    ["/Names << /EmbeddedFiles 9 0 R >>", ["embedded-file"]],
    ["/X << /Type /EmbeddedFile >>", ["embedded-file"]],
    ["/X << /Type /R#69chMedia >>", ["rich-media"]],
    ["/AcroForm << /XFA 9 0 R >>", ["xfa"]],
    [
      "/OpenAction << /S /Launch >> /AcroForm << /XFA [] >> /J#53 (x)",
      ["javascript", "launch", "xfa"],
    ],
  ])("refuses %s", (catalog, found) => {
    expect(withCatalog(catalog)).toEqual({ _tag: "ActiveContent", found });
  });

  it("matches whole names only, ended by any PDF delimiter", () => {
    expect(withCatalog("/Launcher 1 /JSON 2 /XFAB 3 /MyJavaScript 4")._tag).toBe("Accepted");
    expect(withCatalog("/Java#20Script 1")._tag).toBe("Accepted");
    expect(inspect(bytes("%PDF-1.4\n/JS\0rest"))._tag).toBe("ActiveContent");
    expect(inspect(bytes("%PDF-1.4\n[/Launch]"))._tag).toBe("ActiveContent");
    expect(inspect(bytes("%PDF-1.4\n/EmbeddedFile%comment"))._tag).toBe("ActiveContent");
  });

  it("looks inside compressed object streams", () => {
    const hidden = objectStream("10 0 << /S /JavaScript /JS (app.alert(1)) >>");
    expect(inspect(buildPdf({ extra: [hidden] }))).toEqual({
      _tag: "ActiveContent",
      found: ["javascript"],
    });
    const escaped = objectStream("10 0 << /Type /EmbeddedFile >>", { typeName: "Obj#53tm" });
    expect(inspect(buildPdf({ extra: [escaped] }))._tag).toBe("ActiveContent");
    const benign = objectStream("10 0 << /Type /Annot /Subtype /Link >>");
    expect(inspect(buildPdf({ extra: [benign] }))._tag).toBe("Accepted");
    const uncompressed = objectStream("10 0 << /S /Launch >>", { raw: true });
    expect(inspect(buildPdf({ extra: [uncompressed] }))._tag).toBe("ActiveContent");
  });

  it("refuses object streams it cannot open rather than waving them through", () => {
    const broken = Buffer.concat([
      Buffer.from("<< /Type /ObjStm /N 1 /First 6 /Filter /FlateDecode >>\nstream\n", "latin1"),
      Buffer.from([0x12, 0x34, 0x56, 0x78]),
      Buffer.from("\nendstream", "latin1"),
    ]);
    const inspection = inspect(buildPdf({ extra: [broken] }));
    expect(inspection).toEqual({ _tag: "Unreadable" });
    expect(describeInspection(inspection)).toMatch(/cannot check/u);
  });

  it("explains what it found in plain English", () => {
    expect(
      describeInspection({ _tag: "ActiveContent", found: ["javascript", "embedded-file", "xfa"] }),
    ).toMatch(/^This PDF contains JavaScript, embedded files and an XFA form, which could run/u);
    expect(describeInspection({ _tag: "ActiveContent", found: ["launch"] })).toMatch(
      /contains an action that opens another program,/u,
    );
  });
});

describe("upload file names", () => {
  it("keeps a plain name and adds .pdf", () => {
    expect(sanitiseFilename("Technology 2021-22.pdf", "x.pdf")).toBe("Technology 2021-22.pdf");
    expect(sanitiseFilename("Technology report", "x.pdf")).toBe("Technology report.pdf");
    expect(sanitiseFilename("report.PDF", "x.pdf")).toBe("report.pdf");
    expect(sanitiseFilename("Évaluation café.pdf", "x.pdf")).toBe("Évaluation café.pdf");
  });

  it("drops paths, control and direction characters, and reserved characters", () => {
    expect(sanitiseFilename("../../etc/passwd", "x.pdf")).toBe("passwd.pdf");
    expect(sanitiseFilename("C:\\Users\\me\\report.pdf", "x.pdf")).toBe("report.pdf");
    expect(sanitiseFilename("evil\u202Efdp.exe", "x.pdf")).toBe("evilfdp.exe.pdf");
    expect(sanitiseFilename('a"b<c>|d?.pdf', "x.pdf")).toBe("a-b-c--d-.pdf");
    expect(sanitiseFilename("line\r\nbreak.pdf", "x.pdf")).toBe("linebreak.pdf");
    expect(sanitiseFilename("  ...hidden  ", "x.pdf")).toBe("hidden.pdf");
  });

  it("falls back when nothing usable is left, and caps the length", () => {
    expect(sanitiseFilename(undefined, "technology-2021-22.pdf")).toBe("technology-2021-22.pdf");
    expect(sanitiseFilename(" .pdf", "fallback.pdf")).toBe("fallback.pdf");
    expect(sanitiseFilename("/", "fallback.pdf")).toBe("fallback.pdf");
    expect(sanitiseFilename("a".repeat(300), "x.pdf")).toHaveLength(120);
  });

  it("writes an RFC 6266 attachment header with an ASCII fallback", () => {
    expect(contentDisposition("report.pdf")).toBe(
      "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf",
    );
    expect(contentDisposition("Évaluation (100%) d'été.pdf")).toBe(
      "attachment; filename=\"Evaluation (100_) d'ete.pdf\"; filename*=UTF-8''%C3%89valuation%20%28100%25%29%20d%27%C3%A9t%C3%A9.pdf",
    );
    expect(contentDisposition("日本.pdf")).toBe(
      "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.pdf",
    );
  });
});
