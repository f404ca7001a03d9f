// A service's published peer reviews: whom it reviews, who reviews it, the area and cycle, and the
// partner's assessments it may open. Drafts are the network's working papers and never show here.
import { schema } from "@sequin/db";
import { and, asc, desc, eq, or } from "drizzle-orm";
import { Effect, Schema } from "effect";
import { ok, type Router } from "../../http/Api.ts";
import { idParam } from "../../http/Params.ts";
import { findCycle, normaliseCycleLabel } from "../../repositories/Cycles.ts";
import { query } from "../../repositories/query.ts";
import { visibleService } from "../network/routes.ts";
import { ListQuery, ServicePeerReview } from "./schemas.ts";
import { areaRef, serviceDirectory } from "./store.ts";

const publishedPairsOf = (serviceId: string, cycle: string | undefined) =>
  query((db) =>
    db
      .select({
        roundId: schema.peerReviewRounds.id,
        cycle: schema.peerReviewRounds.cycle,
        publishedAt: schema.peerReviewRounds.publishedAt,
        serviceA: schema.peerReviewPairs.serviceA,
        serviceB: schema.peerReviewPairs.serviceB,
        area: schema.peerReviewPairs.area,
      })
      .from(schema.peerReviewPairs)
      .innerJoin(
        schema.peerReviewRounds,
        eq(schema.peerReviewRounds.id, schema.peerReviewPairs.roundId),
      )
      .where(
        and(
          or(
            eq(schema.peerReviewPairs.serviceA, serviceId),
            eq(schema.peerReviewPairs.serviceB, serviceId),
          ),
          eq(schema.peerReviewRounds.status, "published"),
          cycle === undefined ? undefined : eq(schema.peerReviewRounds.cycle, cycle),
        ),
      )
      .orderBy(desc(schema.peerReviewRounds.cycle), desc(schema.peerReviewRounds.publishedAt)),
  );

const assessmentsOf = (serviceId: string, cycle: string, area: string) =>
  query((db) =>
    db
      .select({
        id: schema.assessments.id,
        wardId: schema.assessments.wardId,
        status: schema.assessments.status,
      })
      .from(schema.assessments)
      .where(
        and(
          eq(schema.assessments.serviceId, serviceId),
          eq(schema.assessments.cycle, cycle),
          eq(schema.assessments.area, area),
        ),
      )
      .orderBy(asc(schema.assessments.createdAt), asc(schema.assessments.id)),
  );

export const registerServicePeerReviewRoutes = (router: Router): void => {
  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/peer-reviews",
    summary:
      "A service's published peer reviews: whom it reviews and who reviews it, for which area and cycle, and the assessments it may open",
    tag: "Peer review",
    access: "signed-in",
    query: ListQuery,
    response: Schema.Array(ServicePeerReview),
    handler: ({ principal, params, query: filter }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        const cycle = filter.cycle === undefined ? undefined : normaliseCycleLabel(filter.cycle);
        const pairs = yield* publishedPairsOf(serviceId, cycle);
        const directory = yield* serviceDirectory;
        const reviews = [];
        for (const pair of pairs) {
          const partnerId = pair.serviceA === serviceId ? pair.serviceB : pair.serviceA;
          const partner = directory.get(partnerId);
          if (partner === undefined) continue;
          const stored = yield* findCycle(pair.cycle);
          const assessments = yield* assessmentsOf(partnerId, pair.cycle, pair.area);
          reviews.push({
            roundId: pair.roundId,
            cycle: pair.cycle,
            area: areaRef(stored, pair.area),
            publishedAt: pair.publishedAt?.toISOString() ?? "",
            reviews: partner,
            reviewedBy: partner,
            assessmentsToReview: assessments.map((row) => ({
              id: row.id,
              level: row.wardId === null ? ("service" as const) : ("ward" as const),
              wardId: row.wardId,
              status: row.status,
            })),
          });
        }
        return ok(reviews);
      }),
  });
};
