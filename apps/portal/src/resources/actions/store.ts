// Reading actions with their notes, turning rows into the core's Action and into API views, and who
// may see or change a service's plan.
import { ActionPlan, type Cycle, LocalDate, type Standards } from "@sequin/core";
import { schema } from "@sequin/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { Effect } from "effect";
import { belongsTo, type Principal } from "../../auth/Principal.ts";
import { Forbidden, NotFound } from "../../http/Errors.ts";
import { idParam } from "../../http/Params.ts";
import { query } from "../../repositories/query.ts";
import { Now } from "../../Services.ts";
import { visibleService } from "../network/routes.ts";

export type ActionRow = typeof schema.actions.$inferSelect;
export type NoteRow = typeof schema.actionNotes.$inferSelect;

/** The service in the path if the principal may read (or change) its plan; others' ids are 404. */
export const planOwner = (
  principal: Principal,
  params: Readonly<Record<string, string>>,
  intent: "read" | "write",
) =>
  Effect.gen(function* () {
    const serviceId = yield* idParam(params, "serviceId", "service");
    const service = yield* visibleService(principal, serviceId);
    if (intent === "write" && !belongsTo(principal, serviceId))
      return yield* new Forbidden({
        message: "Network admins can read action plans but only the service changes them.",
      });
    return service;
  });

/** Today in England: due dates are whole days there, whatever the server's zone. */
export const today = Now.useSync((now) => LocalDate.inLondon(now()));

export const actionOf = (serviceId: string, params: Readonly<Record<string, string>>) =>
  Effect.gen(function* () {
    const id = yield* idParam(params, "actionId", "action");
    const rows = yield* query((db) =>
      db
        .select()
        .from(schema.actions)
        .where(and(eq(schema.actions.id, id), eq(schema.actions.serviceId, serviceId))),
    );
    const row = rows[0];
    if (row === undefined) return yield* new NotFound({ resource: "action" });
    return row;
  });

export const toCoreAction = (
  row: ActionRow,
  notes: ReadonlyArray<Pick<NoteRow, "on" | "text">>,
): ActionPlan.Action => ({
  id: row.id,
  cycle: row.cycle as Cycle.CycleLabel,
  standardId: row.standardId as Standards.StandardId,
  what: row.what,
  owner: row.owner,
  due: row.due as LocalDate.LocalDate,
  status: row.status,
  notes: notes.map((note) => ({ on: note.on as LocalDate.LocalDate, text: note.text })),
  ...(row.outcome === null ? {} : { outcome: row.outcome }),
  ...(row.carriedFrom === null ? {} : { carriedFrom: row.carriedFrom as Cycle.CycleLabel }),
});

/** The dated notes of some actions, oldest first. */
export const notesOf = (actionIds: ReadonlyArray<string>) =>
  actionIds.length === 0
    ? Effect.succeed([] as Array<NoteRow>)
    : query((db) =>
        db
          .select()
          .from(schema.actionNotes)
          .where(inArray(schema.actionNotes.actionId, [...actionIds]))
          .orderBy(asc(schema.actionNotes.on), asc(schema.actionNotes.id)),
      );

const carriedInto = (actionIds: ReadonlyArray<string>) =>
  actionIds.length === 0
    ? Effect.succeed([] as Array<{ from: string | null; cycle: string }>)
    : query((db) =>
        db
          .select({ from: schema.actions.carriedFromActionId, cycle: schema.actions.cycle })
          .from(schema.actions)
          .where(inArray(schema.actions.carriedFromActionId, [...actionIds])),
      );

const view = (
  row: ActionRow,
  notes: ReadonlyArray<NoteRow>,
  carriedTo: string | null,
  on: LocalDate.LocalDate,
) => ({
  id: row.id,
  serviceId: row.serviceId,
  cycle: row.cycle,
  standardId: row.standardId,
  what: row.what,
  owner: row.owner,
  due: row.due,
  status: row.status,
  allowedStatuses: ActionPlan.transitions[row.status],
  overdue: ActionPlan.isOverdue(toCoreAction(row, notes), on),
  outcome: row.outcome,
  carriedFrom: row.carriedFrom,
  carriedTo,
  notes: notes.map((note) => ({ on: note.on, text: note.text })),
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

export type ActionView = ReturnType<typeof view>;

/** Views of `rows` with their notes, overdue as of today in London. */
export const viewsOf = (rows: ReadonlyArray<ActionRow>) =>
  Effect.gen(function* () {
    const ids = rows.map((row) => row.id);
    const notes = yield* notesOf(ids);
    const carried = new Map(
      (yield* carriedInto(ids)).map((copy) => [copy.from as string, copy.cycle]),
    );
    const on = yield* today;
    return rows.map((row) =>
      view(
        row,
        notes.filter((note) => note.actionId === row.id),
        carried.get(row.id) ?? null,
        on,
      ),
    );
  });

export const viewOf = (row: ActionRow) =>
  Effect.map(viewsOf([row]), (views) => views[0] as ActionView);
