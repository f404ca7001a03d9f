/**
 * An assessment: one service (or one ward) completing one area in one cycle — how it was done, who
 * took part (counts by role, never names) and the consensus record for each standard.
 *
 * @module
 */
import { Schema } from "effect";
import { StandardResponse } from "./Consensus.ts";
import { AreaSlug } from "./Standards.ts";

/**
 * How the area was completed. Peer review names the reviewing service.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Assessment } from "@sequin/core"
 * Schema.decodeUnknownSync(Assessment.Method)({ kind: "peer-review", reviewingServiceId: "svc-2" })
 * ```
 */
export const Method = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("self-assessment") }),
  Schema.Struct({ kind: Schema.Literal("involvement-group") }),
  Schema.Struct({ kind: Schema.Literal("peer-review"), reviewingServiceId: Schema.NonEmptyString }),
]);
export type Method = typeof Method.Type;

/**
 * Whether the service assessed as a whole or ward by ward.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Assessment } from "@sequin/core"
 * Schema.is(Assessment.Level)("ward") // true
 * ```
 */
export const Level = Schema.Literals(["service", "ward"]);
export type Level = typeof Level.Type;

const Count = Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 500 })));

/**
 * Attendance by role: counts only, so nobody is identified.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Assessment } from "@sequin/core"
 * Schema.decodeUnknownSync(Assessment.Attendance)({ serviceUsers: 6, staff: 3, carers: 1 })
 * ```
 */
export const Attendance = Schema.Struct({
  serviceUsers: Count,
  staff: Count,
  carers: Count,
});
export type Attendance = typeof Attendance.Type;

/**
 * An area assessment as the core sees it.
 *
 * @example
 * ```ts
 * import { Assessment } from "@sequin/core"
 * const draft: Assessment.Assessment = {
 *   area: "technology" as never,
 *   method: { kind: "involvement-group" },
 *   attendance: { serviceUsers: 6, staff: 3, carers: 0 },
 *   responses: [],
 * }
 * ```
 */
export const Assessment = Schema.Struct({
  area: AreaSlug,
  method: Schema.NullOr(Method),
  attendance: Attendance,
  responses: Schema.Array(StandardResponse),
});
export type Assessment = typeof Assessment.Type;

/**
 * An empty response for a standard, for starting an assessment.
 *
 * @example
 * ```ts
 * import { Assessment } from "@sequin/core"
 * Assessment.emptyResponse("TEC-01" as never).agreed // null
 * ```
 */
export const emptyResponse = (standardId: StandardResponse["standardId"]): StandardResponse => ({
  standardId,
  views: { serviceUser: null, staff: null },
  agreed: null,
  rationale: "",
  evidence: "",
});
