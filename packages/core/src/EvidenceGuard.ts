/**
 * Evidence guard: evidence must not identify patients. It finds NHS numbers (10 digits, spaces or
 * dashes allowed, with a valid mod-11 check digit) and similar identifiers in free text, with their
 * positions, so the portal can warn before anything is saved or shared.
 *
 * It warns; it does not decide. A false alarm costs a second look, a miss costs someone's privacy, so
 * the patterns lean towards warning.
 *
 * @module
 */

/** The kinds of identifier found. */
export type FindingKind =
  | "nhs-number"
  | "chi-number"
  | "national-insurance-number"
  | "date-of-birth"
  | "email-address"
  | "phone-number"
  | "postcode";

/** One identifier found in text, with its position (`start` inclusive, `end` exclusive). */
export interface Finding {
  readonly kind: FindingKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly message: string;
}

/**
 * Whether 10 digits pass the NHS number check: weights 10 down to 2 on the first nine digits, 11 minus
 * the sum mod 11 is the check digit (11 means 0; 10 means invalid).
 *
 * @example
 * ```ts
 * import { EvidenceGuard } from "@sequin/core"
 * EvidenceGuard.isValidNhsNumber("9434765919") // true
 * EvidenceGuard.isValidNhsNumber("9434765918") // false
 * ```
 */
export const isValidNhsNumber = (digits: string): boolean => {
  if (!/^\d{10}$/u.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += Number(digits[index]) * (10 - index);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
};

const isRealDayMonth = (day: number, month: number): boolean =>
  day >= 1 && day <= 31 && month >= 1 && month <= 12;

interface Pattern {
  readonly kind: FindingKind;
  readonly regex: RegExp;
  readonly accept: (match: RegExpExecArray) => boolean;
  readonly message: string;
}

const digitsOnly = (text: string) => text.replace(/\D/gu, "");

const patterns: ReadonlyArray<Pattern> = [
  {
    kind: "nhs-number",
    regex: /(?<![\d-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d-])/gu,
    accept: (match) => isValidNhsNumber(digitsOnly(match[0])),
    message: "This looks like an NHS number. Remove it: evidence must not identify anyone.",
  },
  {
    // Scotland's CHI number: a date of birth (DDMMYY) and four digits, with the same mod-11 check.
    kind: "chi-number",
    regex: /(?<![\d-])\d{6}[ -]?\d{4}(?![\d-])/gu,
    accept: (match) => {
      const digits = digitsOnly(match[0]);
      return (
        isRealDayMonth(Number(digits.slice(0, 2)), Number(digits.slice(2, 4))) &&
        isValidNhsNumber(digits)
      );
    },
    message: "This looks like a CHI number. Remove it: evidence must not identify anyone.",
  },
  {
    kind: "national-insurance-number",
    regex:
      /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/giu,
    accept: () => true,
    message: "This looks like a National Insurance number. Remove it.",
  },
  {
    kind: "date-of-birth",
    regex:
      /\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?)\s*[:-]?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/giu,
    accept: () => true,
    message: "This looks like a date of birth. Remove it.",
  },
  {
    kind: "email-address",
    regex: /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gu,
    accept: () => true,
    message: "This is an email address. Check that it does not identify a service user.",
  },
  {
    kind: "phone-number",
    regex: /(?<![\w+])(?:\+44\s?\(?0?\)?\s?|0)(?:\d\s?){9,10}(?!\d)/gu,
    accept: (match) => {
      const digits = digitsOnly(match[0]);
      return !isValidNhsNumber(digits);
    },
    message: "This looks like a phone number. Check that it does not identify a service user.",
  },
  {
    kind: "postcode",
    regex: /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b/gu,
    accept: () => true,
    message: "This looks like a postcode. Check that it is not someone's home address.",
  },
];

/**
 * Every identifier-like thing in `text`, in order of position. Overlapping finds keep the first kind
 * listed (an NHS number is not also reported as a phone number).
 *
 * @example
 * ```ts
 * import { EvidenceGuard } from "@sequin/core"
 * EvidenceGuard.scan("Seen by J, NHS no 943 476 5919.")[0]
 * // { kind: "nhs-number", start: 18, end: 30, text: "943 476 5919", message: "This looks like an NHS number. …" }
 * ```
 */
export const scan = (text: string): ReadonlyArray<Finding> => {
  const findings: Array<Finding> = [];
  const overlaps = (start: number, end: number) =>
    findings.some((found) => start < found.end && end > found.start);
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern.regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (pattern.accept(match as RegExpExecArray) && !overlaps(start, end)) {
        findings.push({ kind: pattern.kind, start, end, text: match[0], message: pattern.message });
      }
    }
  }
  return findings.sort((a, b) => a.start - b.start);
};
