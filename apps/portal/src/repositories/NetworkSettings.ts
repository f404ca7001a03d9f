// Settings that belong to the whole network and must be the same on every instance and every
// restart, kept in the database.
import { randomBytes } from "node:crypto";
import { schema } from "@sequin/db";
import { eq } from "drizzle-orm";
import { Effect } from "effect";
import { Db } from "../Services.ts";
import { query } from "./query.ts";

const PEER_CODE_SALT = "peer-code-salt";

/**
 * The secret salt behind anonymised peer codes: created once, at random, and never changed, so a
 * service keeps its code year after year while nobody can work a code back to a service.
 */
export const peerCodeSalt = Effect.gen(function* () {
  const database = yield* Db;
  const known = salts.get(database);
  if (known !== undefined) return known;
  yield* query((db) =>
    db
      .insert(schema.networkSettings)
      .values({ key: PEER_CODE_SALT, value: randomBytes(24).toString("base64url") })
      .onConflictDoNothing(),
  );
  const rows = yield* query((db) =>
    db.select().from(schema.networkSettings).where(eq(schema.networkSettings.key, PEER_CODE_SALT)),
  );
  const salt = rows[0]?.value as string;
  salts.set(database, salt);
  return salt;
});

/** The salt never changes once written, so each instance reads it once per database. */
const salts = new WeakMap<object, string>();
