// A service's action plan: actions tied to a standard with an owner, due date, status and dated
// notes; overdue ones first; unfinished ones carried into the next cycle; and "You said, we did".
// There is no DELETE: actions are dropped, not deleted, so the plan's history stays honest.
import { ActionPlan, Standards } from "@sequin/core";
import { schema } from "@sequin/db";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { Effect, Result, Schema } from "effect";
import { created, ok, type Router } from "../../http/Api.ts";
import { InvalidInput, StaleVersion } from "../../http/Errors.ts";
import { areaOfSet, findCycle } from "../../repositories/Cycles.ts";
import { query } from "../../repositories/query.ts";
import { Now, StandardsData } from "../../Services.ts";
import { carryOver } from "./carryOver.ts";
import {
  ActionView,
  AddNote,
  CarryOver,
  CarryOverResult,
  CreateAction,
  CycleQuery,
  ListQuery,
  UpdateAction,
  YouSaidWeDid,
} from "./schemas.ts";
import {
  type ActionRow,
  actionOf,
  planOwner,
  toCoreAction,
  today,
  viewOf,
  viewsOf,
} from "./store.ts";
import { youSaidWeDid } from "./youSaidWeDid.ts";

const TAG = "Action plans";

/** A condition keeping the actions for one area's standards. */
const inArea = (set: Standards.StandardsSet, slug: string) =>
  areaOfSet(set, slug, "query.area").pipe(
    Effect.map((area) =>
      inArray(
        schema.actions.standardId,
        area.standards.map((standard) => standard.id),
      ),
    ),
  );
const base = "/api/v1/services/:serviceId";

export const registerActionRoutes = (router: Router): void => {
  router.add({
    method: "post",
    path: `${base}/actions`,
    summary: "Add an action for a standard of the cycle's pinned standards set",
    tag: TAG,
    access: "signed-in",
    body: CreateAction,
    response: ActionView,
    successStatus: 201,
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        const service = yield* planOwner(principal, params, "write");
        const cycle = yield* findCycle(body.cycle);
        if (Standards.findStandard(cycle.set, body.standardId) === undefined)
          return yield* new InvalidInput({
            problems: [
              {
                field: "body.standardId",
                message: `"${body.standardId}" is not a standard of standards set ${cycle.standardsVersion}`,
              },
            ],
          });
        const [row] = yield* query((db) =>
          db
            .insert(schema.actions)
            .values({
              organisationId: service.organisationId,
              serviceId: service.id,
              cycle: cycle.label,
              standardId: body.standardId,
              what: body.what,
              owner: body.owner,
              due: body.due,
              status: body.status ?? "not-started",
            })
            .returning(),
        );
        return created(yield* viewOf(row as ActionRow));
      }),
  });

  router.add({
    method: "get",
    path: `${base}/actions`,
    summary: "A service's actions with their notes, overdue ones first, then by due date",
    tag: TAG,
    access: "signed-in",
    query: ListQuery,
    response: Schema.Array(ActionView),
    handler: ({ principal, params, query: filter }) =>
      Effect.gen(function* () {
        const service = yield* planOwner(principal, params, "read");
        const conditions: Array<SQL> = [eq(schema.actions.serviceId, service.id)];
        const cycle = filter.cycle === undefined ? undefined : yield* findCycle(filter.cycle);
        if (cycle !== undefined) conditions.push(eq(schema.actions.cycle, cycle.label));
        if (filter.area !== undefined) {
          const set = cycle?.set ?? (yield* StandardsData).set;
          conditions.push(yield* inArea(set, filter.area));
        }
        if (filter.status !== undefined) conditions.push(eq(schema.actions.status, filter.status));
        const rows = yield* query((db) =>
          db
            .select()
            .from(schema.actions)
            .where(and(...conditions))
            .orderBy(asc(schema.actions.due), asc(schema.actions.createdAt)),
        );
        const views = (yield* viewsOf(rows))
          .filter(
            (view) => filter.overdue === undefined || view.overdue === (filter.overdue === "true"),
          )
          // A stable sort keeps the database's due-date order within each group.
          .sort((left, right) => Number(right.overdue) - Number(left.overdue));
        return ok(views);
      }),
  });

  router.add({
    method: "get",
    path: `${base}/actions/:actionId`,
    summary: "An action with its notes",
    tag: TAG,
    access: "signed-in",
    response: ActionView,
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const service = yield* planOwner(principal, params, "read");
        return ok(yield* viewOf(yield* actionOf(service.id, params)));
      }),
  });

  router.add({
    method: "patch",
    path: `${base}/actions/:actionId`,
    summary:
      "Change an action; status moves follow the allowed transitions, and a stale version gets 409 with the current action",
    tag: TAG,
    access: "signed-in",
    body: UpdateAction,
    response: ActionView,
    errors: [409, 422],
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        const service = yield* planOwner(principal, params, "write");
        const row = yield* actionOf(service.id, params);
        if (body.version !== row.version)
          return yield* new StaleVersion({ current: yield* viewOf(row) });
        let status = row.status;
        if (body.status !== undefined && body.status !== row.status) {
          const moved = ActionPlan.transition(toCoreAction(row, []), body.status);
          if (Result.isFailure(moved)) return yield* moved.failure;
          status = moved.success.status;
        }
        const changes = {
          ...(body.what === undefined ? {} : { what: body.what }),
          ...(body.owner === undefined ? {} : { owner: body.owner }),
          ...(body.due === undefined ? {} : { due: body.due }),
          ...(body.outcome === undefined ? {} : { outcome: body.outcome }),
          status,
        };
        // Nothing to change: answering without a write keeps the version, so no one else goes stale.
        if (Object.keys(changes).length === 1 && status === row.status)
          return ok(yield* viewOf(row));
        const now = (yield* Now)();
        const [next] = yield* query((db) =>
          db
            .update(schema.actions)
            .set({ ...changes, version: row.version + 1, updatedAt: now })
            .where(and(eq(schema.actions.id, row.id), eq(schema.actions.version, body.version)))
            .returning(),
        );
        if (next === undefined)
          return yield* new StaleVersion({
            current: yield* viewOf(yield* actionOf(service.id, params)),
          });
        return ok(yield* viewOf(next));
      }),
  });

  router.add({
    method: "post",
    path: `${base}/actions/:actionId/notes`,
    summary: "Add a progress note, dated today",
    tag: TAG,
    access: "signed-in",
    body: AddNote,
    response: ActionView,
    successStatus: 201,
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        const service = yield* planOwner(principal, params, "write");
        const row = yield* actionOf(service.id, params);
        const on = yield* today;
        // Notes add to the record without changing the action, so they do not bump its version.
        yield* query((db) =>
          db
            .insert(schema.actionNotes)
            .values({ actionId: row.id, organisationId: row.organisationId, on, text: body.text }),
        );
        return created(yield* viewOf(row));
      }),
  });

  router.add({
    method: "post",
    path: `${base}/actions/carry-over`,
    summary:
      "Carry every unfinished action of one cycle into a later one, with its notes; running it again copies nothing twice",
    tag: TAG,
    access: "signed-in",
    body: CarryOver,
    response: CarryOverResult,
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        const service = yield* planOwner(principal, params, "write");
        const from = yield* findCycle(body.from);
        const to = yield* findCycle(body.to);
        if (to.label <= from.label)
          return yield* new InvalidInput({
            problems: [{ field: "body.to", message: `must be a cycle after ${from.label}` }],
          });
        return ok(yield* carryOver(service, from, to));
      }),
  });

  router.add({
    method: "get",
    path: `${base}/you-said-we-did`,
    summary:
      "\"You said, we did\": a cycle's done actions with each standard's easy-read text and symbol",
    tag: TAG,
    access: "signed-in",
    query: CycleQuery,
    response: YouSaidWeDid,
    handler: ({ principal, params, query: filter }) =>
      Effect.gen(function* () {
        const service = yield* planOwner(principal, params, "read");
        const cycle = yield* findCycle(filter.cycle);
        const area = filter.area === undefined ? undefined : yield* inArea(cycle.set, filter.area);
        const rows = yield* query((db) =>
          db
            .select()
            .from(schema.actions)
            .where(
              and(
                eq(schema.actions.serviceId, service.id),
                eq(schema.actions.cycle, cycle.label),
                eq(schema.actions.status, "done"),
                area,
              ),
            )
            .orderBy(asc(schema.actions.standardId), asc(schema.actions.createdAt)),
        );
        return ok(youSaidWeDid(service, cycle, rows));
      }),
  });
};
