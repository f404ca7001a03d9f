// Cycles and the standards sets they pin. A stored set is decoded once per version and cached.
import { type Cycle, Schedule, Standards } from "@sequin/core";
import { schema } from "@sequin/db";
import { eq } from "drizzle-orm";
import { Effect, Schema } from "effect";
import { InvalidInput, NotFound } from "../http/Errors.ts";
import { Db } from "../Services.ts";
import { query } from "./query.ts";

export interface StoredCycle {
  readonly label: Cycle.CycleLabel;
  readonly standardsVersion: string;
  readonly schedule: Schedule.Schedule;
  readonly minimumParticipants: number;
  readonly set: Standards.StandardsSet;
}

const sets = new Map<string, Standards.StandardsSet>();

/** Stores a standards set under its version unless that version is already stored. */
export const ensureStandardsSet = (set: Standards.StandardsSet) =>
  query((db) =>
    db
      .insert(schema.standardsSets)
      .values({ version: set.version, content: Schema.encodeSync(Standards.StandardsSet)(set) })
      .onConflictDoNothing(),
  );

export const standardsSet = (version: string) =>
  Effect.gen(function* () {
    const cached = sets.get(version);
    if (cached !== undefined) return cached;
    const rows = yield* query((db) =>
      db.select().from(schema.standardsSets).where(eq(schema.standardsSets.version, version)),
    );
    const row = rows[0];
    if (row === undefined) return yield* new NotFound({ resource: "standards set" });
    // Stored by this code from validated data: a decode failure here is corruption, a defect.
    const set = Schema.decodeUnknownSync(Standards.StandardsSet)(row.content);
    sets.set(version, set);
    return set;
  });

/** Accepts "2021/22" or the URL-friendly "2021-22". */
export const normaliseCycleLabel = (text: string): string =>
  text.replace(/^(\d{4})-(\d{2})$/u, "$1/$2");

/**
 * Cycles never change once opened (a new schedule is a new cycle), so each is read once per
 * database (keyed by the handle, so tests on fresh databases never see each other's cycles).
 */
const cyclesByDatabase = new WeakMap<object, Map<string, StoredCycle>>();

export const findCycle = (label: string) =>
  Effect.gen(function* () {
    const database = yield* Db;
    let cycles = cyclesByDatabase.get(database);
    if (cycles === undefined) {
      cycles = new Map();
      cyclesByDatabase.set(database, cycles);
    }
    const cached = cycles.get(normaliseCycleLabel(label));
    if (cached !== undefined) return cached;
    // Anything but a cycle label cannot exist; asking the database would only risk a driver error
    // (PostgreSQL refuses NUL bytes in text) for what is a plain 404.
    if (!/^\d{4}\/\d{2}$/u.test(normaliseCycleLabel(label)))
      return yield* new NotFound({ resource: "cycle" });

    const rows = yield* query((db) =>
      db
        .select()
        .from(schema.cycles)
        .where(eq(schema.cycles.label, normaliseCycleLabel(label))),
    );
    const row = rows[0];
    if (row === undefined) return yield* new NotFound({ resource: "cycle" });
    const set = yield* standardsSet(row.standardsVersion);
    const cycle: StoredCycle = {
      label: row.label as Cycle.CycleLabel,
      standardsVersion: row.standardsVersion,
      schedule: Schema.decodeUnknownSync(Schedule.Schedule)(row.schedule),
      minimumParticipants: row.minimumParticipants,
      set,
    };
    cycles.set(cycle.label, cycle);
    return cycle;
  });

/**
 * The area of a standards set named by `slug`, or a 400 naming `field` (e.g. "body.area"). The slug
 * is echoed back shortened, since it may be anything a client sent.
 */
export const areaOfSet = (
  set: Standards.StandardsSet,
  slug: string,
  field: string,
): Effect.Effect<Standards.Area, InvalidInput> => {
  const area = Standards.findArea(set, slug);
  return area === undefined
    ? Effect.fail(
        new InvalidInput({
          problems: [
            {
              field,
              message: `"${slug.slice(0, 80)}" is not an area of standards set ${set.version}`,
            },
          ],
        }),
      )
    : Effect.succeed(area);
};
