import { Assessment, Consensus, Cycle } from "@sequin/core";
import { Schema } from "effect";

const Version = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1)));
const Reason = Schema.Trimmed.pipe(Schema.check(Schema.isMaxLength(1000)));

export const CreateAssessment = Schema.Struct({
  cycle: Cycle.CycleLabel,
  area: Schema.String.pipe(Schema.check(Schema.isMaxLength(80))),
  /** A ward's own assessment; omit for the whole service. */
  wardId: Schema.optionalKey(Schema.String),
});

export const UpdateAssessment = Schema.Struct({
  version: Version,
  method: Schema.optionalKey(Schema.NullOr(Assessment.Method)),
  attendance: Schema.optionalKey(Assessment.Attendance),
  /** Required once the area is submitted: why it changed (kept in the audit trail). */
  reason: Schema.optionalKey(Reason),
});

export const UpdateStandard = Schema.Struct({
  version: Version,
  views: Schema.Struct({
    serviceUser: Schema.NullOr(Consensus.Score),
    staff: Schema.NullOr(Consensus.Score),
    carer: Schema.optionalKey(Schema.NullOr(Consensus.Score)),
  }),
  privateRatings: Schema.optionalKey(
    Schema.NullOr(
      Schema.Struct({
        serviceUser: Schema.Array(Consensus.Score).pipe(Schema.check(Schema.isMaxLength(100))),
        staff: Schema.Array(Consensus.Score).pipe(Schema.check(Schema.isMaxLength(100))),
        carer: Schema.optionalKey(
          Schema.Array(Consensus.Score).pipe(Schema.check(Schema.isMaxLength(100))),
        ),
      }),
    ),
  ),
  agreed: Schema.NullOr(Consensus.Agreed),
  rationale: Schema.String.pipe(Schema.check(Schema.isMaxLength(2000))),
  evidence: Schema.String.pipe(Schema.check(Schema.isMaxLength(20000))),
  reason: Schema.optionalKey(Reason),
});

export const Submit = Schema.Struct({ version: Version });

export const ResultsQuery = Schema.Struct({
  cycle: Schema.String,
  area: Schema.String,
});

export const ListQuery = Schema.Struct({ cycle: Schema.optionalKey(Schema.String) });
