// What a completed area report is printed from. The portal builds it from its database: the area as
// the cycle's standards set has it, each ward's consensus records (the core's StandardResponse), the
// area's actions (the core's ActionPlan.Action) and the service's benchmark for the area. Scores,
// ward means, coverage and the area score are computed here with the core's Aggregation, so a report
// can never disagree with the portal's arithmetic.
import {
  ActionPlan,
  Assessment,
  Consensus,
  Cycle,
  LocalDate,
  Scale,
  Standards,
} from "@sequin/core";
import { Schema } from "effect";
import { Distribution, PeerCode, Percent, Text } from "./common.ts";

/**
 * One assessment of the area: a ward's, or the whole service's (then `name` is the service and
 * `totalWards` is 1).
 */
export const WardAssessment = Schema.Struct({
  name: Text(120),
  method: Schema.NullOr(Assessment.Method),
  attendance: Assessment.Attendance,
  responses: Schema.Array(Consensus.StandardResponse),
});
export type WardAssessment = typeof WardAssessment.Type;

/** An evidence file attached to a standard (named only: the file itself is not printed). */
export const EvidenceAttachment = Schema.Struct({
  standardId: Standards.StandardId,
  name: Text(255),
});
export type EvidenceAttachment = typeof EvidenceAttachment.Type;

/**
 * Where the service stands in the network for the area: the core's `ServiceStanding` with the
 * distribution, and the other services' scores by anonymised code only. Withheld when too few took
 * part, as the portal's benchmark says.
 */
export const ServiceAreaBenchmark = Schema.Union([
  Schema.Struct({
    withheld: Schema.Literal(false),
    distribution: Distribution,
    service: Schema.Struct({
      percent: Percent,
      percentile: Schema.NullOr(Percent),
      bestPractice: Schema.Boolean,
      focus: Schema.Boolean,
      /** Change since the previous cycle: percentage points for the area, scale points per standard. */
      change: Schema.NullOr(
        Schema.Struct({
          area: Schema.Finite,
          standards: Schema.Array(
            Schema.Struct({ standardId: Standards.StandardId, change: Schema.Finite }),
          ),
        }),
      ),
    }),
    peers: Schema.Array(Schema.Struct({ code: PeerCode, percent: Percent })),
  }),
  Schema.Struct({
    withheld: Schema.Literal(true),
    participants: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))),
    minimumParticipants: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1))),
  }),
]);
export type ServiceAreaBenchmark = typeof ServiceAreaBenchmark.Type;

type Issue = { path: ReadonlyArray<PropertyKey>; issue: string };

/** The checks that need several fields: everything must belong to the area and fit the scale. */
const consistency = (input: {
  readonly area: Standards.Area;
  readonly scale: Scale.Scale;
  readonly totalWards: number;
  readonly wards: ReadonlyArray<WardAssessment>;
  readonly attachments: ReadonlyArray<EvidenceAttachment>;
  readonly actions: ReadonlyArray<ActionPlan.Action>;
}): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = [];
  const standards = new Map(input.area.standards.map((standard) => [standard.id, standard]));
  const inArea = (id: string, path: ReadonlyArray<PropertyKey>) => {
    if (standards.has(id as Standards.StandardId)) return true;
    issues.push({ path, issue: `${id} is not a standard of ${input.area.code}` });
    return false;
  };
  if (input.totalWards < input.wards.length) {
    issues.push({
      path: ["totalWards"],
      issue: `is ${input.totalWards} but ${input.wards.length} wards assessed`,
    });
  }
  const maximum = Scale.maxScore(input.scale);
  input.wards.forEach((ward, w) => {
    const seen = new Set<string>();
    ward.responses.forEach((response, r) => {
      const at = ["wards", w, "responses", r];
      if (!inArea(response.standardId, [...at, "standardId"])) return;
      if (seen.has(response.standardId)) {
        issues.push({
          path: [...at, "standardId"],
          issue: `${response.standardId} is listed twice`,
        });
      }
      seen.add(response.standardId);
      const { agreed } = response;
      if (agreed === "na" && standards.get(response.standardId)?.naAllowed === false) {
        issues.push({ path: [...at, "agreed"], issue: `${response.standardId} cannot be N/A` });
      }
      if (typeof agreed === "number" && agreed > maximum) {
        issues.push({
          path: [...at, "agreed"],
          issue: `${agreed} is above the scale's ${maximum}`,
        });
      }
      for (const group of ["serviceUser", "staff", "carer"] as const) {
        const view = response.views[group];
        if (typeof view === "number" && view > maximum) {
          issues.push({
            path: [...at, "views", group],
            issue: `${view} is above the scale's ${maximum}`,
          });
        }
      }
    });
  });
  input.attachments.forEach((attachment, index) => {
    inArea(attachment.standardId, ["attachments", index, "standardId"]);
  });
  input.actions.forEach((action, index) => {
    inArea(action.standardId, ["actions", index, "standardId"]);
  });
  return issues;
};

/**
 * A service's completed area for a cycle.
 *
 * - `wards`: each ward's consensus records (or one entry for a whole-service assessment);
 *   `totalWards` counts the service's wards, assessed or not, for coverage ("4 of 5 wards").
 * - `actions`: the area's action plan (any cycle's, e.g. carried over).
 * - `benchmark`: where the service stands, or `null` when there is no network benchmark yet.
 * - `generatedOn`: today, in London (the renderer never reads the clock): overdue actions are judged
 *   against it and it is printed on the report.
 */
export const AreaReportInput = Schema.Struct({
  service: Text(200),
  cycle: Cycle.CycleLabel,
  setVersion: Standards.SetVersion,
  scale: Scale.Scale,
  area: Standards.Area,
  level: Assessment.Level,
  totalWards: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 500 }))),
  wards: Schema.Array(WardAssessment).pipe(
    Schema.check(Schema.isMinLength(1), Schema.isMaxLength(500)),
  ),
  attachments: Schema.Array(EvidenceAttachment),
  actions: Schema.Array(ActionPlan.Action),
  benchmark: Schema.NullOr(ServiceAreaBenchmark),
  generatedOn: LocalDate.LocalDate,
}).pipe(Schema.check(Schema.makeFilter(consistency)));
export type AreaReportInput = typeof AreaReportInput.Type;
