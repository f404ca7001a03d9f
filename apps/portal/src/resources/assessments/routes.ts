// Assessing an area: create (whole service or one ward), record each standard's views, agreed score,
// rationale and evidence with optimistic versions, submit when ready, and read the audit trail.
import { Aggregation, Ratio, Scale, Standards, Submission } from "@sequin/core";
import { schema } from "@sequin/db";
import { and, asc, eq } from "drizzle-orm";
import { Effect, Result } from "effect";
import { belongsTo, canReadService, type Principal } from "../../auth/Principal.ts";
import { created, ok, type Router } from "../../http/Api.ts";
import { Conflict, Forbidden, InvalidInput, NotFound, StaleVersion } from "../../http/Errors.ts";
import { idParam, isUuid } from "../../http/Params.ts";
import {
  type AssessmentRow,
  assessmentFor,
  assessmentView,
  responsesOf,
  responseView,
  toAgreed,
  toCoreAssessment,
  wardAssessments,
} from "../../repositories/Assessments.ts";
import { findCycle, normaliseCycleLabel } from "../../repositories/Cycles.ts";
import { query, transaction } from "../../repositories/query.ts";
import { assessmentMeta, writeStandard } from "../../repositories/StandardWrites.ts";
import { Now } from "../../Services.ts";
import { visibleService } from "../network/routes.ts";
import {
  CreateAssessment,
  ListQuery,
  ResultsQuery,
  Submit,
  UpdateAssessment,
  UpdateStandard,
} from "./schemas.ts";

const mayWrite = (principal: Principal) =>
  principal.role === "network-admin"
    ? Effect.fail(
        new Forbidden({
          message: "Network admins can read assessments but only services change them.",
        }),
      )
    : Effect.void;

const requireReason = (submitted: boolean, reason: string | undefined) =>
  submitted && (reason === undefined || reason === "")
    ? Effect.fail(
        new InvalidInput({
          problems: [
            {
              field: "body.reason",
              message: "say why a submitted area is changed (it is kept in the audit trail)",
            },
          ],
        }),
      )
    : Effect.void;

const isUniqueViolation = (error: unknown): boolean => {
  const cause = (error as { cause?: { code?: string }; code?: string }) ?? {};
  return cause.code === "23505" || cause.cause?.code === "23505";
};

export const registerAssessmentRoutes = (router: Router): void => {
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
        const area = Standards.findArea(cycle.set, body.area);
        if (area === undefined) {
          return yield* new InvalidInput({
            problems: [
              {
                field: "body.area",
                message: `"${body.area}" is not an area of standards set ${cycle.standardsVersion}`,
              },
            ],
          });
        }
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
          const after = toCoreAssessment({ ...row, ...changes } as typeof row, responses);
          const reasons = Submission.readiness(area, after, {
            scale: cycle.set.scale,
            serviceId: row.serviceId,
          });
          if (reasons.length > 0) return yield* new Submission.NotReady({ reasons });
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

  router.add({
    method: "put",
    path: "/api/v1/assessments/:assessmentId/standards/:standardId",
    summary:
      "Record a standard's views, agreed score (or N/A), rationale and evidence; a stale version gets 409 with the current record",
    tag: "Assessments",
    access: "signed-in",
    body: UpdateStandard,
    errors: [409, 422],
    handler: ({ principal, params, body }) =>
      Effect.gen(function* () {
        yield* mayWrite(principal);
        const id = yield* idParam(params, "assessmentId", "assessment");
        const standardId = params.standardId ?? "";
        // Only what never changes is read first (cached); access, status and version are checked
        // inside the single write statement.
        const meta = yield* assessmentMeta(id);
        if (principal.serviceId === null) return yield* new NotFound({ resource: "assessment" });
        const cycle = yield* findCycle(meta.cycle);
        const area = Standards.findArea(cycle.set, meta.area);
        const standard = area?.standards.find((candidate) => candidate.id === standardId);
        if (area === undefined || standard === undefined)
          return yield* new NotFound({ resource: "standard" });
        const maximum = Scale.maxScore(cycle.set.scale);
        const problems: Array<{ field: string; message: string }> = [];
        const checkScore = (field: string, value: number | null | undefined) => {
          if (value !== null && value !== undefined && value > maximum)
            problems.push({ field, message: `scores go from 0 to ${maximum}, got ${value}` });
        };
        checkScore("body.views.serviceUser", body.views.serviceUser);
        checkScore("body.views.staff", body.views.staff);
        checkScore("body.views.carer", body.views.carer);
        if (body.agreed !== "na") checkScore("body.agreed", body.agreed);
        for (const group of ["serviceUser", "staff", "carer"] as const) {
          for (const [index, value] of (body.privateRatings?.[group] ?? []).entries()) {
            checkScore(`body.privateRatings.${group}.${index}`, value);
          }
        }
        if (body.agreed === "na" && !standard.naAllowed)
          problems.push({
            field: "body.agreed",
            message: `${standard.id} cannot be marked not applicable`,
          });
        if (problems.length > 0) return yield* new InvalidInput({ problems });
        const outcome = yield* writeStandard({
          assessmentId: id,
          standardId: standard.id,
          writerServiceId: principal.serviceId,
          actorId: principal.accountId,
          expectedVersion: body.version,
          now: (yield* Now)(),
          reason: body.reason === undefined || body.reason === "" ? null : body.reason,
          values: {
            viewServiceUser: body.views.serviceUser,
            viewStaff: body.views.staff,
            viewCarer: body.views.carer ?? null,
            privateRatings: body.privateRatings ?? null,
            agreed: body.agreed === "na" ? null : body.agreed,
            notApplicable: body.agreed === "na",
            rationale: body.rationale,
            evidence: body.evidence,
          },
        });
        switch (outcome.kind) {
          case "no-access":
            return yield* new NotFound({ resource: "assessment" });
          case "no-standard":
            return yield* new NotFound({ resource: "standard" });
          case "stale":
            return yield* new StaleVersion({ current: responseView(outcome.before) });
          case "refused":
            yield* requireReason(true, body.reason);
            return yield* new Submission.NotReady({
              reasons: [{ _tag: "AgreedScoreMissing", standardId: standard.id }],
            });
          case "written":
            return ok(responseView(outcome.after));
        }
      }),
  });

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
        const reasons = Submission.readiness(area, toCoreAssessment(row, responses), {
          scale: cycle.set.scale,
          serviceId: row.serviceId,
        });
        if (reasons.length > 0) return yield* new Submission.NotReady({ reasons });
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

  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/results",
    summary:
      "A service's submitted result for an area: ward means per standard with coverage, and the area score",
    tag: "Assessments",
    access: "signed-in",
    query: ResultsQuery,
    handler: ({ principal, params, query: filter }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        if (!canReadService(principal, serviceId))
          return yield* new NotFound({ resource: "service" });
        const cycle = yield* findCycle(filter.cycle);
        const area = Standards.findArea(cycle.set, filter.area);
        if (area === undefined)
          return yield* new InvalidInput({
            problems: [{ field: "query.area", message: `"${filter.area}" is not an area` }],
          });
        const submitted = (yield* wardAssessments(serviceId, cycle.label, area.slug)).filter(
          (row) => row.status === "submitted",
        );
        const wholeService = submitted.find((row) => row.wardId === null);
        const wardRows = submitted.filter((row) => row.wardId !== null);
        const totalWards =
          wholeService !== undefined
            ? 1
            : (yield* query((db) =>
                db
                  .select({ id: schema.wards.id })
                  .from(schema.wards)
                  .where(and(eq(schema.wards.serviceId, serviceId), eq(schema.wards.active, true))),
              )).length;
        const used = wholeService !== undefined ? [wholeService] : wardRows;
        const wards = [];
        for (const row of used) {
          const responses = yield* responsesOf(row.id);
          wards.push(
            responses.map((response) => ({
              standardId: response.standardId,
              agreed: toAgreed(response),
            })),
          );
        }
        const hospital = Aggregation.hospitalArea(area, wards, totalWards, cycle.set.scale);
        return ok({
          cycle: cycle.label,
          area: area.slug,
          level: wholeService !== undefined ? "service" : "ward",
          coverage: { ...hospital.coverage, text: Aggregation.describeCoverage(hospital.coverage) },
          standards: Aggregation.standardAggregates(hospital).map((standard) => ({
            ...standard,
            mean:
              standard.mean === undefined
                ? null
                : { ...standard.mean, display: Ratio.format(standard.mean, 1) },
          })),
          score:
            hospital.score === undefined
              ? null
              : {
                  percent: hospital.score.percent,
                  display: Aggregation.formatPercent(hospital.score),
                  applicable: hospital.score.applicable,
                },
        });
      }),
  });
};
