// Cycles (NHS financial years) with their schedule and the standards-set version they pin.
import { Cycle, Schedule } from "@sequin/core";
import { schema } from "@sequin/db";
import { desc } from "drizzle-orm";
import { Effect, Result, Schema } from "effect";
import { isAdmin } from "../../auth/Principal.ts";
import { created, ok, type Router } from "../../http/Api.ts";
import { Conflict, Forbidden, InvalidInput } from "../../http/Errors.ts";
import { ensureStandardsSet, findCycle, standardsSet } from "../../repositories/Cycles.ts";
import { query, transaction } from "../../repositories/query.ts";
import { StandardsData } from "../../Services.ts";

const CycleView = Schema.Struct({
  label: Schema.String,
  standardsVersion: Schema.String,
  schedule: Schedule.Schedule,
  minimumParticipants: Schema.Number,
});

const CreateCycle = Schema.Struct({
  label: Cycle.CycleLabel,
  /** Defaults to the standards set loaded from standards-data. */
  standardsVersion: Schema.optionalKey(Schema.String),
  /** Defaults to the schedule for this cycle in standards-data. */
  schedule: Schema.optionalKey(Schedule.Schedule),
  minimumParticipants: Schema.optionalKey(
    Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 100 }))),
  ),
});

export const registerCycleRoutes = (router: Router): void => {
  router.add({
    method: "post",
    path: "/api/v1/cycles",
    summary: "Open a cycle with its schedule and pinned standards-set version (network admins)",
    tag: "Cycles",
    access: "signed-in",
    body: CreateCycle,
    response: CycleView,
    successStatus: 201,
    errors: [409, 422],
    handler: ({ principal, body }) =>
      Effect.gen(function* () {
        if (!isAdmin(principal))
          return yield* new Forbidden({ message: "Only network admins open cycles." });
        const data = yield* StandardsData;
        yield* ensureStandardsSet(data.set);
        const version = body.standardsVersion ?? data.set.version;
        const set = yield* standardsSet(version).pipe(
          Effect.catchTag("NotFound", () =>
            Effect.fail(
              new InvalidInput({
                problems: [
                  {
                    field: "body.standardsVersion",
                    message: `no standards set ${version} is loaded`,
                  },
                ],
              }),
            ),
          ),
        );
        const schedule =
          body.schedule ?? data.schedules.find((candidate) => candidate.cycle === body.label);
        if (schedule === undefined) {
          return yield* new InvalidInput({
            problems: [
              {
                field: "body.schedule",
                message: `standards-data has no schedule for ${body.label}: send one`,
              },
            ],
          });
        }
        if (schedule.cycle !== body.label) {
          return yield* new InvalidInput({
            problems: [
              {
                field: "body.schedule.cycle",
                message: `is ${schedule.cycle} but the cycle is ${body.label}`,
              },
            ],
          });
        }
        const problems = Schedule.mismatches(schedule, set);
        if (problems.length > 0) return yield* new Schedule.ScheduleMismatch({ problems });
        const row = {
          label: body.label,
          standardsVersion: version,
          schedule: Schema.encodeSync(Schedule.Schedule)(schedule),
          minimumParticipants: body.minimumParticipants ?? 5,
        };
        yield* transaction(async (tx) => {
          const inserted = await tx
            .insert(schema.cycles)
            .values(row)
            .onConflictDoNothing()
            .returning();
          return inserted.length === 0
            ? Result.fail(new Conflict({ message: `Cycle ${body.label} already exists.` }))
            : Result.succeed(undefined);
        });
        return created({ ...row, schedule });
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/cycles",
    summary: "All cycles, newest first",
    tag: "Cycles",
    access: "signed-in",
    response: Schema.Array(CycleView),
    handler: () =>
      Effect.map(
        query((db) => db.select().from(schema.cycles).orderBy(desc(schema.cycles.label))),
        (rows) =>
          ok(
            rows.map((row) => ({
              label: row.label,
              standardsVersion: row.standardsVersion,
              schedule: row.schedule,
              minimumParticipants: row.minimumParticipants,
            })),
          ),
      ),
  });

  router.add({
    method: "get",
    path: "/api/v1/cycles/:cycle",
    summary: "A cycle (write 2021/22 as 2021-22 in the URL)",
    tag: "Cycles",
    access: "signed-in",
    response: CycleView,
    handler: ({ params }) =>
      Effect.map(findCycle(params.cycle ?? ""), (cycle) =>
        ok({
          label: cycle.label,
          standardsVersion: cycle.standardsVersion,
          schedule: Schema.encodeSync(Schedule.Schedule)(cycle.schedule),
          minimumParticipants: cycle.minimumParticipants,
        }),
      ),
  });

  router.add({
    method: "get",
    path: "/api/v1/cycles/:cycle/standards",
    summary: "The standards set the cycle pins: areas, standards, scale",
    tag: "Cycles",
    access: "signed-in",
    handler: ({ params }) => Effect.map(findCycle(params.cycle ?? ""), (cycle) => ok(cycle.set)),
  });
};
