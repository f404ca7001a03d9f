// Recording one standard's consensus: the portal's hottest write (see repositories/StandardWrites.ts).
import { Scale, Standards, Submission } from "@sequin/core";
import { Effect } from "effect";
import { ok, type Router } from "../../http/Api.ts";
import { InvalidInput, NotFound, StaleVersion } from "../../http/Errors.ts";
import { idParam } from "../../http/Params.ts";
import { responseView } from "../../repositories/Assessments.ts";
import { findCycle } from "../../repositories/Cycles.ts";
import { assessmentMeta, writeStandard } from "../../repositories/StandardWrites.ts";
import { Now } from "../../Services.ts";
import { mayWrite, requireReason } from "./guards.ts";
import { UpdateStandard } from "./schemas.ts";

export const registerStandardRoutes = (router: Router): void => {
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
};
