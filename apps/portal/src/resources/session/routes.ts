// Signing in and out. Wrong name and wrong password give the same answer, take the same time, and
// count towards the same throttles.
import { schema } from "@sequin/db";
import { and, eq, isNull } from "drizzle-orm";
import { Effect, Schema } from "effect";
import type { Context } from "hono";
import { generateCookie } from "hono/cookie";
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from "../../auth/Passwords.ts";
import type { Principal } from "../../auth/Principal.ts";
import {
  ABSOLUTE_LIFETIME_MS,
  createSession,
  deleteAccountSessions,
  deleteSession,
  SESSION_COOKIE,
} from "../../auth/Sessions.ts";
import {
  clearFailures,
  LIMITS,
  lockedFor,
  recordFailure,
  throttleKeys,
} from "../../auth/Throttle.ts";
import { type AppEnv, noContent, ok, type Router } from "../../http/Api.ts";
import { InvalidInput, TooManyAttempts, Unauthenticated } from "../../http/Errors.ts";
import { query } from "../../repositories/query.ts";
import { AppConfig, Now } from "../../Services.ts";

const Credentials = Schema.Struct({
  login: Schema.Trimmed.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(320))),
  password: Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(1024))),
});

const PasswordChange = Schema.Struct({
  currentPassword: Schema.String.pipe(Schema.check(Schema.isMaxLength(1024))),
  newPassword: Schema.String.pipe(Schema.check(Schema.isMaxLength(1024))),
});

export const SessionView = Schema.Struct({
  account: Schema.Struct({
    id: Schema.NullOr(Schema.String),
    login: Schema.String,
    displayName: Schema.String,
    role: Schema.String,
    organisationId: Schema.NullOr(Schema.String),
    serviceId: Schema.NullOr(Schema.String),
  }),
  csrfToken: Schema.NullOr(Schema.String),
  mustChangePassword: Schema.Boolean,
});

const view = (principal: Principal, csrfToken: string | null) => ({
  account: {
    id: principal.accountId,
    login: principal.login,
    displayName: principal.displayName,
    role: principal.role,
    organisationId: principal.organisationId,
    serviceId: principal.serviceId,
  },
  csrfToken,
  mustChangePassword: principal.mustChangePassword,
});

/** The client's address: the socket's, or the proxy's X-Forwarded-For when configured to trust it. */
const clientAddress = (c: Context<AppEnv>, trustProxy: boolean): string => {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
};

const WRONG = "The sign-in name or password is not right.";

export const registerSessionRoutes = (router: Router): void => {
  router.add({
    method: "post",
    path: "/api/v1/session",
    summary: "Sign in: starts a session (HttpOnly cookie) and returns the CSRF token",
    tag: "Session",
    access: "public",
    body: Credentials,
    response: SessionView,
    errors: [429],
    handler: ({ c, body }) =>
      Effect.gen(function* () {
        const config = yield* AppConfig;
        const now = (yield* Now)();
        const login = body.login.toLowerCase();
        const keys = throttleKeys(login, clientAddress(c, config.trustProxy));
        const wait = Math.max(
          yield* lockedFor(keys.account, now),
          yield* lockedFor(keys.address, now),
        );
        if (wait > 0) return yield* new TooManyAttempts({ retryAfterSeconds: wait });

        const rows = yield* query((db) =>
          db
            .select()
            .from(schema.accounts)
            .where(and(eq(schema.accounts.login, login), isNull(schema.accounts.revokedAt)))
            .limit(1),
        );
        const account = rows[0];
        // Without an account, verify against a decoy hash anyway: both answers take as long.
        const matches = yield* Effect.promise(async () =>
          account === undefined
            ? verifyPassword(await decoyHash(), body.password).then(() => false)
            : verifyPassword(account.passwordHash, body.password),
        );
        if (account === undefined || !matches) {
          yield* recordFailure(keys.account, LIMITS.account, now);
          yield* recordFailure(keys.address, LIMITS.address, now);
          return yield* new Unauthenticated({ message: WRONG });
        }
        yield* clearFailures(keys.account);
        // A new session id at every sign-in; the one this browser had (if any) ends.
        const previous = c.get("principal");
        if (previous?.sessionHash) yield* deleteSession(previous.sessionHash);
        const session = yield* createSession(account.id, now);

        const cookie = generateCookie(SESSION_COOKIE, session.cookieValue, {
          httpOnly: true,
          secure: config.publicOrigin.startsWith("https:"),
          sameSite: "Lax",
          path: "/",
          maxAge: Math.floor(ABSOLUTE_LIFETIME_MS / 1000),
        });
        const principal: Principal = {
          accountId: account.id,
          tokenId: null,
          role: account.role,
          login: account.login,
          displayName: account.displayName,
          organisationId: account.organisationId,
          serviceId: account.serviceId,
          via: "session",
          csrfToken: session.csrfToken,
          sessionHash: null,
          mustChangePassword: account.mustChangePassword,
        };
        return {
          status: 200,
          body: view(principal, session.csrfToken),
          headers: { "set-cookie": cookie },
        };
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/session",
    summary: "The signed-in account and the CSRF token for unsafe requests",
    tag: "Session",
    access: "signed-in-any",
    response: SessionView,
    handler: ({ principal }) => Effect.succeed(ok(view(principal, principal.csrfToken))),
  });

  router.add({
    method: "delete",
    path: "/api/v1/session",
    summary: "Sign out: ends the session on the server",
    tag: "Session",
    access: "signed-in-any",
    handler: ({ principal }) =>
      Effect.gen(function* () {
        if (principal.sessionHash !== null) yield* deleteSession(principal.sessionHash);
        return {
          ...noContent,
          headers: {
            "set-cookie": generateCookie(SESSION_COOKIE, "", {
              path: "/",
              maxAge: 0,
              httpOnly: true,
            }),
          },
        };
      }),
  });

  router.add({
    method: "post",
    path: "/api/v1/session/password",
    summary: "Change your password (required after a one-time password); ends your other sessions",
    tag: "Session",
    access: "signed-in-any",
    body: PasswordChange,
    handler: ({ principal, body }) =>
      Effect.gen(function* () {
        if (principal.accountId === null)
          return yield* new Unauthenticated({ message: "API tokens have no password." });
        const accountId = principal.accountId;
        const rows = yield* query((db) =>
          db.select().from(schema.accounts).where(eq(schema.accounts.id, accountId)),
        );
        const account = rows[0];
        if (
          account === undefined ||
          !(yield* Effect.promise(() => verifyPassword(account.passwordHash, body.currentPassword)))
        ) {
          return yield* new InvalidInput({
            problems: [{ field: "body.currentPassword", message: "is not right" }],
          });
        }
        const problem = passwordProblem(body.newPassword, account.login);
        if (problem !== undefined)
          return yield* new InvalidInput({
            problems: [{ field: "body.newPassword", message: problem }],
          });
        const passwordHash = yield* Effect.promise(() => hashPassword(body.newPassword));
        yield* query((db) =>
          db
            .update(schema.accounts)
            .set({ passwordHash, mustChangePassword: false })
            .where(eq(schema.accounts.id, accountId)),
        );
        // Other sessions end; this one continues.
        yield* deleteAccountSessions(accountId, principal.sessionHash);
        return noContent;
      }),
  });
};
