// Settings that belong to the whole network and must be the same on every instance and every
// restart, kept in the database.
import { randomBytes } from "node:crypto";
import { schema } from "@sequin/db";
import { eq } from "drizzle-orm";
import { Effect } from "effect";
import { query } from "./query.ts";

const PEER_CODE_SALT = "peer-code-salt";

/**
 * The secret salt behind anonymised peer codes: created once, at random, and never changed, so a
 * service keeps its code year after year while nobody can work a code back to a service.
 */
export const peerCodeSalt = Effect.gen(function* () {
  yield* query((db) =>
    db
      .insert(schema.networkSettings)
      .values({ key: PEER_CODE_SALT, value: randomBytes(24).toString("base64url") })
      .onConflictDoNothing(),
  );
  const rows = yield* query((db) =>
    db.select().from(schema.networkSettings).where(eq(schema.networkSettings.key, PEER_CODE_SALT)),
  );
  return rows[0]?.value as string;
});
