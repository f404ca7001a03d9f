// Where each service stands on a cycle's schedule, computed from its assessments and area choices.
// Pure over rows, so the per-service view and the network's "behind" view share one rule.
import { LocalDate, Schedule } from "@sequin/core";
import { schema } from "@sequin/db";
import { and, eq } from "drizzle-orm";
import { Effect, Result } from "effect";
import type { StoredCycle } from "../../repositories/Cycles.ts";
import { query } from "../../repositories/query.ts";

export interface AssessmentRow {
  readonly serviceId: string;
  readonly wardId: string | null;
  readonly area: string;
  readonly status: "draft" | "submitted";
  readonly submittedAt: Date | null;
}

export interface AreaView {
  readonly area: string;
  readonly name: string;
  readonly due: LocalDate.LocalDate | null;
  readonly status: Schedule.AreaStatus;
}

export interface ServiceProgress {
  readonly areas: ReadonlyArray<AreaView>;
  readonly minimum: Schedule.MinimumProgress;
}

/**
 * A service's deadlines. Until a service has made a valid choice on a quarterly schedule, only the
 * fixed deadlines apply: the chosen areas have no deadline yet, which is not the service's fault
 * before the choice is due.
 */
export const deadlinesFor = (
  cycle: StoredCycle,
  chosen: ReadonlyArray<string>,
): ReadonlyArray<Schedule.Deadline> => {
  const result = Schedule.serviceDeadlines(cycle.schedule, chosen, cycle.set);
  return Result.isSuccess(result) ? result.success : cycle.schedule.deadlines;
};

/**
 * When an area was submitted: the service-level assessment's date, or, for ward-level work, the
 * day the last ward submitted (only once every ward that started has submitted).
 */
const submittedOn = (rows: ReadonlyArray<AssessmentRow>): LocalDate.LocalDate | undefined => {
  const serviceLevel = rows.find((row) => row.wardId === null);
  if (serviceLevel?.status === "submitted" && serviceLevel.submittedAt !== null)
    return LocalDate.inLondon(serviceLevel.submittedAt);
  const wards = rows.filter((row) => row.wardId !== null);
  if (wards.length === 0) return undefined;
  if (wards.some((row) => row.status !== "submitted" || row.submittedAt === null)) return undefined;
  const last = Math.max(...wards.map((row) => (row.submittedAt as Date).getTime()));
  return LocalDate.inLondon(new Date(last));
};

export const computeProgress = (
  cycle: StoredCycle,
  chosen: ReadonlyArray<string>,
  assessments: ReadonlyArray<AssessmentRow>,
  today: LocalDate.LocalDate,
): ServiceProgress => {
  const due = new Map(deadlinesFor(cycle, chosen).map((deadline) => [deadline.area, deadline.due]));
  const areas = cycle.set.areas.map((area): AreaView => {
    const rows = assessments.filter((row) => row.area === area.slug);
    const deadline = due.get(area.slug);
    return {
      area: area.slug,
      name: area.name,
      due: deadline ?? null,
      status: Schedule.areaStatus(
        deadline,
        { started: rows.length > 0, submittedOn: submittedOn(rows) },
        today,
      ),
    };
  });
  const submitted = areas.filter((area) => area.status.startsWith("submitted")).length;
  return { areas, minimum: Schedule.minimumProgress(cycle.schedule, submitted) };
};

const assessmentColumns = {
  serviceId: schema.assessments.serviceId,
  wardId: schema.assessments.wardId,
  area: schema.assessments.area,
  status: schema.assessments.status,
  submittedAt: schema.assessments.submittedAt,
};

export const chosenAreas = (serviceId: string, cycle: string) =>
  Effect.map(
    query((db) =>
      db
        .select({ area: schema.areaChoices.area })
        .from(schema.areaChoices)
        .where(
          and(eq(schema.areaChoices.serviceId, serviceId), eq(schema.areaChoices.cycle, cycle)),
        ),
    ),
    (rows) => rows.map((row) => row.area),
  );

export const serviceProgress = (
  cycle: StoredCycle,
  serviceId: string,
  today: LocalDate.LocalDate,
) =>
  Effect.gen(function* () {
    const chosen = yield* chosenAreas(serviceId, cycle.label);
    const assessments = yield* query((db) =>
      db
        .select(assessmentColumns)
        .from(schema.assessments)
        .where(
          and(
            eq(schema.assessments.serviceId, serviceId),
            eq(schema.assessments.cycle, cycle.label),
          ),
        ),
    );
    return computeProgress(cycle, chosen, assessments, today);
  });

/** Every service's progress on a cycle, in three queries whatever the size of the network. */
export const networkProgress = (cycle: StoredCycle, today: LocalDate.LocalDate) =>
  Effect.gen(function* () {
    const services = yield* query((db) =>
      db
        .select({ id: schema.services.id, name: schema.services.name })
        .from(schema.services)
        .orderBy(schema.services.name),
    );
    const choices = yield* query((db) =>
      db.select().from(schema.areaChoices).where(eq(schema.areaChoices.cycle, cycle.label)),
    );
    const assessments = yield* query((db) =>
      db
        .select(assessmentColumns)
        .from(schema.assessments)
        .where(eq(schema.assessments.cycle, cycle.label)),
    );
    return services.map((service) => ({
      service,
      progress: computeProgress(
        cycle,
        choices.filter((row) => row.serviceId === service.id).map((row) => row.area),
        assessments.filter((row) => row.serviceId === service.id),
        today,
      ),
    }));
  });
