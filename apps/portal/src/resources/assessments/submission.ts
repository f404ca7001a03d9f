// Submitting an area when it is ready, and the audit trail that follows it.
import { Aggregation, Standards } from "@sequin/core";
import { schema } from "@sequin/db";
import { and, asc, eq } from "drizzle-orm";
import { Effect, Result } from "effect";
import { ok, type Router } from "../../http/Api.ts";
import { Conflict, Forbidden, NotFound, StaleVersion } from "../../http/Errors.ts";
import { idParam } from "../../http/Params.ts";
import {
  type AssessmentRow,
  assessmentFor,
  assessmentView,
  responsesOf,
  toCoreAssessment,
} from "../../repositories/Assessments.ts";
import { findCycle } from "../../repositories/Cycles.ts";
import { query, transaction } from "../../repositories/query.ts";
import { Now } from "../../Services.ts";
import { mayWrite, requireReady } from "./guards.ts";
import { Submit } from "./schemas.ts";

export const registerSubmissionRoutes = (router: Router): void => {
  router.add({
    method: "post",
    path: "/api/v1/assessments/:assessmentId/submit",
    summary: "Submit the area: refused with every reason when it is not ready",
    tag: "Assessments",
    access: "signed-in",
    body: Submit,
    errors: [409, 422],
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        yield* mayWrite(principal);
        if (principal.role === "service-user-rep") {
          // Service-user representatives take part fully; the lead or staff press submit.
          return yield* new Forbidden({ message: "The service's lead or staff submit areas." });
        }
        const id = yield* idParam(params, "assessmentId", "assessment");
        const row = yield* assessmentFor(principal, id, "write");
        if (row.status === "submitted")
          return yield* new Conflict({ message: "This area has already been submitted." });
        const cycle = yield* findCycle(row.cycle);
        const area = Standards.findArea(cycle.set, row.area);
        if (area === undefined) return yield* new NotFound({ resource: "area" });
        const responses = yield* responsesOf(id);
        yield* requireReady(area, cycle, row, responses);
        const now = (yield* Now)();
        const next = yield* transaction<AssessmentRow, StaleVersion>(async (tx) => {
          const [updated] = await tx
            .update(schema.assessments)
            .set({
              status: "submitted",
              submittedAt: now,
              submittedBy: principal.accountId,
              version: row.version + 1,
              updatedAt: now,
            })
            .where(
              and(
                eq(schema.assessments.id, id),
                eq(schema.assessments.version, body.version),
                eq(schema.assessments.status, "draft"),
              ),
            )
            .returning();
          if (updated === undefined) {
            const [current] = await tx
              .select()
              .from(schema.assessments)
              .where(eq(schema.assessments.id, id));
            return Result.fail(
              new StaleVersion({
                current: { version: current?.version ?? null, status: current?.status ?? null },
              }),
            );
          }
          const score = Aggregation.areaScore(
            area,
            toCoreAssessment(updated, responses).responses,
            cycle.set.scale,
          );
          await tx.insert(schema.auditEvents).values({
            organisationId: row.organisationId,
            serviceId: row.serviceId,
            assessmentId: id,
            actorId: principal.accountId,
            at: now,
            action: "submitted",
            oldValue: { status: "draft" },
            newValue: {
              status: "submitted",
              score: score === undefined ? null : Aggregation.formatPercent(score, 1),
            },
          });
          return Result.succeed(updated);
        });
        return ok(assessmentView(next, responses, cycle));
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/assessments/:assessmentId/audit",
    summary: "The audit trail: submission and every later change (who, when, old, new, why)",
    tag: "Assessments",
    access: "signed-in",
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const id = yield* idParam(params, "assessmentId", "assessment");
        yield* assessmentFor(principal, id, "read");
        const rows = yield* query((db) =>
          db
            .select({ event: schema.auditEvents, actor: schema.accounts.displayName })
            .from(schema.auditEvents)
            .leftJoin(schema.accounts, eq(schema.accounts.id, schema.auditEvents.actorId))
            .where(eq(schema.auditEvents.assessmentId, id))
            .orderBy(asc(schema.auditEvents.id)),
        );
        return ok(
          rows.map(({ event, actor }) => ({
            at: event.at.toISOString(),
            actor: actor ?? "API token",
            action: event.action,
            standardId: event.standardId,
            old: event.oldValue,
            new: event.newValue,
            reason: event.reason,
          })),
        );
      }),
  });
};
