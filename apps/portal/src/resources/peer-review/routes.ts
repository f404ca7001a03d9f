// Peer-review rounds, run by network admins: generate a draft from the core's pairing, adjust it,
// publish it. Publishing is what lets each service of a pair into the other's assessment of the
// pair's area in that cycle (see repositories/Assessments.ts `publishedPairGrants`).

import { schema } from "@sequin/db";
import { and, asc, eq, ne } from "drizzle-orm";
import { Effect, Result, Schema } from "effect";
import { created, noContent, ok, type Router } from "../../http/Api.ts";
import { Conflict, NotFound, StaleVersion } from "../../http/Errors.ts";
import { areaOfSet, findCycle } from "../../repositories/Cycles.ts";
import { query, type Transaction, transaction } from "../../repositories/query.ts";
import { Now } from "../../Services.ts";
import { requireAdmin } from "../network/routes.ts";
import { generateRound } from "./generate.ts";
import { GenerateRound, PublishRound, RoundSummary, RoundView, UpdateRound } from "./schemas.ts";
import { registerServicePeerReviewRoutes } from "./services.ts";
import { pairCounts, type RoundRow, roundOf, roundView, summaryOf } from "./store.ts";
import { validatePairs } from "./validate.ts";

const TAG = "Peer review";
const round = "/api/v1/peer-review-rounds/:roundId";

type Refusal = NotFound | Conflict | StaleVersion;

const PUBLISHED = "Published rounds cannot be changed: reviewers may already be working from them.";

/** Locks a draft round for a change; `version` (when given) must be the one the admin loaded. */
const lockDraft = async (
  tx: Transaction,
  roundId: string,
  version: number | undefined,
): Promise<Result.Result<RoundRow, Refusal>> => {
  const [row] = await tx
    .select()
    .from(schema.peerReviewRounds)
    .where(eq(schema.peerReviewRounds.id, roundId))
    .for("update");
  if (row === undefined) return Result.fail(new NotFound({ resource: "peer-review round" }));
  if (row.status === "published") return Result.fail(new Conflict({ message: PUBLISHED }));
  if (version !== undefined && row.version !== version)
    return Result.fail(new StaleVersion({ current: null }));
  return Result.succeed(row);
};

/** Records a change to a locked draft: its version moves on, so other admins' copies go stale. */
const saveDraft = async (
  tx: Transaction,
  locked: RoundRow,
  changes: Partial<Pick<RoundRow, "status" | "publishedAt">> = {},
): Promise<Result.Result<RoundRow, never>> => {
  const [next] = await tx
    .update(schema.peerReviewRounds)
    .set({ ...changes, version: locked.version + 1 })
    .where(eq(schema.peerReviewRounds.id, locked.id))
    .returning();
  return Result.succeed(next as RoundRow);
};

/** A stale write answers with the round as it is now, so the admin can merge. */
const withCurrent = <A, R>(effect: Effect.Effect<A, Refusal, R>, roundId: string) =>
  effect.pipe(
    Effect.catchTag("StaleVersion", () =>
      Effect.gen(function* () {
        const [row] = yield* query((db) =>
          db.select().from(schema.peerReviewRounds).where(eq(schema.peerReviewRounds.id, roundId)),
        );
        return yield* new StaleVersion({
          current: row === undefined ? null : yield* roundView(row),
        });
      }),
    ),
  );

export const registerPeerReviewRoutes = (router: Router): void => {
  router.add({
    method: "post",
    path: "/api/v1/cycles/:cycle/peer-review-rounds",
    summary:
      "Generate a draft peer-review round for an area: reciprocal pairs across organisations among the services taking part, avoiding last cycle's pairs (network admins)",
    tag: TAG,
    access: "signed-in",
    body: GenerateRound,
    response: RoundView,
    successStatus: 201,
    errors: [409, 422],
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const cycle = yield* findCycle(params.cycle ?? "");
        const area = yield* areaOfSet(cycle.set, body.area, "body.area");
        const [published] = yield* query((db) =>
          db
            .select({ id: schema.peerReviewRounds.id })
            .from(schema.peerReviewRounds)
            .where(
              and(
                eq(schema.peerReviewRounds.cycle, cycle.label),
                eq(schema.peerReviewRounds.status, "published"),
              ),
            ),
        );
        if (published !== undefined)
          return yield* new Conflict({
            message: `${cycle.label} already has a published round (${published.id}); a cycle has one.`,
          });
        return created(yield* generateRound(cycle, area, principal.accountId));
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/cycles/:cycle/peer-review-rounds",
    summary: "A cycle's peer-review rounds, drafts and published, oldest first (network admins)",
    tag: TAG,
    access: "signed-in",
    response: Schema.Array(RoundSummary),
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const cycle = yield* findCycle(params.cycle ?? "");
        const rows = yield* query((db) =>
          db
            .select()
            .from(schema.peerReviewRounds)
            .where(eq(schema.peerReviewRounds.cycle, cycle.label))
            .orderBy(asc(schema.peerReviewRounds.createdAt), asc(schema.peerReviewRounds.id)),
        );
        const counts = yield* pairCounts(rows.map((row) => row.id));
        return ok(rows.map((row) => summaryOf(row, counts.get(row.id) ?? 0)));
      }),
  });

  router.add({
    method: "get",
    path: round,
    summary: "A peer-review round with its pairs and the services in no pair (network admins)",
    tag: TAG,
    access: "signed-in",
    response: RoundView,
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        return ok(yield* roundView(yield* roundOf(params)));
      }),
  });

  router.add({
    method: "patch",
    path: round,
    summary:
      "Replace a draft round's pairs; a stale version gets 409 with the current round, a published round 409 (network admins)",
    tag: TAG,
    access: "signed-in",
    body: UpdateRound,
    response: RoundView,
    errors: [409],
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const existing = yield* roundOf(params);
        // Checked again under the lock; here so a published round is not answered with 400s.
        if (existing.status === "published") return yield* new Conflict({ message: PUBLISHED });
        const cycle = yield* findCycle(existing.cycle);
        const pairs = yield* validatePairs(cycle, body.pairs);
        const updated = yield* withCurrent(
          transaction<RoundRow, Refusal>(async (tx) => {
            const locked = await lockDraft(tx, existing.id, body.version);
            if (Result.isFailure(locked)) return Result.fail(locked.failure);
            await tx
              .delete(schema.peerReviewPairs)
              .where(eq(schema.peerReviewPairs.roundId, existing.id));
            if (pairs.length > 0)
              await tx
                .insert(schema.peerReviewPairs)
                .values(pairs.map((pair) => ({ ...pair, roundId: existing.id })));
            return saveDraft(tx, locked.success);
          }),
          existing.id,
        );
        return ok(yield* roundView(updated));
      }),
  });

  router.add({
    method: "post",
    path: `${round}/publish`,
    summary:
      "Publish a draft round: each pair's services may then review each other's assessment of the pair's area; one published round per cycle (network admins)",
    tag: TAG,
    access: "signed-in",
    body: PublishRound,
    response: RoundView,
    errors: [409],
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const existing = yield* roundOf(params);
        const now = (yield* Now)();
        const published = yield* withCurrent(
          transaction<RoundRow, Refusal>(async (tx) => {
            const locked = await lockDraft(tx, existing.id, body.version);
            if (Result.isFailure(locked)) return Result.fail(locked.failure);
            // Serialises publishing within a cycle, so two drafts cannot both become published.
            // NO KEY UPDATE leaves inserts that reference the cycle (assessments, actions) unblocked.
            await tx
              .select({ label: schema.cycles.label })
              .from(schema.cycles)
              .where(eq(schema.cycles.label, existing.cycle))
              .for("no key update");
            const [other] = await tx
              .select({ id: schema.peerReviewRounds.id })
              .from(schema.peerReviewRounds)
              .where(
                and(
                  eq(schema.peerReviewRounds.cycle, existing.cycle),
                  eq(schema.peerReviewRounds.status, "published"),
                  ne(schema.peerReviewRounds.id, existing.id),
                ),
              );
            if (other !== undefined)
              return Result.fail(
                new Conflict({
                  message: `${existing.cycle} already has a published round (${other.id}); a cycle has one, and a published round is not replaced.`,
                }),
              );
            const [pair] = await tx
              .select({ id: schema.peerReviewPairs.id })
              .from(schema.peerReviewPairs)
              .where(eq(schema.peerReviewPairs.roundId, existing.id))
              .limit(1);
            if (pair === undefined)
              return Result.fail(
                new Conflict({ message: "This round has no pairs: add pairs before publishing." }),
              );
            return saveDraft(tx, locked.success, { status: "published", publishedAt: now });
          }),
          existing.id,
        );
        return ok(yield* roundView(published));
      }),
  });

  router.add({
    method: "delete",
    path: round,
    summary: "Delete a draft round (published rounds stay: 409) (network admins)",
    tag: TAG,
    access: "signed-in",
    successStatus: 204,
    errors: [409],
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        yield* requireAdmin(principal);
        const existing = yield* roundOf(params);
        yield* transaction<undefined, Refusal>(async (tx) => {
          const locked = await lockDraft(tx, existing.id, undefined);
          if (Result.isFailure(locked)) return Result.fail(locked.failure);
          await tx
            .delete(schema.peerReviewRounds)
            .where(eq(schema.peerReviewRounds.id, existing.id));
          return Result.succeed(undefined);
        });
        return noContent;
      }),
  });

  registerServicePeerReviewRoutes(router);
};
