// Names for stored files: what a service calls its upload is untrusted text that ends up in a
// download header and on someone's disk, so it is cut down to a plain file name.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const RESERVED = /[<>:"/\\|?*]/gu;
const MAX_LENGTH = 120;

/** A safe "….pdf" name from what the uploader sent, or `fallback` when nothing usable is left. */
export const sanitiseFilename = (given: string | undefined, fallback: string): string => {
  // Only the last path segment: "C:\Users\me\report.pdf" and "../../x.pdf" keep just the file name.
  const base = (given ?? "").split(/[/\\]/u).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    // Control and format characters include the right-to-left override ("evil\u202Efdp.exe").
    .replace(UNSAFE, "")
    .replace(RESERVED, "-")
    .replace(/\s+/gu, " ")
    .trim();
  // No leading dot (a hidden file) and no trailing dots or spaces (Windows drops them).
  const stem = cleaned.replace(/\.pdf$/iu, "").replace(/^[\s.]+|[\s.]+$/gu, "");
  if (stem === "") return fallback;
  return `${[...stem].slice(0, MAX_LENGTH - 4).join("")}.pdf`;
};

// RFC 5987 attr-char: everything else is percent-encoded in filename*.
const encodeExtValue = (text: string): string =>
  encodeURIComponent(text).replace(
    /['()*]/gu,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** An RFC 6266 attachment header: an ASCII fallback for old clients, the exact name in filename*. */
export const contentDisposition = (filename: string): string => {
  const ascii = filename
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]|["\\%]/gu, (character) => (/\p{M}/u.test(character) ? "" : "_"));
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(filename)}`;
};
