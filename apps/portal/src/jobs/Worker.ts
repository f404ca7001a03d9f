// Runs queued jobs in this process: one at a time (the machines have two cores and a job is
// CPU-bound), polling the shared queue so that several portal instances split the work. An enqueue
// in this instance wakes the loop at once; other instances' jobs are picked up at the next poll.
import { randomUUID } from "node:crypto";
import { Cause, Effect, Exit, type ManagedRuntime, Schema } from "effect";
import type { Services } from "../http/Api.ts";
import type { Logger } from "../http/Logger.ts";
import type { Db } from "../Services.ts";
import { type Artifact, claim, fail, type JobRow, reportProgress, succeed } from "./Queue.ts";

/** A job could not be done, for a reason the network admin should read. */
export class JobFailed extends Schema.TaggedError<JobFailed>()("JobFailed", {
  message: Schema.String,
}) {}

/** This instance lost the job's lease (another instance took it over): stop quietly. */
export class LeaseLost extends Schema.TaggedError<LeaseLost>()("LeaseLost", {}) {}

export interface JobProgress {
  /** Records progress (and renews the lease). Fails with LeaseLost if the job was taken over. */
  readonly report: (
    done: number,
    total: number,
    message: string,
  ) => Effect.Effect<void, LeaseLost, Db>;
}

export interface JobOutcome {
  readonly result: unknown;
  readonly artifact?: Artifact;
}

export type JobHandler = (
  payload: unknown,
  progress: JobProgress,
) => Effect.Effect<JobOutcome, JobFailed | LeaseLost, Services>;

export interface Housekeeping {
  readonly everyMs: number;
  readonly run: Effect.Effect<void, never, Services>;
}

export interface JobWorkerOptions {
  readonly handlers: Readonly<Record<string, JobHandler>>;
  readonly logger: Logger;
  readonly pollMs?: number;
  readonly housekeeping?: ReadonlyArray<Housekeeping>;
}

export interface JobWorker {
  /** The lease owner name of this instance (host-independent, unique per process). */
  readonly owner: string;
  readonly start: () => void;
  readonly stop: () => Promise<void>;
  /** Looks for work now instead of at the next poll. */
  readonly wake: () => void;
  /** Claims and runs at most one job; true if it ran one. Tests drive the worker with it. */
  readonly runOnce: () => Promise<boolean>;
}

export const makeJobWorker = (
  runtime: ManagedRuntime.ManagedRuntime<Services, never>,
  options: JobWorkerOptions,
): JobWorker => {
  const owner = `portal-${process.pid}-${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 2_000;
  const housekeepingDue = (options.housekeeping ?? []).map(() => 0);
  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;

  const execute = async (job: JobRow): Promise<void> => {
    const handler = options.handlers[job.kind];
    if (handler === undefined) {
      await runtime.runPromise(fail(job.id, owner, `unknown kind of job "${job.kind}"`));
      return;
    }
    const progress: JobProgress = {
      report: (done, total, message) =>
        reportProgress(job.id, owner, { done, total, message }).pipe(
          Effect.flatMap((held) => (held ? Effect.void : Effect.fail(new LeaseLost()))),
        ),
    };
    const exit = await runtime.runPromiseExit(handler(job.payload, progress));
    if (Exit.isSuccess(exit)) {
      await runtime.runPromise(succeed(job.id, owner, exit.value.result, exit.value.artifact));
      options.logger.info("job finished", { jobId: job.id, kind: job.kind });
      return;
    }
    const failure = exit.cause.reasons.find(Cause.isFailReason)?.error;
    if (failure?._tag === "LeaseLost") {
      options.logger.warn("job taken over by another instance", { jobId: job.id });
      return;
    }
    const message =
      failure?._tag === "JobFailed"
        ? failure.message
        : "An unexpected error stopped the job; it has been logged.";
    if (failure === undefined)
      options.logger.error("job crashed", { jobId: job.id, cause: Cause.pretty(exit.cause) });
    await runtime.runPromise(fail(job.id, owner, message));
  };

  const runOnce = async (): Promise<boolean> => {
    const job = await runtime.runPromise(claim(owner));
    if (job === undefined) return false;
    await execute(job);
    return true;
  };

  const runHousekeeping = async (): Promise<void> => {
    const now = Date.now();
    for (const [index, task] of (options.housekeeping ?? []).entries()) {
      if (now < (housekeepingDue[index] ?? 0)) continue;
      housekeepingDue[index] = now + task.everyMs;
      await runtime.runPromise(task.run);
    }
  };

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const cycle = async (): Promise<void> => {
    while (running) {
      try {
        await runHousekeeping();
        if (await runOnce()) continue;
      } catch (error) {
        // The database may be briefly unreachable; keep the loop alive and try again later.
        options.logger.error("job worker error", { error: String(error) });
      }
      if (running) await sleep();
    }
  };

  return {
    owner,
    start: () => {
      if (running) return;
      running = true;
      loop = cycle();
    },
    stop: async () => {
      running = false;
      wakeUp?.();
      await loop;
    },
    wake: () => wakeUp?.(),
    runOnce,
  };
};
