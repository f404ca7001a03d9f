/**
 * Submit readiness: every reason an area cannot be submitted yet, so a team can fix them all at once.
 *
 * @module
 */
import { Schema } from "effect";
import type { Assessment } from "./Assessment.ts";
import { maxScore, type Scale } from "./Scale.ts";
import type { Area } from "./Standards.ts";

/**
 * A reason an area cannot be submitted.
 *
 * @example
 * ```ts
 * import { Submission } from "@sequin/core"
 * Submission.describe({ _tag: "MethodMissing" })
 * ```
 */
export const NotReadyReason = Schema.Union([
  Schema.TaggedStruct("MethodMissing", {}),
  Schema.TaggedStruct("ReviewingServiceIsSelf", {}),
  Schema.TaggedStruct("PerspectiveMissing", { role: Schema.Literals(["serviceUsers", "staff"]) }),
  Schema.TaggedStruct("WrongArea", { expected: Schema.String, actual: Schema.String }),
  Schema.TaggedStruct("AgreedScoreMissing", { standardId: Schema.String }),
  Schema.TaggedStruct("NotApplicableNotAllowed", { standardId: Schema.String }),
  Schema.TaggedStruct("ScoreOffScale", {
    standardId: Schema.String,
    score: Schema.Number,
    maximum: Schema.Number,
  }),
  Schema.TaggedStruct("UnknownStandard", { standardId: Schema.String }),
  Schema.TaggedStruct("DuplicateResponse", { standardId: Schema.String }),
  Schema.TaggedStruct("NoApplicableStandards", {}),
]);
export type NotReadyReason = typeof NotReadyReason.Type;

/** Raised when an area is submitted before it is ready; carries every reason. */
export class NotReady extends Schema.TaggedError<NotReady>()("NotReady", {
  reasons: Schema.Array(NotReadyReason),
}) {}

/**
 * Plain-English text for a reason, for people.
 *
 * @example
 * ```ts
 * import { Submission } from "@sequin/core"
 * Submission.describe({ _tag: "AgreedScoreMissing", standardId: "CPA-03" })
 * // "CPA-03 has no agreed score yet."
 * ```
 */
export const describe = (reason: NotReadyReason): string => {
  switch (reason._tag) {
    case "MethodMissing":
      return "Record how the area was assessed (self-assessment, Involvement Group or peer review).";
    case "ReviewingServiceIsSelf":
      return "A peer review must be done by another service.";
    case "PerspectiveMissing":
      return reason.role === "serviceUsers"
        ? "Service users must take part: record how many attended."
        : "Staff must take part: record how many attended.";
    case "WrongArea":
      return `This assessment is for ${reason.actual}, not ${reason.expected}.`;
    case "AgreedScoreMissing":
      return `${reason.standardId} has no agreed score yet.`;
    case "NotApplicableNotAllowed":
      return `${reason.standardId} cannot be marked not applicable.`;
    case "ScoreOffScale":
      return `${reason.standardId} has score ${reason.score}; scores go from 0 to ${reason.maximum}.`;
    case "UnknownStandard":
      return `${reason.standardId} is not a standard of this area.`;
    case "DuplicateResponse":
      return `${reason.standardId} has been answered twice.`;
    case "NoApplicableStandards":
      return "At least one standard must apply: every standard is marked not applicable.";
  }
};

/**
 * Every reason `assessment` cannot be submitted against `area` (empty when it can). An area is ready
 * when the method is recorded, service users and staff both took part, and every standard has an
 * agreed score on the scale, or N/A where the standard allows it.
 *
 * @example
 * ```ts
 * import { Submission } from "@sequin/core"
 * declare const area: import("@sequin/core").Standards.Area
 * declare const assessment: import("@sequin/core").Assessment.Assessment
 * const reasons = Submission.readiness(area, assessment, { scale: [], serviceId: "svc-1" })
 * ```
 */
export const readiness = (
  area: Area,
  assessment: Assessment,
  context: { readonly scale: Scale; readonly serviceId: string },
): ReadonlyArray<NotReadyReason> => {
  const reasons: Array<NotReadyReason> = [];
  if (assessment.area !== area.slug)
    reasons.push({ _tag: "WrongArea", expected: area.slug, actual: assessment.area });
  if (assessment.method === null) reasons.push({ _tag: "MethodMissing" });
  else if (
    assessment.method.kind === "peer-review" &&
    assessment.method.reviewingServiceId === context.serviceId
  ) {
    reasons.push({ _tag: "ReviewingServiceIsSelf" });
  }
  if (assessment.attendance.serviceUsers === 0)
    reasons.push({ _tag: "PerspectiveMissing", role: "serviceUsers" });
  if (assessment.attendance.staff === 0)
    reasons.push({ _tag: "PerspectiveMissing", role: "staff" });

  const maximum = maxScore(context.scale);
  const standards = new Map(area.standards.map((standard) => [standard.id as string, standard]));
  const answered = new Map<string, Assessment["responses"][number]>();
  for (const response of assessment.responses) {
    if (!standards.has(response.standardId))
      reasons.push({ _tag: "UnknownStandard", standardId: response.standardId });
    else if (answered.has(response.standardId)) {
      reasons.push({ _tag: "DuplicateResponse", standardId: response.standardId });
    } else answered.set(response.standardId, response);
  }

  let applicable = 0;
  for (const standard of area.standards) {
    const agreed = answered.get(standard.id)?.agreed ?? null;
    if (agreed === null) reasons.push({ _tag: "AgreedScoreMissing", standardId: standard.id });
    else if (agreed === "na") {
      if (!standard.naAllowed)
        reasons.push({ _tag: "NotApplicableNotAllowed", standardId: standard.id });
    } else if (agreed > maximum) {
      reasons.push({ _tag: "ScoreOffScale", standardId: standard.id, score: agreed, maximum });
    } else applicable++;
  }
  const everyStandardAnswered = area.standards.every(
    (standard) => answered.get(standard.id)?.agreed != null,
  );
  if (
    everyStandardAnswered &&
    applicable === 0 &&
    !reasons.some(
      (reason) => reason._tag === "ScoreOffScale" || reason._tag === "NotApplicableNotAllowed",
    )
  ) {
    reasons.push({ _tag: "NoApplicableStandards" });
  }
  return reasons;
};
