// Node streams to the web ReadableStream a Response takes. Pull-based, so a slow download slows the
// export down instead of filling memory, and a cancelled download stops the producer.
import type { Readable } from "node:stream";

const encoder = new TextEncoder();

export const toWebStream = (source: Readable): ReadableStream<Uint8Array> => {
  const chunks = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done === true) controller.close();
        else
          controller.enqueue(
            typeof next.value === "string"
              ? encoder.encode(next.value)
              : (next.value as Uint8Array),
          );
      },
      async cancel() {
        // Ends the iteration, which destroys the source and with it everything piped into it.
        await chunks.return?.();
      },
    },
    // One chunk ahead is enough: the source streams buffer the rest.
    { highWaterMark: 1 },
  );
};

/** A download the client cancelled (the stream was aborted or closed early): nothing to log. */
export const isCancelled = (error: unknown): boolean => {
  const { code, name } = error as { code?: string; name?: string };
  return code === "ERR_STREAM_PREMATURE_CLOSE" || code === "ABORT_ERR" || name === "AbortError";
};
