/**
 * Schedules: when each area is due in a cycle, and each area's status for a service on a date.
 *
 * Two kinds exist. **Monthly** (as in 2019/20): every area has its own month. **Quarterly** (as in
 * 2021/22): a few areas have fixed deadlines, the service adds areas of its own choice, and it must
 * complete a minimum number of areas in the year; all areas may be done, and early is always fine.
 *
 * @module
 */
import { Result, Schema } from "effect";
import * as Cycle from "./Cycle.ts";
import { LocalDate } from "./LocalDate.ts";
import { AreaSlug, type StandardsSet } from "./Standards.ts";

/**
 * One area's deadline.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schedule } from "@sequin/core"
 * Schema.decodeUnknownSync(Schedule.Deadline)({ area: "involvement", due: "2021-05-31" })
 * ```
 */
export const Deadline = Schema.Struct({ area: AreaSlug, due: LocalDate });
export type Deadline = typeof Deadline.Type;

const deadlinesInsideCycle = Schema.makeFilter(
  (schedule: { readonly cycle: Cycle.CycleLabel; readonly deadlines: ReadonlyArray<Deadline> }) => {
    const seen = new Set<string>();
    return schedule.deadlines.flatMap((deadline, index) => {
      const issues: Array<{ path: ReadonlyArray<PropertyKey>; issue: string }> = [];
      if (!Cycle.includes(schedule.cycle, deadline.due)) {
        issues.push({
          path: ["deadlines", index, "due"],
          issue: `${deadline.due} is outside the ${schedule.cycle} cycle`,
        });
      }
      if (seen.has(deadline.area)) {
        issues.push({
          path: ["deadlines", index, "area"],
          issue: `"${deadline.area}" has two deadlines`,
        });
      }
      seen.add(deadline.area);
      return issues;
    });
  },
);

/**
 * A monthly schedule: one deadline per area.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schedule } from "@sequin/core"
 * const decodeMonthly = Schema.decodeUnknownResult(Schedule.MonthlySchedule)
 * ```
 */
export const MonthlySchedule = Schema.Struct({
  cycle: Cycle.CycleLabel,
  kind: Schema.Literal("monthly"),
  deadlines: Schema.Array(Deadline).pipe(Schema.check(Schema.isMinLength(1))),
}).pipe(Schema.check(deadlinesInsideCycle));
export type MonthlySchedule = typeof MonthlySchedule.Type;

/**
 * A quarterly schedule: fixed deadlines, areas of the service's choice, and a yearly minimum.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schedule } from "@sequin/core"
 * const decodeQuarterly = Schema.decodeUnknownResult(Schedule.QuarterlySchedule)
 * ```
 */
export const QuarterlySchedule = Schema.Struct({
  cycle: Cycle.CycleLabel,
  kind: Schema.Literal("quarterly"),
  minimumAreas: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1))),
  deadlines: Schema.Array(Deadline),
  choice: Schema.Struct({
    count: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))),
    due: LocalDate,
  }),
}).pipe(
  Schema.check(
    deadlinesInsideCycle,
    Schema.makeFilter((schedule) => {
      const issues: Array<{ path: ReadonlyArray<PropertyKey>; issue: string }> = [];
      if (!Cycle.includes(schedule.cycle, schedule.choice.due)) {
        issues.push({
          path: ["choice", "due"],
          issue: `${schedule.choice.due} is outside the ${schedule.cycle} cycle`,
        });
      }
      return issues;
    }),
  ),
);
export type QuarterlySchedule = typeof QuarterlySchedule.Type;

/**
 * A cycle's schedule, either kind.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Schedule } from "@sequin/core"
 * const decodeSchedule = Schema.decodeUnknownResult(Schedule.Schedule)
 * ```
 */
export const Schedule = Schema.Union([MonthlySchedule, QuarterlySchedule]);
export type Schedule = typeof Schedule.Type;

/** A reason a schedule does not fit a standards set or a service's choice of areas. */
export class ScheduleMismatch extends Schema.TaggedError<ScheduleMismatch>()("ScheduleMismatch", {
  problems: Schema.Array(Schema.String),
}) {}

/**
 * Problems between a schedule and the standards set it is used with (unknown areas; for a monthly
 * schedule, areas without a deadline). Empty when they fit.
 *
 * @example
 * ```ts
 * import { Schedule, Standards } from "@sequin/core"
 * declare const schedule: Schedule.Schedule
 * declare const set: Standards.StandardsSet
 * Schedule.mismatches(schedule, set) // []
 * ```
 */
export const mismatches = (schedule: Schedule, set: StandardsSet): ReadonlyArray<string> => {
  const known = new Set<string>(set.areas.map((area) => area.slug));
  const scheduled = new Set<string>(schedule.deadlines.map((deadline) => deadline.area));
  const problems = schedule.deadlines
    .filter((deadline) => !known.has(deadline.area))
    .map(
      (deadline) =>
        `${schedule.cycle}: "${deadline.area}" is not an area of standards set ${set.version}`,
    );
  if (schedule.kind === "monthly") {
    for (const area of set.areas) {
      if (!scheduled.has(area.slug))
        problems.push(`${schedule.cycle}: "${area.slug}" has no deadline`);
    }
  }
  return problems;
};

/**
 * The deadlines a service must meet: every area's on a monthly schedule; on a quarterly one the fixed
 * areas plus the areas the service chose (due at the choice deadline). Fails when the choice is not
 * valid: unknown or fixed areas, duplicates, or fewer than the schedule asks for.
 *
 * @example
 * ```ts
 * import { Schedule } from "@sequin/core"
 * declare const quarterly: Schedule.QuarterlySchedule
 * Schedule.serviceDeadlines(quarterly, ["meaningful-activity"]) // Result.succeed([...fixed, chosen])
 * ```
 */
export const serviceDeadlines = (
  schedule: Schedule,
  chosenAreas: ReadonlyArray<string>,
  set?: StandardsSet,
): Result.Result<ReadonlyArray<Deadline>, ScheduleMismatch> => {
  if (schedule.kind === "monthly") return Result.succeed(schedule.deadlines);
  const fixed = new Set<string>(schedule.deadlines.map((deadline) => deadline.area));
  const known = set === undefined ? undefined : new Set<string>(set.areas.map((area) => area.slug));
  const problems: Array<string> = [];
  const chosen = new Set<string>();
  for (const area of chosenAreas) {
    if (fixed.has(area)) problems.push(`"${area}" already has a fixed deadline`);
    else if (chosen.has(area)) problems.push(`"${area}" is chosen twice`);
    else if (known !== undefined && !known.has(area)) problems.push(`"${area}" is not an area`);
    else chosen.add(area);
  }
  if (chosen.size < schedule.choice.count) {
    problems.push(
      `choose at least ${schedule.choice.count} area(s) of your own; ${chosen.size} chosen`,
    );
  }
  if (problems.length > 0) return Result.fail(new ScheduleMismatch({ problems }));
  return Result.succeed([
    ...schedule.deadlines,
    ...[...chosen].map((area) => ({ area: area as AreaSlug, due: schedule.choice.due })),
  ]);
};

/**
 * Where an area stands for a service on a date.
 *
 * @example
 * ```ts
 * import { Schedule } from "@sequin/core"
 * Schedule.AreaStatus.literals.includes("overdue") // true
 * ```
 */
export const AreaStatus = Schema.Literals([
  "not-started",
  "in-progress",
  "submitted-on-time",
  "submitted-late",
  "overdue",
]);
export type AreaStatus = typeof AreaStatus.Type;

/** What a service has done on an area: when it started, and when (if) it submitted. */
export interface AreaProgress {
  readonly started: boolean;
  readonly submittedOn?: LocalDate | undefined;
}

/**
 * An area's status on `today`. Submission on or before the deadline is on time (early is fine); an
 * area without a deadline is never overdue. An unsubmitted area past its deadline is overdue even if
 * work has started, because that is what the network needs to see.
 *
 * @example
 * ```ts
 * import { LocalDate, Schedule } from "@sequin/core"
 * Schedule.areaStatus(LocalDate.make(2021, 5, 31), { started: true }, LocalDate.make(2021, 6, 1)) // "overdue"
 * ```
 */
export const areaStatus = (
  due: LocalDate | undefined,
  progress: AreaProgress,
  today: LocalDate,
): AreaStatus => {
  if (progress.submittedOn !== undefined) {
    return due === undefined || progress.submittedOn <= due
      ? "submitted-on-time"
      : "submitted-late";
  }
  if (due !== undefined && today > due) return "overdue";
  return progress.started ? "in-progress" : "not-started";
};

/** How a service is doing against the yearly minimum number of areas. */
export interface MinimumProgress {
  readonly minimum: number;
  readonly submitted: number;
  readonly met: boolean;
}

/**
 * Progress against the minimum number of areas a year (a monthly schedule asks for every area).
 *
 * @example
 * ```ts
 * import { Schedule } from "@sequin/core"
 * declare const quarterly: Schedule.QuarterlySchedule
 * Schedule.minimumProgress(quarterly, 3) // { minimum: 4, submitted: 3, met: false }
 * ```
 */
export const minimumProgress = (schedule: Schedule, submittedAreas: number): MinimumProgress => {
  const minimum = schedule.kind === "quarterly" ? schedule.minimumAreas : schedule.deadlines.length;
  return { minimum, submitted: submittedAreas, met: submittedAreas >= minimum };
};
