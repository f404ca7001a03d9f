// Seeds the clearly marked demo network into an empty database: made-up organisations, services and
// wards (every name says "demo"), two cycles and their submitted assessments. Nothing real.
import { Cycle, LocalDate, Schedule, type Standards } from "@sequin/core";
import { schema } from "@sequin/db";
import { demoOptions, generate } from "@sequin/sample-network";
import { Effect, Schema } from "effect";
import { ensureStandardsSet } from "../repositories/Cycles.ts";
import { query } from "../repositories/query.ts";
import { StandardsData } from "../Services.ts";

const chunks = <T>(items: ReadonlyArray<T>, size: number): Array<ReadonlyArray<T>> =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

/** A schedule for a cycle with none in standards-data: the nearest one, moved to that year. */
const scheduleFor = (
  label: Cycle.CycleLabel,
  schedules: ReadonlyArray<Schedule.Schedule>,
): Schedule.Schedule => {
  const own = schedules.find((schedule) => schedule.cycle === label);
  if (own !== undefined) return own;
  const template =
    schedules.find((schedule) => schedule.kind === "quarterly") ??
    (schedules[0] as Schedule.Schedule);
  const shift = Cycle.startYear(label) - Cycle.startYear(template.cycle);
  const move = (date: LocalDate.LocalDate) => {
    const { year, month, day } = LocalDate.parts(date);
    return month === 2 && day === 29
      ? LocalDate.endOfMonth(year + shift, 2)
      : LocalDate.make(year + shift, month, day);
  };
  return template.kind === "quarterly"
    ? {
        ...template,
        cycle: label,
        deadlines: template.deadlines.map((d) => ({ ...d, due: move(d.due) })),
        choice: { ...template.choice, due: move(template.choice.due) },
      }
    : {
        ...template,
        cycle: label,
        deadlines: template.deadlines.map((d) => ({ ...d, due: move(d.due) })),
      };
};

/** True when the database has no organisations yet. */
export const isEmpty = query((db) =>
  db.select({ id: schema.organisations.id }).from(schema.organisations).limit(1),
).pipe(Effect.map((rows) => rows.length === 0));

export const seedDemoNetwork = Effect.gen(function* () {
  const { set, schedules } = yield* StandardsData;
  yield* ensureStandardsSet(set);
  const labels = [Cycle.label(2020), Cycle.label(2021)];
  const network = generate(set, demoOptions(labels));

  for (const label of labels) {
    const schedule = scheduleFor(label, schedules);
    yield* query((db) =>
      db
        .insert(schema.cycles)
        .values({
          label,
          standardsVersion: set.version,
          schedule: Schema.encodeSync(Schedule.Schedule)(schedule),
          minimumParticipants: 5,
        })
        .onConflictDoNothing(),
    );
  }

  const organisationIds = new Map<string, string>();
  for (const organisation of network.organisations) {
    const [row] = yield* query((db) =>
      db.insert(schema.organisations).values({ name: organisation.name }).returning(),
    );
    organisationIds.set(organisation.id, row?.id as string);
  }
  const serviceIds = new Map<string, { id: string; organisationId: string }>();
  const wardIds = new Map<string, string>();
  for (const service of network.services) {
    const organisationId = organisationIds.get(service.organisationId) as string;
    const [row] = yield* query((db) =>
      db.insert(schema.services).values({ organisationId, name: service.name }).returning(),
    );
    serviceIds.set(service.id, { id: row?.id as string, organisationId });
    for (const ward of service.wards) {
      const [wardRow] = yield* query((db) =>
        db
          .insert(schema.wards)
          .values({ organisationId, serviceId: row?.id as string, name: ward.name })
          .returning(),
      );
      wardIds.set(ward.id, wardRow?.id as string);
    }
  }

  const areas = new Map(set.areas.map((area) => [area.slug as string, area]));
  let assessments = 0;
  for (const cycle of network.cycles) {
    const assessmentRows: Array<typeof schema.assessments.$inferInsert> = [];
    const responseRows: Array<typeof schema.responses.$inferInsert> = [];
    for (const assessment of cycle.assessments) {
      const service = serviceIds.get(assessment.serviceId);
      const sample = network.services.find((candidate) => candidate.id === assessment.serviceId);
      const area = areas.get(assessment.area) as Standards.Area;
      if (service === undefined || sample === undefined) continue;
      assessment.wards.forEach((ward, index) => {
        const id = crypto.randomUUID();
        const wardId =
          assessment.level === "ward" ? (wardIds.get(sample.wards[index]?.id ?? "") ?? null) : null;
        assessmentRows.push({
          id,
          organisationId: service.organisationId,
          serviceId: service.id,
          wardId,
          cycle: cycle.cycle,
          area: area.slug,
          method: "involvement-group",
          attendanceServiceUsers: 4 + (index % 5),
          attendanceStaff: 2 + (index % 3),
          attendanceCarers: index % 2,
          status: "submitted",
          submittedAt: new Date(`${assessment.submittedOn}T12:00:00Z`),
        });
        for (const response of ward) {
          responseRows.push({
            assessmentId: id,
            organisationId: service.organisationId,
            standardId: response.standardId,
            viewServiceUser:
              response.agreed === "na" || response.agreed === null
                ? null
                : Math.max(0, response.agreed - 1),
            viewStaff:
              response.agreed === "na" || response.agreed === null ? null : response.agreed,
            agreed: response.agreed === "na" ? null : response.agreed,
            notApplicable: response.agreed === "na",
            rationale: "Demo data.",
          });
        }
      });
    }
    for (const chunk of chunks(assessmentRows, 500))
      yield* query((db) => db.insert(schema.assessments).values([...chunk]));
    for (const chunk of chunks(responseRows, 2000))
      yield* query((db) => db.insert(schema.responses).values([...chunk]));
    assessments += assessmentRows.length;
  }
  return {
    organisations: network.organisations.length,
    services: network.services.length,
    cycles: labels.length,
    assessments,
  };
});
