// Login throttling, per account name and per client address, kept in the database so that every
// portal instance sees the same counts. Unknown account names are throttled exactly like real ones.
import { schema } from "@sequin/db";
import { eq, sql } from "drizzle-orm";
import { Effect } from "effect";
import { query } from "../repositories/query.ts";

const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;
export const LIMITS = { account: 5, address: 20 } as const;

export const throttleKeys = (login: string, address: string) => ({
  account: `account:${login.toLowerCase()}`,
  address: `address:${address}`,
});

/** Seconds until `key` may try again, or 0. */
export const lockedFor = (key: string, now: Date) =>
  Effect.map(
    query((db) =>
      db.select().from(schema.loginThrottle).where(eq(schema.loginThrottle.key, key)).limit(1),
    ),
    (rows) => {
      const lockedUntil = rows[0]?.lockedUntil;
      return lockedUntil === null || lockedUntil === undefined || lockedUntil <= now
        ? 0
        : Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
    },
  );

/** Counts a failure for `key`; locks it when the window's limit is reached. */
export const recordFailure = (key: string, limit: number, now: Date) => {
  // Timestamps go in as ISO text with an explicit cast: both drivers then agree on the type.
  const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
  const windowStart = at(new Date(now.getTime() - WINDOW_MS));
  const lockUntil = at(new Date(now.getTime() + LOCK_MS));
  const table = schema.loginThrottle;
  return query((db) =>
    db
      .insert(table)
      .values({
        key,
        failures: 1,
        windowStartedAt: now,
        lockedUntil: limit <= 1 ? new Date(now.getTime() + LOCK_MS) : null,
      })
      .onConflictDoUpdate({
        target: table.key,
        set: {
          failures: sql`case when ${table.windowStartedAt} < ${windowStart} then 1 else ${table.failures} + 1 end`,
          windowStartedAt: sql`case when ${table.windowStartedAt} < ${windowStart} then ${at(now)} else ${table.windowStartedAt} end`,
          lockedUntil: sql`case when ${table.windowStartedAt} >= ${windowStart} and ${table.failures} + 1 >= ${limit} then ${lockUntil} else ${table.lockedUntil} end`,
        },
      }),
  );
};

export const clearFailures = (key: string) =>
  query((db) => db.delete(schema.loginThrottle).where(eq(schema.loginThrottle.key, key)));
