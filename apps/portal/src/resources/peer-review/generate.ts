// Generating a draft round: the core's pairing over the services taking part in the area, avoiding
// the previous cycle's published pairs, stored in one transaction.
import { Pairing, type Standards } from "@sequin/core";
import { schema } from "@sequin/db";
import { Effect, Result } from "effect";
import type { StoredCycle } from "../../repositories/Cycles.ts";
import { transaction } from "../../repositories/query.ts";
import { Now } from "../../Services.ts";
import {
  participants,
  previousCyclePairs,
  type RoundRow,
  roundView,
  serviceDirectory,
} from "./store.ts";

export const generateRound = (cycle: StoredCycle, area: Standards.Area, createdBy: string | null) =>
  Effect.gen(function* () {
    const directory = yield* serviceDirectory;
    const taking = yield* participants(cycle, area.slug);
    const candidates = [...directory.values()].filter((service) => taking.has(service.id));
    // The pairing groups by its organisationId and names it in its reasons; organisation names are
    // unique, so passing them keeps the grouping exact and makes the reasons readable.
    const pairing = yield* Effect.fromResult(
      Pairing.pairServices(
        candidates.map((service) => ({
          id: service.id,
          organisationId: service.organisation.name,
        })),
        { previousPairs: yield* previousCyclePairs(cycle.label), seed: cycle.label },
      ),
    );
    const now = (yield* Now)();
    const round = yield* transaction<RoundRow, never>(async (tx) => {
      const [inserted] = await tx
        .insert(schema.peerReviewRounds)
        .values({ cycle: cycle.label, createdBy, createdAt: now })
        .returning();
      const row = inserted as RoundRow;
      if (pairing.pairs.length > 0)
        await tx.insert(schema.peerReviewPairs).values(
          pairing.pairs.map((pair) => ({
            roundId: row.id,
            serviceA: pair.services[0],
            serviceB: pair.services[1],
            area: area.slug,
          })),
        );
      return Result.succeed(row);
    });
    const reasons = new Map<string, string>(
      [...directory.values()]
        .filter((service) => !taking.has(service.id))
        .map((service) => [
          service.id,
          `Does not take part in ${area.name} in ${cycle.label}: not on its schedule, not chosen and not started.`,
        ]),
    );
    for (const left of pairing.unpaired) reasons.set(left.serviceId, left.reason);
    return yield* roundView(round, reasons);
  });
