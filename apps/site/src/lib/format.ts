// Display formats in NHS content style: "31 May 2021", "64%", "PDF, 120 KB".
import type { LocalDate, Standards } from "@sequin/core";

const day = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const month = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

const utc = (date: LocalDate.LocalDate) => new Date(`${date}T00:00:00Z`);

/** `2021-05-31` → "31 May 2021". */
export const formatDate = (date: LocalDate.LocalDate): string => day.format(utc(date));

/** `2019-04-30` → "April 2019". */
export const formatMonth = (date: LocalDate.LocalDate): string => month.format(utc(date));

/** A percentage as published (one decimal at most): 64 → "64%", 64.5 → "64.5%". */
export const formatPercent = (value: number): string =>
  `${Number.isInteger(value) ? value : value.toFixed(1)}%`;

/** A file size the way GOV.UK and NHS.UK show it: "830 bytes", "120 KB", "1.4 MB". */
export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};

export const perspectiveLabel: Record<Standards.Perspective, string> = {
  "service-user": "Service users",
  service: "The service",
  both: "Service users and the service",
};

export const weightLabel: Record<Standards.WeightClass, string> = {
  essential: "Essential: every secure service should meet this",
  expected: "Expected: most services should meet this",
  desirable: "Desirable: what the best services do",
};

/** "1 service", "3 services". */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;
