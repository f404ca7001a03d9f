// Dates, cycles and statuses as people read them (NHS content style: "31 May 2021").
import { Cycle, LocalDate } from "@sequin/core";
import { Effect } from "effect";
import { Now } from "../Services.ts";
import type { TagColour } from "./components/basics.ts";
import type { WebContext } from "./env.ts";

/** "2021-05-31" → "31 May 2021"; anything unparseable is shown as it came. */
export const formatDate = (date: string | null | undefined): string => {
  if (date === null || date === undefined) return "";
  const day = /^\d{4}-(?:0[1-9]|1[0-2])-\d{2}/u.exec(date)?.[0];
  return day === undefined ? date : LocalDate.format(day as LocalDate.LocalDate);
};

/** An instant as a London date and time: "15 June 2021 at 11:00". */
export const formatDateTime = (instant: string | null | undefined): string => {
  if (instant === null || instant === undefined) return "";
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
  return `${formatDate(LocalDate.inLondon(date))} at ${time}`;
};

/** Cycles are written 2021/22 but travel in URLs as 2021-22. */
export const cycleParam = (label: string): string => label.replace("/", "-");
export const cycleLabel = (param: string): string => param.replace("-", "/");

/** Today in London by the app's clock (tests move it), as the API sees it. */
export const todayOf = async (c: WebContext): Promise<LocalDate.LocalDate> =>
  LocalDate.inLondon(await c.get("runtime").runPromise(Effect.map(Now, (now) => now())));

/** The cycle today falls in when it exists, otherwise the newest. */
export const currentCycle = (
  labels: ReadonlyArray<string>,
  today: LocalDate.LocalDate,
): string | undefined =>
  labels.find((label) => Cycle.includes(label as Cycle.CycleLabel, today)) ?? labels[0];

export type AreaStatus =
  | "not-started"
  | "in-progress"
  | "submitted-on-time"
  | "submitted-late"
  | "overdue";

export const STATUS_TAGS: Record<
  AreaStatus,
  { readonly text: string; readonly colour: TagColour }
> = {
  "not-started": { text: "Not started", colour: "grey" },
  "in-progress": { text: "In progress", colour: "blue" },
  "submitted-on-time": { text: "Submitted on time", colour: "green" },
  "submitted-late": { text: "Submitted late", colour: "yellow" },
  overdue: { text: "Overdue", colour: "red" },
};
