// Rules every assessment write shares.
import { type Standards, Submission } from "@sequin/core";
import { Effect } from "effect";
import type { Principal } from "../../auth/Principal.ts";
import { Forbidden, InvalidInput } from "../../http/Errors.ts";
import {
  type AssessmentRow,
  type ResponseRow,
  toCoreAssessment,
} from "../../repositories/Assessments.ts";
import type { StoredCycle } from "../../repositories/Cycles.ts";

export const mayWrite = (principal: Principal) =>
  principal.role === "network-admin"
    ? Effect.fail(
        new Forbidden({
          message: "Network admins can read assessments but only services change them.",
        }),
      )
    : Effect.void;

export const requireReason = (submitted: boolean, reason: string | undefined) =>
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

/**
 * The core's readiness check on an assessment as stored (or as it would be after `row`'s changes):
 * fails with every reason it may not stand as submitted.
 */
export const requireReady = (
  area: Standards.Area,
  cycle: StoredCycle,
  row: AssessmentRow,
  responses: ReadonlyArray<ResponseRow>,
) => {
  const reasons = Submission.readiness(area, toCoreAssessment(row, responses), {
    scale: cycle.set.scale,
    serviceId: row.serviceId,
  });
  return reasons.length > 0 ? Effect.fail(new Submission.NotReady({ reasons })) : Effect.void;
};
