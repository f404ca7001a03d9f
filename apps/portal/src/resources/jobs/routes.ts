// Long work as background jobs (network admins): queue one, follow its progress by polling or by
// Server-Sent Events, download what it produced. Any portal instance may run it (jobs/Queue.ts).
import { Effect } from "effect";
import type { Router } from "../../http/Api.ts";
import { InvalidInput, NotFound } from "../../http/Errors.ts";
import { idParam } from "../../http/Params.ts";
import { enqueue, findJob, jobArtifact, recentJobs } from "../../jobs/Queue.ts";
import { findCycle } from "../../repositories/Cycles.ts";
import { JobSignal } from "../../Services.ts";
import { requireAdmin } from "../network/routes.ts";
import { contentDisposition } from "../uploads/Filenames.ts";
import { jobEvents } from "./events.ts";
import { EnqueueJob, JobList, JobView } from "./schemas.ts";
import { jobHref, jobView } from "./view.ts";

const TAG = "Jobs";

const existingJob = (params: Readonly<Record<string, string>>) =>
  Effect.gen(function* () {
    const id = yield* idParam(params, "jobId", "job");
    const job = yield* findJob(id);
    if (job === undefined) return yield* new NotFound({ resource: "job" });
    return job;
  });

export const registerJobRoutes = (router: Router): void => {
  router.add({
    method: "post",
    path: "/api/v1/jobs",
    summary:
      "Queue long work: recompute the network's benchmarks (one cycle or all) or build a cycle's network pack",
    tag: TAG,
    access: "signed-in",
    body: EnqueueJob,
    response: JobView,
    successStatus: 202,
    handler: ({ principal, body }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        if (body.kind === "network-pack" && body.cycle === undefined)
          return yield* new InvalidInput({
            problems: [
              { field: "body.cycle", message: "a network pack is for one cycle: name it" },
            ],
          });
        if (body.cycle !== undefined) {
          // The job would fail later; say so now, against the field.
          yield* findCycle(body.cycle).pipe(
            Effect.catchTag("NotFound", () =>
              Effect.fail(
                new InvalidInput({
                  problems: [{ field: "body.cycle", message: `there is no cycle "${body.cycle}"` }],
                }),
              ),
            ),
          );
        }
        const { kind, ...payload } = body;
        const row = yield* enqueue(kind, payload, principal.accountId);
        yield* JobSignal.use((signal) => Effect.sync(signal.wake));
        return {
          status: 202,
          // The inserted row is the job as it stands: no need to read it back.
          body: jobView(row),
          headers: { location: jobHref(row.id) },
        };
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/jobs",
    summary: "The 50 most recent jobs, newest first",
    tag: TAG,
    access: "signed-in",
    response: JobList,
    handler: ({ principal }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const jobs = yield* recentJobs(50);
        return { body: { jobs: jobs.map(jobView) } };
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/jobs/:jobId",
    summary: "A job's status and progress",
    tag: TAG,
    access: "signed-in",
    response: JobView,
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const job = yield* existingJob(params);
        return { body: jobView(job), headers: { "cache-control": "no-store" } };
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/jobs/:jobId/events",
    produces: ["text/event-stream"],
    summary:
      "A job's progress as Server-Sent Events (text/event-stream): `progress` on every change, then `done` or `failed`",
    tag: TAG,
    access: "signed-in",
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const job = yield* existingJob(params);
        const stream = yield* jobEvents(job.id);
        return {
          response: new Response(stream, {
            headers: {
              "content-type": "text/event-stream; charset=utf-8",
              "cache-control": "no-store",
              // Tell nginx-style proxies not to buffer the stream.
              "x-accel-buffering": "no",
            },
          }),
        };
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/jobs/:jobId/artifact",
    produces: ["application/pdf"],
    summary: "Download the file a finished job produced (e.g. the network pack PDF)",
    tag: TAG,
    access: "signed-in",
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const id = yield* idParam(params, "jobId", "job");
        const file = yield* jobArtifact(id);
        if (file?.artifact == null || file.status !== "succeeded")
          return yield* new NotFound({ resource: "job file" });
        return {
          response: new Response(file.artifact, {
            headers: {
              "content-type": file.type ?? "application/octet-stream",
              "content-disposition": contentDisposition(file.name ?? "download"),
              "content-length": String(file.artifact.byteLength),
              "cache-control": "no-store",
            },
          }),
        };
      }),
  });
};
