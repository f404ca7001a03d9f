// Rebuilds the network's benchmarks — one cycle, or every cycle — reporting progress per cycle.
// Reads normally recompute lazily when results change; this is the explicit "rebuild everything"
// an admin runs after correcting data, and it warms this instance's cache as it goes.
import { schema } from "@sequin/db";
import { asc } from "drizzle-orm";
import { Effect, Schema } from "effect";
import { query } from "../../repositories/query.ts";
import { refreshCycleStatistics } from "../../resources/benchmarks/compute.ts";
import { JobFailed, type JobHandler } from "../Worker.ts";

export const RECOMPUTE_BENCHMARKS = "recompute-benchmarks";

export const RecomputePayload = Schema.Struct({
  /** One cycle, or every cycle when absent. */
  cycle: Schema.optionalKey(Schema.String),
});

export const recomputeBenchmarks: JobHandler = (payload, progress) =>
  Effect.gen(function* () {
    const decoded = Schema.decodeUnknownOption(RecomputePayload)(payload);
    if (decoded._tag === "None")
      return yield* new JobFailed({ message: "The job's payload is not a recompute request." });
    const labels =
      decoded.value.cycle !== undefined
        ? [decoded.value.cycle]
        : (yield* query((db) =>
            db
              .select({ label: schema.cycles.label })
              .from(schema.cycles)
              .orderBy(asc(schema.cycles.label)),
          )).map((row) => row.label);
    const cycles: Array<{
      cycle: string;
      areas: number;
      withheldAreas: number;
      participants: number;
      milliseconds: number;
    }> = [];
    yield* progress.report(0, labels.length, "Starting");
    for (const [index, label] of labels.entries()) {
      yield* progress.report(index, labels.length, `Recomputing ${label}`);
      const started = performance.now();
      const statistics = yield* refreshCycleStatistics(label).pipe(
        Effect.catchTag("NotFound", () =>
          Effect.fail(new JobFailed({ message: `There is no cycle ${label}.` })),
        ),
      );
      cycles.push({
        cycle: statistics.cycle.label,
        areas: statistics.areas.length,
        withheldAreas: statistics.areas.filter((area) => area.withheld).length,
        participants: Math.max(
          0,
          ...statistics.areas.map((area) =>
            area.withheld ? area.participants : area.distribution.participants,
          ),
        ),
        milliseconds: Math.round(performance.now() - started),
      });
    }
    yield* progress.report(labels.length, labels.length, "Done");
    return { result: { cycles } };
  });
