import type { JobSummary } from "../../jobs/Queue.ts";
import type { JobView } from "./schemas.ts";

export const jobHref = (id: string) => `/api/v1/jobs/${id}`;

/** How a job is shown over the API (and in its progress events). */
export const jobView = (job: JobSummary): JobView => ({
  id: job.id,
  kind: job.kind,
  payload: job.payload,
  status: job.status,
  progress: {
    done: job.done,
    total: job.total,
    percent:
      job.status === "succeeded"
        ? 100
        : job.total > 0
          ? Math.min(100, Math.round((job.done / job.total) * 100))
          : null,
    message: job.message,
  },
  result: job.result ?? null,
  error: job.error,
  attempts: job.attempts,
  artifact:
    job.status === "succeeded" && job.artifactName !== null
      ? { href: `${jobHref(job.id)}/artifact`, name: job.artifactName }
      : null,
  links: { self: jobHref(job.id), events: `${jobHref(job.id)}/events` },
  createdAt: job.createdAt.toISOString(),
  startedAt: job.startedAt?.toISOString() ?? null,
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

export const isFinished = (job: JobSummary): boolean =>
  job.status === "succeeded" || job.status === "failed";
