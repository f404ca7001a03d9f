// Calendar feeds: a secret URL per feed that calendar apps poll for a service's deadlines. Calendar
// apps cannot sign in, so the token in the URL is the credential; only its hash is stored.
import { randomBytes } from "node:crypto";
import { LocalDate } from "@sequin/core";
import { schema } from "@sequin/db";
import { and, asc, eq, isNull } from "drizzle-orm";
import { Effect, Schema } from "effect";
import type { Hono } from "hono";
import * as ics from "ics";
import { leadsService, type Principal } from "../../auth/Principal.ts";
import { sha256 } from "../../auth/Sessions.ts";
import { type AppEnv, created, noContent, ok, type Router } from "../../http/Api.ts";
import { Forbidden, NotFound } from "../../http/Errors.ts";
import { idParam } from "../../http/Params.ts";
import { findCycle } from "../../repositories/Cycles.ts";
import { query } from "../../repositories/query.ts";
import { Now } from "../../Services.ts";
import { visibleService } from "../network/routes.ts";
import { chosenAreas, deadlinesFor } from "./progress.ts";

const FeedView = Schema.Struct({
  id: Schema.String,
  createdAt: Schema.String,
  revokedAt: Schema.NullOr(Schema.String),
});
const CreatedFeed = Schema.Struct({
  id: Schema.String,
  createdAt: Schema.String,
  url: Schema.String,
});

const feedView = (row: typeof schema.calendarFeeds.$inferSelect) => ({
  id: row.id,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

const requireLead = (principal: Principal, serviceId: string) =>
  Effect.gen(function* () {
    const service = yield* visibleService(principal, serviceId);
    if (!leadsService(principal, serviceId))
      return yield* new Forbidden({
        message: "Only the service's lead can manage calendar feeds.",
      });
    return service;
  });

export const registerFeedRoutes = (router: Router): void => {
  router.add({
    method: "post",
    path: "/api/v1/services/:serviceId/calendar-feeds",
    summary: "Create a calendar feed of the service's deadlines (the URL is shown once)",
    tag: "Schedule",
    access: "signed-in",
    body: Schema.Struct({}),
    response: CreatedFeed,
    successStatus: 201,
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        const service = yield* requireLead(principal, serviceId);
        const token = `sqc_${randomBytes(32).toString("base64url")}`;
        const createdAt = (yield* Now)();
        const [row] = yield* query((db) =>
          db
            .insert(schema.calendarFeeds)
            .values({
              organisationId: service.organisationId,
              serviceId,
              tokenHash: sha256(token),
              createdAt,
            })
            .returning(),
        );
        const feed = feedView(row as typeof schema.calendarFeeds.$inferSelect);
        return created({ id: feed.id, createdAt: feed.createdAt, url: `/calendar/${token}.ics` });
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/calendar-feeds",
    summary: "The service's calendar feeds (never their URLs)",
    tag: "Schedule",
    access: "signed-in",
    response: Schema.Array(FeedView),
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        const rows = yield* query((db) =>
          db
            .select()
            .from(schema.calendarFeeds)
            .where(eq(schema.calendarFeeds.serviceId, serviceId))
            .orderBy(asc(schema.calendarFeeds.createdAt)),
        );
        return ok(rows.map(feedView));
      }),
  });

  router.add({
    method: "delete",
    path: "/api/v1/services/:serviceId/calendar-feeds/:feedId",
    summary: "Revoke a calendar feed",
    tag: "Schedule",
    access: "signed-in",
    successStatus: 204,
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        const feedId = yield* idParam(params, "feedId", "calendar feed");
        yield* requireLead(principal, serviceId);
        const now = (yield* Now)();
        const rows = yield* query((db) =>
          db
            .select()
            .from(schema.calendarFeeds)
            .where(
              and(
                eq(schema.calendarFeeds.id, feedId),
                eq(schema.calendarFeeds.serviceId, serviceId),
              ),
            ),
        );
        if (rows[0] === undefined) return yield* new NotFound({ resource: "calendar feed" });
        // Revoking twice keeps the first revocation time.
        yield* query((db) =>
          db
            .update(schema.calendarFeeds)
            .set({ revokedAt: now })
            .where(
              and(eq(schema.calendarFeeds.id, feedId), isNull(schema.calendarFeeds.revokedAt)),
            ),
        );
        return noContent;
      }),
  });
};

const dateArray = (date: LocalDate.LocalDate): [number, number, number] => {
  const { year, month, day } = LocalDate.parts(date);
  return [year, month, day];
};

const nextDay = (date: LocalDate.LocalDate): [number, number, number] => {
  const { year, month, day } = LocalDate.parts(date);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
};

/** The feed's calendar text, or undefined for an unknown or revoked token. */
const feedCalendar = (token: string) =>
  Effect.gen(function* () {
    const [feed] = yield* query((db) =>
      db
        .select({ serviceId: schema.calendarFeeds.serviceId })
        .from(schema.calendarFeeds)
        .where(
          and(
            eq(schema.calendarFeeds.tokenHash, sha256(token)),
            isNull(schema.calendarFeeds.revokedAt),
          ),
        ),
    );
    if (feed === undefined) return undefined;
    const labels = yield* query((db) =>
      db
        .select({ label: schema.cycles.label })
        .from(schema.cycles)
        .orderBy(asc(schema.cycles.label)),
    );
    const events: Array<ics.EventAttributes> = [];
    for (const { label } of labels) {
      const cycle = yield* findCycle(label);
      const chosen = yield* chosenAreas(feed.serviceId, cycle.label);
      for (const deadline of deadlinesFor(cycle, chosen)) {
        const name =
          cycle.set.areas.find((area) => area.slug === deadline.area)?.name ?? deadline.area;
        events.push({
          uid: `${cycle.label.replace("/", "-")}-${deadline.area}-${feed.serviceId}@sequin`,
          title: `SeQuIn: ${name} due`,
          description: `${name} is due for the ${cycle.label} cycle.`,
          start: dateArray(deadline.due),
          end: nextDay(deadline.due),
          transp: "TRANSPARENT",
        });
      }
    }
    const result = ics.createEvents(events, {
      productId: "-//SeQuIn//Portal//EN",
      calName: "SeQuIn deadlines",
    });
    // Every field comes from validated data; a generator error is a bug, so a defect.
    if (result.error !== null || result.value === null)
      return yield* Effect.die(result.error ?? new Error("no calendar text"));
    return result.value;
  });

/** `/calendar/<token>.ics`: outside /api because calendar apps fetch it without a session. */
export const registerCalendarFeed = (app: Hono<AppEnv>): void => {
  app.get("/calendar/:file", async (c) => {
    const token = /^(sqc_[\w-]{20,100})\.ics$/u.exec(c.req.param("file"))?.[1];
    if (token === undefined) return c.notFound();
    const text = await c.get("runtime").runPromise(feedCalendar(token));
    if (text === undefined) return c.notFound();
    return new Response(text, {
      status: 200,
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "cache-control": "private, max-age=300",
      },
    });
  });
};
