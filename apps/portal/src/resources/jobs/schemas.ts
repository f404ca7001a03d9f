import { Schema } from "effect";

const CycleLabel = Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(20)));

// One struct rather than a union per kind: a union's error cannot say which field is wrong.
export const JOB_KINDS = ["recompute-benchmarks", "network-pack"] as const;
export const EnqueueJob = Schema.Struct({
  kind: Schema.Literals(JOB_KINDS),
  /** The cycle (e.g. "2021-22"); for a recompute, every cycle when absent. */
  cycle: Schema.optionalKey(CycleLabel),
});
export type EnqueueJob = typeof EnqueueJob.Type;

export const JobView = Schema.Struct({
  id: Schema.String,
  kind: Schema.String,
  payload: Schema.Unknown,
  status: Schema.Literals(["queued", "running", "succeeded", "failed"]),
  progress: Schema.Struct({
    done: Schema.Number,
    total: Schema.Number,
    /** 0–100, or null before the job knows how much there is to do. */
    percent: Schema.NullOr(Schema.Number),
    message: Schema.String,
  }),
  result: Schema.Unknown,
  error: Schema.NullOr(Schema.String),
  attempts: Schema.Number,
  /** Where to download what the job produced, once it has succeeded. */
  artifact: Schema.NullOr(Schema.Struct({ href: Schema.String, name: Schema.String })),
  links: Schema.Struct({ self: Schema.String, events: Schema.String }),
  createdAt: Schema.String,
  startedAt: Schema.NullOr(Schema.String),
  finishedAt: Schema.NullOr(Schema.String),
});
export type JobView = typeof JobView.Type;

export const JobList = Schema.Struct({ jobs: Schema.Array(JobView) });
