// Everything the pages are built from, loaded once per build: the standards and schedules from
// standards-data/, the area PDFs, and the network's public results when a portal publishes them.
import { Cycle, LocalDate, type Schedule, type Standards } from "@sequin/core";
import { formatProblems, loadStandards, StandardsDataError } from "@sequin/standards";
import { Effect, Exit, Result, Schema } from "effect";
import { type AreaDownloads, readDownloads } from "./downloads.ts";
import { loadPublicResults, type PublicResults } from "./results.ts";

export interface SiteData {
  readonly set: Standards.StandardsSet;
  /** The schedule of the latest cycle in the data. */
  readonly currentSchedule: Schedule.Schedule;
  /** Every other schedule, newest first. */
  readonly earlierSchedules: ReadonlyArray<Schedule.Schedule>;
  readonly results: PublicResults | undefined;
  readonly downloads: ReadonlyMap<string, AreaDownloads>;
  /** Where to report an accessibility problem, when the network configured it. */
  readonly contactEmail: string | undefined;
  readonly builtOn: LocalDate.LocalDate;
}

const Email = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[^\s@]+@[^\s@]+\.[^\s@]+$/u, { message: "expected an email address" }),
  ),
);

const contactEmail = (value: string | undefined): string | undefined => {
  if (value === undefined || value.trim() === "") return undefined;
  const decoded = Schema.decodeUnknownResult(Email)(value.trim());
  if (Result.isFailure(decoded)) {
    throw new Error(`SEQUIN_SITE_CONTACT_EMAIL: expected an email address, got "${value}"`);
  }
  return decoded.success;
};

const load = async (): Promise<SiteData> => {
  const exit = await Effect.runPromiseExit(loadStandards());
  if (Exit.isFailure(exit)) {
    const failure = exit.cause.reasons.find((reason) => reason._tag === "Fail");
    const error = failure?.error;
    throw new Error(
      error instanceof StandardsDataError
        ? `standards-data/ is not valid:\n${formatProblems(error.problems)}`
        : String(exit.cause),
    );
  }
  const { set, schedules } = exit.value;
  const ordered = [...schedules].sort(
    (a, b) => Cycle.startYear(b.cycle) - Cycle.startYear(a.cycle),
  );
  const [currentSchedule, ...earlierSchedules] = ordered;
  if (currentSchedule === undefined) throw new Error("standards-data/schedules/ has no schedule");
  const results = await loadPublicResults(process.env.SEQUIN_PUBLIC_RESULTS, set);
  if (Result.isFailure(results)) throw results.failure;
  return {
    set,
    currentSchedule,
    earlierSchedules,
    results: results.success,
    downloads: await readDownloads(set),
    contactEmail: contactEmail(process.env.SEQUIN_SITE_CONTACT_EMAIL),
    builtOn: LocalDate.inLondon(new Date()),
  };
};

let loaded: Promise<SiteData> | undefined;

/** The site's data; the first call loads it, later calls share it. */
export const siteData = (): Promise<SiteData> => {
  loaded ??= load();
  return loaded;
};

/** An area by slug; a slug that is not in the set is a programming error in a page. */
export const areaBySlug = (set: Standards.StandardsSet, slug: string): Standards.Area => {
  const area = set.areas.find((candidate) => candidate.slug === slug);
  if (area === undefined) throw new Error(`no area "${slug}"`);
  return area;
};
