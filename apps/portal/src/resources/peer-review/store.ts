// Reading peer-review rounds and turning them into API views: who is paired, who is left out and
// why, and which pairs repeat the previous cycle's.
import { Cycle, Standards } from "@sequin/core";
import { schema } from "@sequin/db";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { Effect } from "effect";
import { NotFound } from "../../http/Errors.ts";
import { idParam } from "../../http/Params.ts";
import { findCycle, type StoredCycle } from "../../repositories/Cycles.ts";
import { query } from "../../repositories/query.ts";

export type RoundRow = typeof schema.peerReviewRounds.$inferSelect;
export type PairRow = typeof schema.peerReviewPairs.$inferSelect;

export interface ServiceEntry {
  readonly id: string;
  readonly name: string;
  readonly organisation: { readonly id: string; readonly name: string };
}

/** A pair's key whatever the order of its services. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** Every service of the network with its organisation, by id (ordered by name). */
export const serviceDirectory = query((db) =>
  db
    .select({
      id: schema.services.id,
      name: schema.services.name,
      organisationId: schema.organisations.id,
      organisationName: schema.organisations.name,
    })
    .from(schema.services)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.services.organisationId))
    .orderBy(asc(schema.services.name)),
).pipe(
  Effect.map(
    (rows) =>
      new Map<string, ServiceEntry>(
        rows.map((row) => [
          row.id,
          {
            id: row.id,
            name: row.name,
            organisation: { id: row.organisationId, name: row.organisationName },
          },
        ]),
      ),
  ),
);

/** The round named by the path's `roundId`, or 404. */
export const roundOf = (params: Readonly<Record<string, string>>) =>
  Effect.gen(function* () {
    const id = yield* idParam(params, "roundId", "peer-review round");
    const rows = yield* query((db) =>
      db.select().from(schema.peerReviewRounds).where(eq(schema.peerReviewRounds.id, id)),
    );
    const row = rows[0];
    if (row === undefined) return yield* new NotFound({ resource: "peer-review round" });
    return row;
  });

const pairsOf = (roundId: string) =>
  query((db) =>
    db.select().from(schema.peerReviewPairs).where(eq(schema.peerReviewPairs.roundId, roundId)),
  );

/**
 * The services taking part in `area` in `cycle`: every service when the area has a deadline on the
 * cycle's schedule (all areas of a monthly one, the fixed areas of a quarterly one); otherwise the
 * services that chose it, and any that started assessing it anyway (all areas are allowed).
 */
export const participants = (cycle: StoredCycle, area: string) =>
  Effect.gen(function* () {
    if (cycle.schedule.deadlines.some((deadline) => deadline.area === area)) {
      return new Set((yield* serviceDirectory).keys());
    }
    const chosen = yield* query((db) =>
      db
        .select({ serviceId: schema.areaChoices.serviceId })
        .from(schema.areaChoices)
        .where(and(eq(schema.areaChoices.cycle, cycle.label), eq(schema.areaChoices.area, area))),
    );
    const started = yield* query((db) =>
      db
        .selectDistinct({ serviceId: schema.assessments.serviceId })
        .from(schema.assessments)
        .where(and(eq(schema.assessments.cycle, cycle.label), eq(schema.assessments.area, area))),
    );
    return new Set([...chosen, ...started].map((row) => row.serviceId));
  });

/** The pairs of the previous cycle's published round (any area): the ones to avoid repeating. */
export const previousCyclePairs = (cycle: Cycle.CycleLabel) =>
  query((db) =>
    db
      .select({ a: schema.peerReviewPairs.serviceA, b: schema.peerReviewPairs.serviceB })
      .from(schema.peerReviewPairs)
      .innerJoin(
        schema.peerReviewRounds,
        eq(schema.peerReviewRounds.id, schema.peerReviewPairs.roundId),
      )
      .where(
        and(
          eq(schema.peerReviewRounds.cycle, Cycle.previous(cycle)),
          eq(schema.peerReviewRounds.status, "published"),
        ),
      ),
  ).pipe(Effect.map((rows) => rows.map((row) => [row.a, row.b] as const)));

export const areaRef = (cycle: StoredCycle, slug: string) => ({
  slug,
  name: Standards.findArea(cycle.set, slug)?.name ?? slug,
});

const names = (items: ReadonlyArray<string>) =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

/** Why each service in no pair is left out, judged from the areas the round's pairs review. */
const unpairedReasons = (
  cycle: StoredCycle,
  pairs: ReadonlyArray<PairRow>,
  unpaired: ReadonlyArray<ServiceEntry>,
) =>
  Effect.gen(function* () {
    const areas = [...new Set(pairs.map((pair) => pair.area))].sort();
    const taking = new Map<string, Set<string>>();
    for (const area of areas) taking.set(area, yield* participants(cycle, area));
    const areaNames = (slugs: ReadonlyArray<string>) =>
      names(slugs.map((slug) => areaRef(cycle, slug).name));
    return new Map(
      unpaired.map((service) => {
        const own = areas.filter((area) => taking.get(area)?.has(service.id) === true);
        const reason =
          areas.length === 0
            ? "In no pair of this round."
            : own.length > 0
              ? `Takes part in ${areaNames(own)} but is in no pair of this round.`
              : `Does not take part in ${areaNames(areas)} in ${cycle.label}: not on its schedule, not chosen and not started.`;
        return [service.id, reason] as const;
      }),
    );
  });

export const summaryOf = (round: RoundRow, pairCount: number) => ({
  id: round.id,
  cycle: round.cycle,
  status: round.status,
  version: round.version,
  pairCount,
  createdAt: round.createdAt.toISOString(),
  publishedAt: round.publishedAt?.toISOString() ?? null,
});

/**
 * A round with its pairs (names, organisations, area, repeats) and the services in no pair. `reasons`
 * replaces the generic reason for the services it names (the pairing's own, when just generated).
 */
export const roundView = (round: RoundRow, reasons: ReadonlyMap<string, string> = new Map()) =>
  Effect.gen(function* () {
    const cycle = yield* findCycle(round.cycle);
    const pairs = yield* pairsOf(round.id);
    const directory = yield* serviceDirectory;
    const previous = new Set(
      (yield* previousCyclePairs(cycle.label)).map(([a, b]) => pairKey(a, b)),
    );
    const entry = (id: string): ServiceEntry =>
      directory.get(id) ?? { id, name: id, organisation: { id: "", name: "" } };
    const views = pairs
      .map((pair) => {
        const services = [entry(pair.serviceA), entry(pair.serviceB)].sort((x, y) =>
          x.name.localeCompare(y.name),
        ) as [ServiceEntry, ServiceEntry];
        return {
          id: pair.id,
          area: areaRef(cycle, pair.area),
          services,
          repeatsPreviousCycle: previous.has(pairKey(pair.serviceA, pair.serviceB)),
        };
      })
      .sort(
        (x, y) =>
          x.area.name.localeCompare(y.area.name) ||
          x.services[0].name.localeCompare(y.services[0].name),
      );
    const paired = new Set(pairs.flatMap((pair) => [pair.serviceA, pair.serviceB]));
    const left = [...directory.values()].filter((service) => !paired.has(service.id));
    const generic = yield* unpairedReasons(cycle, pairs, left);
    return {
      ...summaryOf(round, pairs.length),
      pairs: views,
      unpaired: left.map((service) => ({
        service,
        reason: reasons.get(service.id) ?? generic.get(service.id) ?? "",
      })),
    };
  });

/** The pair counts of several rounds. */
export const pairCounts = (roundIds: ReadonlyArray<string>) =>
  roundIds.length === 0
    ? Effect.succeed(new Map<string, number>())
    : query((db) =>
        db
          .select({ roundId: schema.peerReviewPairs.roundId, pairs: count() })
          .from(schema.peerReviewPairs)
          .where(inArray(schema.peerReviewPairs.roundId, [...roundIds]))
          .groupBy(schema.peerReviewPairs.roundId),
      ).pipe(Effect.map((rows) => new Map(rows.map((row) => [row.roundId, row.pairs]))));
