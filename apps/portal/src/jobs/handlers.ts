// What the job worker can do, by kind, and the periodic housekeeping it runs between jobs.
import { Effect } from "effect";
import { sweepExpiredSessions } from "../auth/Sessions.ts";
import { Log, Now } from "../Services.ts";
import { NETWORK_PACK, networkPack } from "./kinds/networkPack.ts";
import { RECOMPUTE_BENCHMARKS, recomputeBenchmarks } from "./kinds/recomputeBenchmarks.ts";
import type { Housekeeping, JobHandler } from "./Worker.ts";

export const jobHandlers: Readonly<Record<string, JobHandler>> = {
  [RECOMPUTE_BENCHMARKS]: recomputeBenchmarks,
  [NETWORK_PACK]: networkPack,
};

/** Expired sessions are refused anyway; sweeping them keeps the table (and its index) small. */
const sessionSweep: Housekeeping = {
  everyMs: 15 * 60 * 1000,
  run: Effect.gen(function* () {
    const removed = yield* sweepExpiredSessions((yield* Now)());
    if (removed > 0)
      yield* Log.use((log) => Effect.sync(() => log.info("swept expired sessions", { removed })));
  }),
};

export const maintenance: ReadonlyArray<Housekeeping> = [sessionSweep];
