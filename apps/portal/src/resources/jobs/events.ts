// Server-Sent Events for a job's progress. The stream polls the job's row rather than listening to
// this process's worker, because the job may be running on another portal instance.
import { Effect } from "effect";
import type { Services } from "../../http/Api.ts";
import { findJob } from "../../jobs/Queue.ts";
import { isFinished, jobView } from "./view.ts";

const POLL_MS = 250;
/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 15_000;

const encoder = new TextEncoder();
const event = (name: string, data: unknown, id?: number) =>
  encoder.encode(
    `${id === undefined ? "" : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`,
  );

/** A stream of `progress` events (only when something changed), ending with `done` or `failed`. */
export const jobEvents = (jobId: string) =>
  Effect.gen(function* () {
    const context = yield* Effect.context<Services>();
    const load = () => Effect.runPromise(findJob(jobId).pipe(Effect.provideContext(context)));
    let stopped = false;
    let sequence = 0;
    return new ReadableStream<Uint8Array>({
      async start(controller) {
        let last = "";
        let quietSince = Date.now();
        try {
          while (!stopped) {
            const job = await load();
            if (job === undefined) {
              controller.enqueue(event("failed", { error: "The job no longer exists." }));
              break;
            }
            const view = jobView(job);
            const text = JSON.stringify(view);
            if (text !== last) {
              last = text;
              quietSince = Date.now();
              sequence += 1;
              controller.enqueue(event("progress", view, sequence));
            } else if (Date.now() - quietSince > KEEPALIVE_MS) {
              quietSince = Date.now();
              controller.enqueue(encoder.encode(": still working\n\n"));
            }
            if (isFinished(job)) {
              controller.enqueue(event(job.status === "succeeded" ? "done" : "failed", view));
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          }
          controller.close();
        } catch (error) {
          controller.error(error);
        }
      },
      cancel() {
        stopped = true;
      },
    });
  });
