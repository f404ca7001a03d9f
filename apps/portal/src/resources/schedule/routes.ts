// Schedules in use: a service's choice of areas (quarterly cycles), where each area stands, and
// which services the network should chase.
import { Cycle, LocalDate, Schedule } from "@sequin/core";
import { schema } from "@sequin/db";
import { and, eq } from "drizzle-orm";
import { Effect, Result, Schema } from "effect";
import { belongsTo, isAdmin } from "../../auth/Principal.ts";
import { ok, type Router } from "../../http/Api.ts";
import { Forbidden } from "../../http/Errors.ts";
import { idParam } from "../../http/Params.ts";
import { findCycle } from "../../repositories/Cycles.ts";
import { transaction } from "../../repositories/query.ts";
import { Now } from "../../Services.ts";
import { visibleService } from "../network/routes.ts";
import { registerFeedRoutes } from "./feeds.ts";
import { networkProgress, serviceProgress } from "./progress.ts";

const Minimum = Schema.Struct({
  minimum: Schema.Number,
  submitted: Schema.Number,
  met: Schema.Boolean,
});
const AreaStatusView = Schema.Struct({
  area: Schema.String,
  name: Schema.String,
  due: Schema.NullOr(Schema.String),
  status: Schedule.AreaStatus,
});
const StatusView = Schema.Struct({
  cycle: Schema.String,
  today: Schema.String,
  areas: Schema.Array(AreaStatusView),
  minimum: Minimum,
});
const ChoicesView = Schema.Struct({
  cycle: Schema.String,
  areas: Schema.Array(Schema.String),
  deadlines: Schema.Array(Schema.Struct({ area: Schema.String, due: Schema.String })),
});
const BehindView = Schema.Struct({
  cycle: Schema.String,
  today: Schema.String,
  cycleEnded: Schema.Boolean,
  overdue: Schema.Array(
    Schema.Struct({
      serviceId: Schema.String,
      name: Schema.String,
      areas: Schema.Array(
        Schema.Struct({ area: Schema.String, name: Schema.String, due: Schema.String }),
      ),
    }),
  ),
  belowMinimum: Schema.Array(
    Schema.Struct({ serviceId: Schema.String, name: Schema.String, minimum: Minimum }),
  ),
});

const today = Effect.map(Now, (now) => LocalDate.inLondon(now()));

export const registerScheduleRoutes = (router: Router): void => {
  router.add({
    method: "put",
    path: "/api/v1/services/:serviceId/cycles/:cycle/choices",
    summary: "Choose the service's own areas for a quarterly cycle (replaces the previous choice)",
    tag: "Schedule",
    access: "signed-in",
    body: Schema.Struct({
      areas: Schema.Array(Schema.String).pipe(Schema.check(Schema.isMaxLength(50))),
    }),
    response: ChoicesView,
    errors: [422],
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        const service = yield* visibleService(principal, serviceId);
        if (!belongsTo(principal, serviceId))
          return yield* new Forbidden({ message: "Only the service chooses its own areas." });
        const cycle = yield* findCycle(params.cycle ?? "");
        if (cycle.schedule.kind === "monthly")
          return yield* new Schedule.ScheduleMismatch({
            problems: ["this cycle has no areas of your choice"],
          });
        const deadlines = yield* Effect.fromResult(
          Schedule.serviceDeadlines(cycle.schedule, body.areas, cycle.set),
        );
        yield* transaction(async (tx) => {
          await tx
            .delete(schema.areaChoices)
            .where(
              and(
                eq(schema.areaChoices.serviceId, serviceId),
                eq(schema.areaChoices.cycle, cycle.label),
              ),
            );
          if (body.areas.length > 0)
            await tx.insert(schema.areaChoices).values(
              body.areas.map((area) => ({
                organisationId: service.organisationId,
                serviceId,
                cycle: cycle.label,
                area,
              })),
            );
          return Result.succeed(undefined);
        });
        return ok({ cycle: cycle.label, areas: body.areas, deadlines });
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/cycles/:cycle/status",
    summary: "Each area's deadline and status for the service today, and the yearly minimum",
    tag: "Schedule",
    access: "signed-in",
    response: StatusView,
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        const cycle = yield* findCycle(params.cycle ?? "");
        const date = yield* today;
        const progress = yield* serviceProgress(cycle, serviceId, date);
        return ok({ cycle: cycle.label, today: date, ...progress });
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/cycles/:cycle/behind",
    summary:
      "Services with overdue areas, and (once the cycle has ended) services below the minimum (network admins)",
    tag: "Schedule",
    access: "signed-in",
    response: BehindView,
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        if (!isAdmin(principal))
          return yield* new Forbidden({ message: "Only network admins see who is behind." });
        const cycle = yield* findCycle(params.cycle ?? "");
        const date = yield* today;
        // The minimum is a yearly target that early work may still meet, so nobody is "below" it
        // until the cycle is over.
        const cycleEnded = date > Cycle.bounds(cycle.label).end;
        const all = yield* networkProgress(cycle, date);
        return ok({
          cycle: cycle.label,
          today: date,
          cycleEnded,
          overdue: all.flatMap(({ service, progress }) => {
            const areas = progress.areas
              .filter((area) => area.status === "overdue")
              .map((area) => ({ area: area.area, name: area.name, due: area.due as string }));
            return areas.length === 0 ? [] : [{ serviceId: service.id, name: service.name, areas }];
          }),
          belowMinimum: cycleEnded
            ? all
                .filter(({ progress }) => !progress.minimum.met)
                .map(({ service, progress }) => ({
                  serviceId: service.id,
                  name: service.name,
                  minimum: progress.minimum,
                }))
            : [],
        });
      }),
  });

  registerFeedRoutes(router);
};
