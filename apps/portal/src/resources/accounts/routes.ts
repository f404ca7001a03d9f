// Individual accounts a service's lead invites (with a role) and revokes, and API tokens for
// integrations: hashed, scoped to one service, revocable.
import { randomBytes } from "node:crypto";
import { schema } from "@sequin/db";
import { and, asc, eq, isNull } from "drizzle-orm";
import { Effect, Result, Schema } from "effect";
import { hashPassword, oneTimePassword } from "../../auth/Passwords.ts";
import { isAdmin, leadsService, type Principal } from "../../auth/Principal.ts";
import { deleteAccountSessions, forgetCachedTokens, sha256 } from "../../auth/Sessions.ts";
import { created, noContent, ok, type Router } from "../../http/Api.ts";
import { Conflict, Forbidden, NotFound } from "../../http/Errors.ts";
import { idParam } from "../../http/Params.ts";
import { query, transaction } from "../../repositories/query.ts";
import { Db, Now } from "../../Services.ts";
import { visibleService } from "../network/routes.ts";

const Email = Schema.Trimmed.pipe(
  Schema.check(
    Schema.isMaxLength(320),
    Schema.isPattern(/^[^\s@]+@[^\s@]+\.[^\s@]+$/u, { message: "expected an email address" }),
  ),
);
const Name = Schema.Trimmed.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(200)));
const InvitedRole = Schema.Literals(["service-lead", "staff", "service-user-rep"]);

const AccountView = Schema.Struct({
  id: Schema.String,
  login: Schema.String,
  displayName: Schema.String,
  role: Schema.String,
  revoked: Schema.Boolean,
});
const TokenView = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  createdAt: Schema.String,
  lastUsedAt: Schema.NullOr(Schema.String),
  revoked: Schema.Boolean,
});

const requireLead = (principal: Principal, serviceId: string) =>
  leadsService(principal, serviceId)
    ? Effect.void
    : Effect.fail(
        new Forbidden({ message: "Only the service's lead can manage accounts and tokens." }),
      );

const accountView = (row: typeof schema.accounts.$inferSelect) => ({
  id: row.id,
  login: row.login,
  displayName: row.displayName,
  role: row.role,
  revoked: row.revokedAt !== null,
});

const tokenView = (row: typeof schema.apiTokens.$inferSelect) => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revoked: row.revokedAt !== null,
});

export const registerAccountRoutes = (router: Router): void => {
  router.add({
    method: "post",
    path: "/api/v1/services/:serviceId/accounts",
    summary:
      "Invite an individual account with a role; returns a one-time password (the service's lead)",
    tag: "Accounts",
    access: "signed-in",
    body: Schema.Struct({ email: Email, displayName: Name, role: InvitedRole }),
    response: Schema.Struct({ account: AccountView, oneTimePassword: Schema.String }),
    successStatus: 201,
    errors: [409],
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        const service = yield* visibleService(principal, serviceId);
        yield* requireLead(principal, serviceId);
        const password = oneTimePassword();
        const passwordHash = yield* Effect.promise(() => hashPassword(password));
        const login = body.email.toLowerCase();
        const account = yield* transaction(async (tx) => {
          const taken = await tx
            .select()
            .from(schema.accounts)
            .where(eq(schema.accounts.login, login))
            .limit(1);
          if (taken.length > 0)
            return Result.fail(new Conflict({ message: `${login} already has an account.` }));
          const [row] = await tx
            .insert(schema.accounts)
            .values({
              login,
              displayName: body.displayName,
              role: body.role,
              organisationId: service.organisationId,
              serviceId,
              passwordHash,
              mustChangePassword: true,
            })
            .returning();
          return Result.succeed(row as typeof schema.accounts.$inferSelect);
        });
        return created({ account: accountView(account), oneTimePassword: password });
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/accounts",
    summary: "A service's accounts (the service's lead and network admins)",
    tag: "Accounts",
    access: "signed-in",
    response: Schema.Array(AccountView),
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        if (!isAdmin(principal)) yield* requireLead(principal, serviceId);
        const rows = yield* query((db) =>
          db
            .select()
            .from(schema.accounts)
            .where(eq(schema.accounts.serviceId, serviceId))
            .orderBy(asc(schema.accounts.login)),
        );
        return ok(rows.map(accountView));
      }),
  });

  router.add({
    method: "delete",
    path: "/api/v1/services/:serviceId/accounts/:accountId",
    summary:
      "Revoke an account: it can no longer sign in and its sessions end (the service's lead)",
    tag: "Accounts",
    access: "signed-in",
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        const accountId = yield* idParam(params, "accountId", "account");
        yield* visibleService(principal, serviceId);
        if (!isAdmin(principal)) yield* requireLead(principal, serviceId);
        if (accountId === principal.accountId)
          return yield* new Conflict({ message: "You cannot revoke your own account." });
        const now = (yield* Now)();
        const updated = yield* query((db) =>
          db
            .update(schema.accounts)
            .set({ revokedAt: now })
            .where(and(eq(schema.accounts.id, accountId), eq(schema.accounts.serviceId, serviceId)))
            .returning({ id: schema.accounts.id }),
        );
        if (updated.length === 0) return yield* new NotFound({ resource: "account" });
        yield* deleteAccountSessions(accountId);
        return noContent;
      }),
  });

  router.add({
    method: "post",
    path: "/api/v1/services/:serviceId/tokens",
    summary: "Create an API token for the service; the token is shown once (the service's lead)",
    tag: "Accounts",
    access: "signed-in",
    body: Schema.Struct({ name: Name }),
    response: Schema.Struct({ token: Schema.String, details: TokenView }),
    successStatus: 201,
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        const service = yield* visibleService(principal, serviceId);
        yield* requireLead(principal, serviceId);
        if (principal.accountId === null)
          return yield* new Forbidden({ message: "A token cannot create tokens." });
        const createdBy = principal.accountId;
        const token = `sqt_${randomBytes(32).toString("base64url")}`;
        const [row] = yield* query((db) =>
          db
            .insert(schema.apiTokens)
            .values({
              organisationId: service.organisationId,
              serviceId,
              name: body.name,
              tokenHash: sha256(token),
              createdBy,
            })
            .returning(),
        );
        return created({ token, details: tokenView(row as typeof schema.apiTokens.$inferSelect) });
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/tokens",
    summary: "A service's API tokens (never the secrets)",
    tag: "Accounts",
    access: "signed-in",
    response: Schema.Array(TokenView),
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        yield* requireLead(principal, serviceId);
        const rows = yield* query((db) =>
          db
            .select()
            .from(schema.apiTokens)
            .where(eq(schema.apiTokens.serviceId, serviceId))
            .orderBy(asc(schema.apiTokens.createdAt)),
        );
        return ok(rows.map(tokenView));
      }),
  });

  router.add({
    method: "delete",
    path: "/api/v1/services/:serviceId/tokens/:tokenId",
    summary: "Revoke an API token",
    tag: "Accounts",
    access: "signed-in",
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        const tokenId = yield* idParam(params, "tokenId", "token");
        yield* visibleService(principal, serviceId);
        yield* requireLead(principal, serviceId);
        const now = (yield* Now)();
        const updated = yield* query((db) =>
          db
            .update(schema.apiTokens)
            .set({ revokedAt: now })
            .where(
              and(
                eq(schema.apiTokens.id, tokenId),
                eq(schema.apiTokens.serviceId, serviceId),
                isNull(schema.apiTokens.revokedAt),
              ),
            )
            .returning({ id: schema.apiTokens.id }),
        );
        if (updated.length === 0) return yield* new NotFound({ resource: "token" });
        forgetCachedTokens(yield* Db);
        return noContent;
      }),
  });
};
