// Starting, listing, reading and describing an assessment (method, attendance).
import { Standards } from "@sequin/core";
import { schema } from "@sequin/db";
import { and, asc, eq } from "drizzle-orm";
import { Effect, Result } from "effect";
import { belongsTo } from "../../auth/Principal.ts";
import { created, ok, type Router } from "../../http/Api.ts";
import { Conflict, Forbidden, InvalidInput, StaleVersion } from "../../http/Errors.ts";
import { idParam, isUuid } from "../../http/Params.ts";
import {
  type AssessmentRow,
  assessmentFor,
  assessmentView,
  responsesOf,
} from "../../repositories/Assessments.ts";
import { areaOfSet, findCycle, normaliseCycleLabel } from "../../repositories/Cycles.ts";
import { isUniqueViolation, query, transaction } from "../../repositories/query.ts";
import { Now } from "../../Services.ts";
import { visibleService } from "../network/routes.ts";
import { mayWrite, requireReady, requireReason } from "./guards.ts";
import { CreateAssessment, ListQuery, UpdateAssessment } from "./schemas.ts";

export const registerAssessmentLifecycleRoutes = (router: Router): void => {
  router.add({
    method: "post",
    path: "/api/v1/services/:serviceId/assessments",
    summary: "Start assessing an area in a cycle, for the whole service or one ward",
    tag: "Assessments",
    access: "signed-in",
    body: CreateAssessment,
    successStatus: 201,
    errors: [409],
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        const service = yield* visibleService(principal, serviceId);
        if (!belongsTo(principal, serviceId))
          return yield* new Forbidden({
            message: "Only the service itself starts its assessments.",
          });
        const cycle = yield* findCycle(body.cycle);
        const area = yield* areaOfSet(cycle.set, body.area, "body.area");
        let wardId: string | null = null;
        if (body.wardId !== undefined) {
          wardId = yield* idParam(body, "wardId", "ward");
          const wardRows = yield* query((db) =>
            db
              .select()
              .from(schema.wards)
              .where(
                and(eq(schema.wards.id, wardId as string), eq(schema.wards.serviceId, serviceId)),
              ),
          );
          if (wardRows.length === 0)
            return yield* new InvalidInput({
              problems: [{ field: "body.wardId", message: "is not a ward of this service" }],
            });
        }
        const inserted = yield* transaction<AssessmentRow, Conflict>(async (tx) => {
          try {
            const [row] = await tx
              .insert(schema.assessments)
              .values({
                organisationId: service.organisationId,
                serviceId,
                wardId,
                cycle: cycle.label,
                area: area.slug,
              })
              .returning();
            const assessment = row as typeof schema.assessments.$inferSelect;
            await tx.insert(schema.responses).values(
              area.standards.map((standard) => ({
                assessmentId: assessment.id,
                organisationId: service.organisationId,
                standardId: standard.id,
              })),
            );
            return Result.succeed(assessment);
          } catch (error) {
            if (isUniqueViolation(error)) {
              return Result.fail(
                new Conflict({
                  message: `${area.name} for ${cycle.label} has already been started${wardId === null ? "" : " for this ward"}.`,
                }),
              );
            }
            throw error;
          }
        });
        const responses = yield* responsesOf(inserted.id);
        return created(assessmentView(inserted, responses, cycle));
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/assessments",
    summary: "A service's assessments (optionally of one cycle)",
    tag: "Assessments",
    access: "signed-in",
    query: ListQuery,
    handler: ({ principal, params, query: filter }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        const rows = yield* query((db) =>
          db
            .select()
            .from(schema.assessments)
            .where(
              filter.cycle === undefined
                ? eq(schema.assessments.serviceId, serviceId)
                : and(
                    eq(schema.assessments.serviceId, serviceId),
                    eq(schema.assessments.cycle, normaliseCycleLabel(filter.cycle)),
                  ),
            )
            .orderBy(asc(schema.assessments.cycle), asc(schema.assessments.area)),
        );
        return ok(
          rows.map((row) => ({
            id: row.id,
            cycle: row.cycle,
            area: row.area,
            wardId: row.wardId,
            level: row.wardId === null ? "service" : "ward",
            status: row.status,
            version: row.version,
            submittedAt: row.submittedAt?.toISOString() ?? null,
          })),
        );
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/assessments/:assessmentId",
    summary:
      "An assessment with every standard, divergence flags, evidence warnings, score and readiness",
    tag: "Assessments",
    access: "signed-in",
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const id = yield* idParam(params, "assessmentId", "assessment");
        const row = yield* assessmentFor(principal, id, "read");
        const cycle = yield* findCycle(row.cycle);
        return ok(assessmentView(row, yield* responsesOf(id), cycle));
      }),
  });

  router.add({
    method: "patch",
    path: "/api/v1/assessments/:assessmentId",
    summary: "Record how the area was assessed and who took part (counts by role)",
    tag: "Assessments",
    access: "signed-in",
    body: UpdateAssessment,
    errors: [409, 422],
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        yield* mayWrite(principal);
        const id = yield* idParam(params, "assessmentId", "assessment");
        const row = yield* assessmentFor(principal, id, "write");
        const submitted = row.status === "submitted";
        yield* requireReason(submitted, body.reason);
        const method = body.method === undefined ? undefined : body.method;
        if (method?.kind === "peer-review") {
          if (!isUuid(method.reviewingServiceId)) {
            return yield* new InvalidInput({
              problems: [{ field: "body.method.reviewingServiceId", message: "is not a service" }],
            });
          }
          const reviewer = method.reviewingServiceId.toLowerCase();
          const exists = yield* query((db) =>
            db
              .select({ id: schema.services.id })
              .from(schema.services)
              .where(eq(schema.services.id, reviewer)),
          );
          if (exists.length === 0 || reviewer === row.serviceId) {
            return yield* new InvalidInput({
              problems: [
                {
                  field: "body.method.reviewingServiceId",
                  message: "must be another service in the network",
                },
              ],
            });
          }
        }
        const changes = {
          ...(method === undefined
            ? {}
            : {
                method: method === null ? null : method.kind,
                reviewingServiceId:
                  method?.kind === "peer-review" ? method.reviewingServiceId.toLowerCase() : null,
              }),
          ...(body.attendance === undefined
            ? {}
            : {
                attendanceServiceUsers: body.attendance.serviceUsers,
                attendanceStaff: body.attendance.staff,
                attendanceCarers: body.attendance.carers,
              }),
        };
        const cycle = yield* findCycle(row.cycle);
        const area = Standards.findArea(cycle.set, row.area);
        if (submitted && area !== undefined) {
          const responses = yield* responsesOf(id);
          yield* requireReady(area, cycle, { ...row, ...changes } as typeof row, responses);
        }
        const now = (yield* Now)();
        const updated = yield* transaction<AssessmentRow, StaleVersion>(async (tx) => {
          const [next] = await tx
            .update(schema.assessments)
            .set({ ...changes, version: row.version + 1, updatedAt: now })
            .where(and(eq(schema.assessments.id, id), eq(schema.assessments.version, body.version)))
            .returning();
          if (next === undefined) {
            const [current] = await tx
              .select()
              .from(schema.assessments)
              .where(eq(schema.assessments.id, id));
            return Result.fail(
              new StaleVersion({
                current: current === undefined ? null : { version: current.version },
              }),
            );
          }
          if (submitted) {
            await tx.insert(schema.auditEvents).values({
              organisationId: row.organisationId,
              serviceId: row.serviceId,
              assessmentId: id,
              actorId: principal.accountId,
              at: now,
              action: "assessment-changed",
              oldValue: {
                method: row.method,
                reviewingServiceId: row.reviewingServiceId,
                attendance: [row.attendanceServiceUsers, row.attendanceStaff, row.attendanceCarers],
              },
              newValue: {
                method: next.method,
                reviewingServiceId: next.reviewingServiceId,
                attendance: [
                  next.attendanceServiceUsers,
                  next.attendanceStaff,
                  next.attendanceCarers,
                ],
              },
              reason: body.reason ?? null,
            });
          }
          return Result.succeed(next);
        });
        return ok(assessmentView(updated, yield* responsesOf(id), cycle));
      }),
  });
};
