// An upload's raw body, read against the upload limit. app.ts exempts /upload paths from the JSON
// body limit, so this is the only thing between a client and the server's memory.
import { Effect, Result } from "effect";
import type { Context } from "hono";
import type { AppEnv } from "../../http/Api.ts";
import { InvalidInput, PayloadTooLarge, UnsupportedMediaType } from "../../http/Errors.ts";

type Failure = PayloadTooLarge | InvalidInput;

const readWithin = async (
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Result.Result<Uint8Array, Failure>> => {
  if (body === null) return Result.succeed(new Uint8Array(0));
  const reader = body.getReader();
  const chunks: Array<Uint8Array> = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      // Stop at the first chunk past the limit: it is dropped, never kept.
      if (total > limit) {
        reader.cancel().catch(() => undefined);
        return Result.fail(new PayloadTooLarge({ limitBytes: limit }));
      }
      chunks.push(value);
    }
  } catch {
    return Result.fail(
      new InvalidInput({
        problems: [{ field: "body", message: "could not be read to the end (was it cut off?)" }],
      }),
    );
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return Result.succeed(bytes);
};

/**
 * The body of a `mediaType` upload of at most `limit` bytes. A declared Content-Length over the
 * limit is refused before anything is read; without one, bytes are counted as they arrive.
 */
export const readUpload = (c: Context<AppEnv>, mediaType: string, limit: number) =>
  Effect.gen(function* () {
    const type = c.req.header("content-type") ?? "";
    if (type.split(";")[0]?.trim().toLowerCase() !== mediaType)
      return yield* new UnsupportedMediaType({ expected: mediaType });
    const declared = c.req.header("content-length");
    if (declared !== undefined && /^\d+$/u.test(declared.trim()) && Number(declared) > limit)
      return yield* new PayloadTooLarge({ limitBytes: limit });
    return yield* Effect.flatMap(
      Effect.promise(() => readWithin(c.req.raw.body, limit)),
      Effect.fromResult,
    );
  });
