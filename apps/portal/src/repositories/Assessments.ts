// Assessments and their per-standard consensus records, read and written with optimistic versions.
import {
  Aggregation,
  type Assessment,
  Consensus,
  EvidenceGuard,
  Standards,
  Submission,
} from "@sequin/core";
import { schema } from "@sequin/db";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { Effect } from "effect";
import { isAdmin, type Principal } from "../auth/Principal.ts";
import { Forbidden, NotFound } from "../http/Errors.ts";
import type { StoredCycle } from "./Cycles.ts";
import { query } from "./query.ts";

export type AssessmentRow = typeof schema.assessments.$inferSelect;
export type ResponseRow = typeof schema.responses.$inferSelect;

/**
 * Whether a published peer-review round of the assessment's cycle pairs `reviewer` with the assessed
 * service for the assessment's area: the one rule, shared by reads and the single-statement score
 * write. Pairs are stored with service_a < service_b, so least/greatest hit peer_review_pairs_unique
 * after peer_review_rounds_cycle; drafts, other areas and other cycles grant nothing.
 */
export const publishedPairGrants = (
  reviewer: SQL,
  assessment: { readonly serviceId: SQL; readonly cycle: SQL; readonly area: SQL },
): SQL => sql`exists (
  select 1 from peer_review_rounds pr
  join peer_review_pairs pp on pp.round_id = pr.id
  where pr.cycle = ${assessment.cycle} and pr.status = 'published'
    and pp.service_a = least(${reviewer}, ${assessment.serviceId})
    and pp.service_b = greatest(${reviewer}, ${assessment.serviceId})
    and pp.area = ${assessment.area})`;

const pairedReviewer = (reviewerServiceId: string, row: AssessmentRow) =>
  query((db) =>
    db
      .select({
        paired: publishedPairGrants(sql`${reviewerServiceId}::uuid`, {
          serviceId: sql`${schema.assessments.serviceId}`,
          cycle: sql`${schema.assessments.cycle}`,
          area: sql`${schema.assessments.area}`,
        }),
      })
      .from(schema.assessments)
      .where(eq(schema.assessments.id, row.id)),
  ).pipe(Effect.map((rows) => rows[0]?.paired === true));

/**
 * The assessment if the principal may see it (`read`) or change it (`write`): its own service, the
 * service named as its peer reviewer, or the service paired with it for its area in the cycle's
 * published peer-review round; network admins may read. Anyone else gets 404.
 */
export const assessmentFor = (
  principal: Principal,
  assessmentId: string,
  intent: "read" | "write",
) =>
  Effect.gen(function* () {
    const rows = yield* query((db) =>
      db.select().from(schema.assessments).where(eq(schema.assessments.id, assessmentId)),
    );
    const row = rows[0];
    if (row === undefined) return yield* new NotFound({ resource: "assessment" });
    const own = principal.serviceId === row.serviceId;
    const reviewer =
      row.method === "peer-review" &&
      row.reviewingServiceId !== null &&
      principal.serviceId === row.reviewingServiceId;
    if (own || reviewer) return row;
    if (principal.serviceId !== null && (yield* pairedReviewer(principal.serviceId, row)))
      return row;
    if (isAdmin(principal)) {
      if (intent === "read") return row;
      return yield* new Forbidden({
        message: "Network admins can read assessments but only services change them.",
      });
    }
    return yield* new NotFound({ resource: "assessment" });
  });

export const responsesOf = (assessmentId: string) =>
  query((db) =>
    db
      .select()
      .from(schema.responses)
      .where(eq(schema.responses.assessmentId, assessmentId))
      .orderBy(asc(schema.responses.standardId)),
  );

/** The responses of several assessments in one read, by assessment, each in standard order. */
export const responsesByAssessment = (assessmentIds: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const byAssessment = new Map<string, Array<ResponseRow>>(assessmentIds.map((id) => [id, []]));
    if (assessmentIds.length === 0) return byAssessment;
    const rows = yield* query((db) =>
      db
        .select()
        .from(schema.responses)
        .where(inArray(schema.responses.assessmentId, [...assessmentIds]))
        .orderBy(asc(schema.responses.assessmentId), asc(schema.responses.standardId)),
    );
    for (const row of rows) byAssessment.get(row.assessmentId)?.push(row);
    return byAssessment;
  });

export const toAgreed = (
  row: Pick<ResponseRow, "agreed" | "notApplicable">,
): Consensus.Agreed | null => (row.notApplicable ? "na" : row.agreed);

export const toCoreResponse = (row: ResponseRow): Consensus.StandardResponse => ({
  standardId: row.standardId as Standards.StandardId,
  views: { serviceUser: row.viewServiceUser, staff: row.viewStaff, carer: row.viewCarer },
  ...(row.privateRatings === null
    ? {}
    : {
        privateRatings: row.privateRatings as NonNullable<
          Consensus.StandardResponse["privateRatings"]
        >,
      }),
  agreed: toAgreed(row),
  rationale: row.rationale,
  evidence: row.evidence,
});

export const toCoreAssessment = (
  row: AssessmentRow,
  responses: ReadonlyArray<ResponseRow>,
): Assessment.Assessment => ({
  area: row.area as Standards.AreaSlug,
  method:
    row.method === null
      ? null
      : row.method === "peer-review"
        ? { kind: "peer-review", reviewingServiceId: row.reviewingServiceId ?? "" }
        : { kind: row.method },
  attendance: {
    serviceUsers: row.attendanceServiceUsers,
    staff: row.attendanceStaff,
    carers: row.attendanceCarers,
  },
  responses: responses.map(toCoreResponse),
});

export const responseView = (row: ResponseRow) => {
  const core = toCoreResponse(row);
  const views = Consensus.groupViews(core);
  return {
    standardId: row.standardId,
    version: row.version,
    views: { serviceUser: row.viewServiceUser, staff: row.viewStaff, carer: row.viewCarer },
    privateRatings: row.privateRatings,
    privateSummary:
      core.privateRatings === undefined
        ? null
        : Consensus.summarisePrivateRatings(core.privateRatings),
    groupViews: views,
    divergence: Consensus.divergence(views) ?? null,
    agreed: toAgreed(row),
    rationale: row.rationale,
    evidence: row.evidence,
    evidenceWarnings: EvidenceGuard.scan(row.evidence),
    updatedAt: row.updatedAt.toISOString(),
  };
};

export const assessmentView = (
  row: AssessmentRow,
  responses: ReadonlyArray<ResponseRow>,
  cycle: StoredCycle,
) => {
  const area = Standards.findArea(cycle.set, row.area);
  const core = toCoreAssessment(row, responses);
  const score =
    area === undefined ? undefined : Aggregation.areaScore(area, core.responses, cycle.set.scale);
  const reasons =
    area === undefined
      ? []
      : Submission.readiness(area, core, { scale: cycle.set.scale, serviceId: row.serviceId });
  return {
    id: row.id,
    serviceId: row.serviceId,
    wardId: row.wardId,
    level: row.wardId === null ? "service" : "ward",
    cycle: row.cycle,
    area: row.area,
    status: row.status,
    version: row.version,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    method: core.method,
    attendance: core.attendance,
    standards: responses.map(responseView),
    score:
      score === undefined
        ? null
        : {
            percent: score.percent,
            display: Aggregation.formatPercent(score),
            applicable: score.applicable,
            notApplicable: score.notApplicable,
            unanswered: score.unanswered,
          },
    readiness: reasons.map((reason) => ({ ...reason, message: Submission.describe(reason) })),
  };
};

export const wardAssessments = (serviceId: string, cycle: string, area: string) =>
  query((db) =>
    db
      .select()
      .from(schema.assessments)
      .where(
        and(
          eq(schema.assessments.serviceId, serviceId),
          eq(schema.assessments.cycle, cycle),
          eq(schema.assessments.area, area),
        ),
      ),
  );
