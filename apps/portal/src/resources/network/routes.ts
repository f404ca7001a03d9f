// The network's structure, run by network admins: provider organisations, services (hospitals),
// wards, and each service's login.
import { schema } from "@sequin/db";
import { asc, eq } from "drizzle-orm";
import { Effect, Result, Schema } from "effect";
import { hashPassword, oneTimePassword } from "../../auth/Passwords.ts";
import { canReadService, isAdmin, type Principal } from "../../auth/Principal.ts";
import { created, ok, type Router } from "../../http/Api.ts";
import { Conflict, Forbidden, NotFound } from "../../http/Errors.ts";
import { idParam } from "../../http/Params.ts";
import { isUniqueViolation, query, transaction } from "../../repositories/query.ts";
import { Db } from "../../Services.ts";

const Name = Schema.Trimmed.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(200)));

const Organisation = Schema.Struct({ id: Schema.String, name: Schema.String });
const Service = Schema.Struct({
  id: Schema.String,
  organisationId: Schema.String,
  name: Schema.String,
  namedInBenchmarks: Schema.Boolean,
});
const Ward = Schema.Struct({
  id: Schema.String,
  serviceId: Schema.String,
  name: Schema.String,
  active: Schema.Boolean,
});
const IssuedLogin = Schema.Struct({
  accountId: Schema.String,
  login: Schema.String,
  oneTimePassword: Schema.String,
});

export const requireAdmin = (principal: Principal) =>
  isAdmin(principal)
    ? Effect.void
    : Effect.fail(new Forbidden({ message: "Only network admins can do this." }));

/** The service if the principal may see it; otherwise 404, so other services' ids reveal nothing. */
export const visibleService = (principal: Principal, serviceId: string) =>
  Effect.gen(function* () {
    if (!canReadService(principal, serviceId)) return yield* new NotFound({ resource: "service" });
    const rows = yield* query((db) =>
      db.select().from(schema.services).where(eq(schema.services.id, serviceId)),
    );
    const service = rows[0];
    if (service === undefined) return yield* new NotFound({ resource: "service" });
    return service;
  });

/** Inserts, turning a unique-constraint violation into a Conflict with a plain message. */
const insertUnique = <A>(run: () => Promise<A>, message: string) =>
  Effect.flatMap(
    Effect.promise(async () => {
      try {
        return Result.succeed(await run());
      } catch (error) {
        if (isUniqueViolation(error)) return Result.fail(new Conflict({ message }));
        throw error;
      }
    }),
    (result) =>
      Result.isSuccess(result) ? Effect.succeed(result.success) : Effect.fail(result.failure),
  );

export const registerNetworkRoutes = (router: Router): void => {
  router.add({
    method: "post",
    path: "/api/v1/organisations",
    summary: "Create a provider organisation (network admins)",
    tag: "Network",
    access: "signed-in",
    body: Schema.Struct({ name: Name }),
    response: Organisation,
    successStatus: 201,
    errors: [409],
    handler: ({ principal, body }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const db = yield* Db;
        const [row] = yield* insertUnique(
          () => db.insert(schema.organisations).values({ name: body.name }).returning(),
          `An organisation called "${body.name}" already exists.`,
        );
        return created({ id: row?.id, name: row?.name });
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/organisations",
    summary: "List provider organisations (network admins)",
    tag: "Network",
    access: "signed-in",
    response: Schema.Array(Organisation),
    handler: ({ principal }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const rows = yield* query((db) =>
          db
            .select({ id: schema.organisations.id, name: schema.organisations.name })
            .from(schema.organisations)
            .orderBy(asc(schema.organisations.name)),
        );
        return ok(rows);
      }),
  });

  router.add({
    method: "post",
    path: "/api/v1/services",
    summary: "Create a service (hospital) in an organisation (network admins)",
    tag: "Network",
    access: "signed-in",
    body: Schema.Struct({ organisationId: Schema.String, name: Name }),
    response: Service,
    successStatus: 201,
    errors: [409],
    handler: ({ principal, body }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const organisationId = yield* idParam(body, "organisationId", "organisation");
        const organisation = yield* query((db) =>
          db.select().from(schema.organisations).where(eq(schema.organisations.id, organisationId)),
        );
        if (organisation.length === 0) return yield* new NotFound({ resource: "organisation" });
        const db = yield* Db;
        const [row] = yield* insertUnique(
          () => db.insert(schema.services).values({ organisationId, name: body.name }).returning(),
          `A service called "${body.name}" already exists.`,
        );
        return created(serviceView(row as typeof schema.services.$inferSelect));
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/services",
    summary: "List services: all for network admins, your own otherwise",
    tag: "Network",
    access: "signed-in",
    response: Schema.Array(Service),
    handler: ({ principal }) =>
      Effect.gen(function* () {
        const rows = yield* query((db) =>
          isAdmin(principal)
            ? db.select().from(schema.services).orderBy(asc(schema.services.name))
            : db
                .select()
                .from(schema.services)
                .where(
                  eq(
                    schema.services.id,
                    principal.serviceId ?? "00000000-0000-0000-0000-000000000000",
                  ),
                ),
        );
        return ok(rows.map(serviceView));
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId",
    summary: "A service",
    tag: "Network",
    access: "signed-in",
    response: Service,
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        return ok(serviceView(yield* visibleService(principal, serviceId)));
      }),
  });

  router.add({
    method: "patch",
    path: "/api/v1/services/:serviceId",
    summary: "Opt in or out of being named in other services' benchmarks (the service's lead)",
    tag: "Network",
    access: "signed-in",
    body: Schema.Struct({ namedInBenchmarks: Schema.Boolean }),
    response: Service,
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        if (
          !isAdmin(principal) &&
          !(principal.role === "service-lead" || principal.role === "service-login")
        ) {
          return yield* new Forbidden({ message: "Only the service's lead can change this." });
        }
        const [row] = yield* query((db) =>
          db
            .update(schema.services)
            .set({ namedInBenchmarks: body.namedInBenchmarks })
            .where(eq(schema.services.id, serviceId))
            .returning(),
        );
        return ok(serviceView(row as typeof schema.services.$inferSelect));
      }),
  });

  router.add({
    method: "post",
    path: "/api/v1/services/:serviceId/wards",
    summary: "Add a ward to a service (network admins and the service's lead)",
    tag: "Network",
    access: "signed-in",
    body: Schema.Struct({ name: Name }),
    response: Ward,
    successStatus: 201,
    errors: [409],
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        const service = yield* visibleService(principal, serviceId);
        if (
          !isAdmin(principal) &&
          !(principal.role === "service-lead" || principal.role === "service-login")
        ) {
          return yield* new Forbidden({
            message: "Only network admins and the service's lead can add wards.",
          });
        }
        const db = yield* Db;
        const [row] = yield* insertUnique(
          () =>
            db
              .insert(schema.wards)
              .values({ organisationId: service.organisationId, serviceId, name: body.name })
              .returning(),
          `${service.name} already has a ward called "${body.name}".`,
        );
        return created(wardView(row as typeof schema.wards.$inferSelect));
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/wards",
    summary: "A service's wards",
    tag: "Network",
    access: "signed-in",
    response: Schema.Array(Ward),
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        const rows = yield* query((db) =>
          db
            .select()
            .from(schema.wards)
            .where(eq(schema.wards.serviceId, serviceId))
            .orderBy(asc(schema.wards.name)),
        );
        return ok(rows.map(wardView));
      }),
  });

  router.add({
    method: "post",
    path: "/api/v1/services/:serviceId/login",
    summary: "Issue (or reissue) the service's own login with a one-time password (network admins)",
    tag: "Network",
    access: "signed-in",
    body: Schema.Struct({ login: Schema.optionalKey(Name) }),
    response: IssuedLogin,
    successStatus: 201,
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const serviceId = yield* idParam(params, "serviceId", "service");
        const service = yield* visibleService(principal, serviceId);
        const login = (
          body.login ??
          service.name
            .toLowerCase()
            .replace(/[^a-z0-9]+/gu, "-")
            .replace(/^-|-$/gu, "")
        ).toLowerCase();
        const password = oneTimePassword();
        const passwordHash = yield* Effect.promise(() => hashPassword(password));
        const account = yield* transaction(async (tx) => {
          const existing = await tx
            .select()
            .from(schema.accounts)
            .where(eq(schema.accounts.login, login))
            .limit(1);
          const current = existing[0];
          if (
            current !== undefined &&
            (current.serviceId !== serviceId || current.role !== "service-login")
          ) {
            return Result.fail(new Conflict({ message: `The login "${login}" is taken.` }));
          }
          if (current !== undefined) {
            await tx
              .update(schema.accounts)
              .set({ passwordHash, mustChangePassword: true, revokedAt: null })
              .where(eq(schema.accounts.id, current.id));
            await tx.delete(schema.sessions).where(eq(schema.sessions.accountId, current.id));
            return Result.succeed(current);
          }
          const [row] = await tx
            .insert(schema.accounts)
            .values({
              login,
              displayName: service.name,
              role: "service-login",
              organisationId: service.organisationId,
              serviceId,
              passwordHash,
              mustChangePassword: true,
            })
            .returning();
          return Result.succeed(row as typeof schema.accounts.$inferSelect);
        });
        return created({ accountId: account.id, login, oneTimePassword: password });
      }),
  });
};

const serviceView = (row: typeof schema.services.$inferSelect) => ({
  id: row.id,
  organisationId: row.organisationId,
  name: row.name,
  namedInBenchmarks: row.namedInBenchmarks,
});

const wardView = (row: typeof schema.wards.$inferSelect) => ({
  id: row.id,
  serviceId: row.serviceId,
  name: row.name,
  active: row.active,
});
