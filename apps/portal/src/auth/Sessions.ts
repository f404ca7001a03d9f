// Sessions in the database: 12 hours at most, 30 minutes idle, a new id at every login, and logout
// that deletes the row. Only a hash of the cookie value is stored.
import { createHash, randomBytes } from "node:crypto";
import { schema } from "@sequin/db";
import { and, eq, isNull, lt, lte, ne, or } from "drizzle-orm";
import { Effect } from "effect";
import { query } from "../repositories/query.ts";
import { Db } from "../Services.ts";
import type { Principal, Role } from "./Principal.ts";

export const SESSION_COOKIE = "sequin_session";
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** Last-seen is written at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");

export const createSession = (accountId: string, now: Date) =>
  Effect.gen(function* () {
    const cookieValue = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    const expiresAt = new Date(now.getTime() + ABSOLUTE_LIFETIME_MS);
    yield* query((db) =>
      db.insert(schema.sessions).values({
        idHash: sha256(cookieValue),
        accountId,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
      }),
    );
    return { cookieValue, csrfToken, expiresAt };
  });

/** The principal behind a session cookie, or undefined when it is unknown, expired or idle too long. */
export const principalFromSession = (cookieValue: string, now: Date) =>
  Effect.gen(function* () {
    const idHash = sha256(cookieValue);
    const rows = yield* query((db) =>
      db
        .select({ session: schema.sessions, account: schema.accounts })
        .from(schema.sessions)
        .innerJoin(schema.accounts, eq(schema.accounts.id, schema.sessions.accountId))
        .where(eq(schema.sessions.idHash, idHash))
        .limit(1),
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    const idleSince = now.getTime() - row.session.lastSeenAt.getTime();
    if (
      row.session.expiresAt <= now ||
      idleSince > IDLE_TIMEOUT_MS ||
      row.account.revokedAt !== null
    ) {
      yield* query((db) => db.delete(schema.sessions).where(eq(schema.sessions.idHash, idHash)));
      return undefined;
    }
    if (idleSince > TOUCH_INTERVAL_MS) {
      yield* query((db) =>
        db
          .update(schema.sessions)
          .set({ lastSeenAt: now })
          .where(eq(schema.sessions.idHash, idHash)),
      );
    }
    const principal: Principal = {
      accountId: row.account.id,
      tokenId: null,
      role: row.account.role as Role,
      login: row.account.login,
      displayName: row.account.displayName,
      organisationId: row.account.organisationId,
      serviceId: row.account.serviceId,
      via: "session",
      csrfToken: row.session.csrfToken,
      sessionHash: idHash,
      mustChangePassword: row.account.mustChangePassword,
    };
    return principal;
  });

export const deleteSession = (idHash: string) =>
  query((db) => db.delete(schema.sessions).where(eq(schema.sessions.idHash, idHash)));

/** Ends every session of an account (revocation), or all but `keep` (password change). */
export const deleteAccountSessions = (accountId: string, keep: string | null = null) =>
  query((db) =>
    db
      .delete(schema.sessions)
      .where(
        keep === null
          ? eq(schema.sessions.accountId, accountId)
          : and(eq(schema.sessions.accountId, accountId), ne(schema.sessions.idHash, keep)),
      ),
  );

/** The principal behind an API token (`Authorization: Bearer sqt_…`), or undefined. */
/**
 * Integrations call in bursts, so a verified token is remembered for a few seconds per database.
 * Revocation takes effect at once on the instance that revoked it and within TOKEN_CACHE_MS on others.
 */
export const TOKEN_CACHE_MS = 5_000;
type TokenCache = Map<string, { readonly principal: Principal; readonly until: number }>;
const tokenCache = new WeakMap<object, TokenCache>();

export const forgetCachedTokens = (database: object) => tokenCache.get(database)?.clear();

/**
 * The principal of a token verified in the last few seconds, without a database round trip or an
 * effect run: the common case of an integration's burst, answered synchronously.
 */
export const recentlyVerifiedToken = (
  database: object,
  token: string,
  now: Date,
): Principal | undefined => {
  const cache = tokenCache.get(database);
  return cache === undefined ? undefined : stillCached(cache, sha256(token), now);
};

const stillCached = (cache: TokenCache, hash: string, now: Date): Principal | undefined => {
  const cached = cache.get(hash);
  return cached !== undefined && cached.until > now.getTime() ? cached.principal : undefined;
};

export const principalFromToken = (token: string, now: Date) =>
  Effect.gen(function* () {
    const database = yield* Db;
    let cache = tokenCache.get(database);
    if (cache === undefined) {
      cache = new Map();
      tokenCache.set(database, cache);
    }
    const hash = sha256(token);
    const recent = stillCached(cache, hash, now);
    if (recent !== undefined) return recent;
    const principal = yield* lookUpToken(hash, now);
    if (principal === undefined) cache.delete(hash);
    else {
      if (cache.size > 10_000) cache.clear();
      cache.set(hash, { principal, until: now.getTime() + TOKEN_CACHE_MS });
    }
    return principal;
  });

const lookUpToken = (hash: string, now: Date) =>
  Effect.gen(function* () {
    const rows = yield* query((db) =>
      db
        .select()
        .from(schema.apiTokens)
        .where(and(eq(schema.apiTokens.tokenHash, hash), isNull(schema.apiTokens.revokedAt)))
        .limit(1),
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      yield* query((db) =>
        db.update(schema.apiTokens).set({ lastUsedAt: now }).where(eq(schema.apiTokens.id, row.id)),
      );
    }

    const principal: Principal = {
      accountId: null,
      tokenId: row.id,
      role: "api-token",
      login: `token:${row.name}`,
      displayName: row.name,
      organisationId: row.organisationId,
      serviceId: row.serviceId,
      via: "token",
      csrfToken: null,
      sessionHash: null,
      mustChangePassword: false,
    };
    return principal;
  });

/**
 * Deletes sessions that can no longer be used (past their absolute lifetime or idle too long).
 * Run periodically by the job worker, not at sign-in: a sweep is housekeeping, and sign-in should
 * not pay for it. Returns how many were removed.
 */
export const sweepExpiredSessions = (now: Date) =>
  query((db) =>
    db
      .delete(schema.sessions)
      .where(
        or(
          lte(schema.sessions.expiresAt, now),
          lt(schema.sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS)),
        ),
      )
      .returning({ idHash: schema.sessions.idHash }),
  ).pipe(Effect.map((rows) => rows.length));
