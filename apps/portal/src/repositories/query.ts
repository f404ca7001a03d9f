// The repository edge: database failures become defects (a 500 with a request id); only errors with
// domain meaning stay typed. Transactions roll back whole when the body fails.
import type { Database } from "@sequin/db";
import { Effect, Result } from "effect";
import { Db } from "../Services.ts";

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Runs a query; a thrown error is a defect. */
export const query = <A>(run: (db: Database) => Promise<A>): Effect.Effect<A, never, Db> =>
  Db.use((db) => Effect.promise(() => run(db)));

class Abort<E> {
  readonly error: E;
  constructor(error: E) {
    this.error = error;
  }
}

/**
 * Runs `body` in one transaction. A `Result.fail` from the body rolls everything back and fails the
 * effect with that error; a thrown error rolls back and is a defect.
 */
export const transaction = <A, E>(
  body: (tx: Transaction) => Promise<Result.Result<A, E>>,
): Effect.Effect<A, E, Db> =>
  Db.use((db) =>
    Effect.flatMap(
      Effect.promise(async (): Promise<Result.Result<A, E>> => {
        try {
          return await db.transaction(async (tx) => {
            const result = await body(tx);
            if (Result.isFailure(result)) throw new Abort(result.failure);
            return result;
          });
        } catch (error) {
          if (error instanceof Abort) return Result.fail(error.error as E);
          throw error;
        }
      }),
      (result) =>
        Result.isSuccess(result) ? Effect.succeed(result.success) : Effect.fail(result.failure),
    ),
  );

/** Whether a database error (or the driver error it wraps) is a unique-constraint violation. */
export const isUniqueViolation = (error: unknown): boolean => {
  const outer = error as { code?: string; cause?: { code?: string } } | null | undefined;
  return outer?.code === "23505" || outer?.cause?.code === "23505";
};
