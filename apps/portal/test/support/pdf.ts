// Small PDFs built by hand, with a correct cross-reference table, for the upload tests.
import { Buffer } from "node:buffer";
import { deflateSync } from "node:zlib";

const latin1 = (text: string) => Buffer.from(text, "latin1");

const PAGE_TEXT = "BT /F1 12 Tf 72 770 Td (Involvement) Tj ET";

/** A one-page PDF; `extra` objects (bodies without "n 0 obj") are appended after the page. */
export const buildPdf = (
  options: { catalog?: string; extra?: ReadonlyArray<string | Uint8Array> } = {},
): Uint8Array => {
  const objects: Array<string | Uint8Array> = [
    `<< /Type /Catalog /Pages 2 0 R ${options.catalog ?? ""}>>`,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    `<< /Length ${PAGE_TEXT.length} >>\nstream\n${PAGE_TEXT}\nendstream`,
    ...(options.extra ?? []),
  ];
  const parts: Array<Uint8Array> = [latin1("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")];
  let length = parts[0]?.length ?? 0;
  const offsets: Array<number> = [];
  for (const [index, body] of objects.entries()) {
    offsets.push(length);
    const object = Buffer.concat([
      latin1(`${index + 1} 0 obj\n`),
      typeof body === "string" ? latin1(body) : body,
      latin1("\nendobj\n"),
    ]);
    parts.push(object);
    length += object.length;
  }
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    "startxref",
    String(length),
    "%%EOF\n",
  ].join("\n");
  return new Uint8Array(Buffer.concat([...parts, latin1(xref)]));
};

/** An object stream object holding `content`, deflated unless `raw`. */
export const objectStream = (
  content: string,
  options: { raw?: boolean; typeName?: string } = {},
): Uint8Array => {
  const data = options.raw === true ? latin1(content) : deflateSync(latin1(content));
  return Buffer.concat([
    latin1(
      `<< /Type /${options.typeName ?? "ObjStm"} /N 1 /First 6 /Length ${data.length}${options.raw === true ? "" : " /Filter /FlateDecode"} >>\nstream\n`,
    ),
    data,
    latin1("\nendstream"),
  ]);
};
