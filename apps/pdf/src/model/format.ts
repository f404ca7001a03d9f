// Wording and number formats shared by the documents (NHS content style: plain English, dates as
// "12 May 2022", whole percentages).
import type { ActionPlan, Assessment, Standards } from "@sequin/core";

/** A percentage for display, rounded to a whole number: "67%". */
export const formatPercent = (value: number): string => `${Math.round(value)}%`;

/** A signed change for display: "+4", "−2", "0" (true minus sign, as in print). */
export const formatChange = (value: number, digits = 0): string => {
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return (0).toFixed(digits);
  return `${rounded > 0 ? "+" : "−"}${Math.abs(rounded).toFixed(digits)}`;
};

/** An ordinal for percentiles: 1st, 2nd, 3rd, 11th, 72nd. */
export const ordinal = (value: number): string => {
  const n = Math.round(value);
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
  return `${n}${suffix}`;
};

export const perspectiveLabel: Readonly<Record<Standards.Perspective, string>> = {
  "service-user": "Service users",
  service: "The service",
  both: "Service users and the service",
};

export const weightLabel: Readonly<Record<Standards.WeightClass, string>> = {
  essential: "Essential",
  expected: "Expected",
  desirable: "Desirable",
};

export const methodLabel = (method: Assessment.Method | null): string =>
  method === null
    ? "Not recorded"
    : {
        "self-assessment": "Self-assessment",
        "involvement-group": "Involvement Group",
        "peer-review": "Peer review",
      }[method.kind];

export const statusLabel: Readonly<Record<ActionPlan.ActionStatus, string>> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
  dropped: "Dropped",
};

/** "1 service user", "3 staff". */
export const countOf = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`;
