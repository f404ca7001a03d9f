// Carrying a year's unfinished actions into the next: copies keep their status, notes and first
// cycle, and point at their source, so running it again copies nothing twice.
import { randomUUID } from "node:crypto";
import { ActionPlan, Standards } from "@sequin/core";
import { schema } from "@sequin/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { Result } from "effect";
import type { StoredCycle } from "../../repositories/Cycles.ts";
import { transaction } from "../../repositories/query.ts";
import { toCoreAction } from "./store.ts";

export interface CarryOverOutcome {
  readonly from: string;
  readonly to: string;
  readonly carried: number;
  readonly alreadyCarried: number;
  readonly notCarried: ReadonlyArray<{ actionId: string; standardId: string; reason: string }>;
}

const OPEN = ["not-started", "in-progress"] as const;

export const carryOver = (
  service: { readonly id: string; readonly organisationId: string },
  from: StoredCycle,
  to: StoredCycle,
) =>
  transaction<CarryOverOutcome, never>(async (tx) => {
    const sources = await tx
      .select()
      .from(schema.actions)
      .where(
        and(
          eq(schema.actions.serviceId, service.id),
          eq(schema.actions.cycle, from.label),
          inArray(schema.actions.status, [...OPEN]),
        ),
      )
      .orderBy(asc(schema.actions.due), asc(schema.actions.createdAt));
    const ids = sources.map((row) => row.id);
    const done = new Set(
      ids.length === 0
        ? []
        : (
            await tx
              .select({ from: schema.actions.carriedFromActionId })
              .from(schema.actions)
              .where(inArray(schema.actions.carriedFromActionId, ids))
          ).map((copy) => copy.from),
    );
    const notes =
      ids.length === 0
        ? []
        : await tx
            .select()
            .from(schema.actionNotes)
            .where(inArray(schema.actionNotes.actionId, ids))
            .orderBy(asc(schema.actionNotes.on), asc(schema.actionNotes.id));
    // A later standards set may retire a standard: an action tied to it cannot follow it there.
    const retired = sources.filter(
      (row) => !done.has(row.id) && Standards.findStandard(to.set, row.standardId) === undefined,
    );
    const pending = sources.filter(
      (row) => !done.has(row.id) && !retired.some((gone) => gone.id === row.id),
    );
    const sourceOf = new Map<string, string>();
    const copies = ActionPlan.carryOver(
      pending.map((row) =>
        toCoreAction(
          row,
          notes.filter((note) => note.actionId === row.id),
        ),
      ),
      to.label,
      (action) => {
        const id = randomUUID();
        sourceOf.set(id, action.id);
        return id;
      },
    );
    // The unique source column makes a concurrent second run a no-op rather than a duplicate.
    const inserted =
      copies.length === 0
        ? []
        : await tx
            .insert(schema.actions)
            .values(
              copies.map((copy) => ({
                id: copy.id,
                organisationId: service.organisationId,
                serviceId: service.id,
                cycle: copy.cycle,
                standardId: copy.standardId,
                what: copy.what,
                owner: copy.owner,
                due: copy.due,
                status: copy.status,
                outcome: copy.outcome ?? null,
                carriedFrom: copy.carriedFrom ?? from.label,
                carriedFromActionId: sourceOf.get(copy.id) ?? null,
              })),
            )
            .onConflictDoNothing()
            .returning({ id: schema.actions.id });
    const insertedIds = new Set(inserted.map((row) => row.id));
    const copiedNotes = copies
      .filter((copy) => insertedIds.has(copy.id))
      .flatMap((copy) =>
        copy.notes.map((note) => ({
          actionId: copy.id,
          organisationId: service.organisationId,
          on: note.on,
          text: note.text,
        })),
      );
    if (copiedNotes.length > 0) await tx.insert(schema.actionNotes).values(copiedNotes);
    return Result.succeed({
      from: from.label,
      to: to.label,
      carried: inserted.length,
      alreadyCarried: sources.length - retired.length - inserted.length,
      notCarried: retired.map((row) => ({
        actionId: row.id,
        standardId: row.standardId,
        reason: `${row.standardId} is not a standard of standards set ${to.standardsVersion}`,
      })),
    });
  });
