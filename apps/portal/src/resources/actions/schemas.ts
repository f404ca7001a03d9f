import { ActionPlan, Cycle, LocalDate } from "@sequin/core";
import { Schema } from "effect";

const Version = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1)));
const { what: What, owner: Owner } = ActionPlan.Action.fields;
const Outcome = Schema.Trimmed.pipe(Schema.check(Schema.isMaxLength(2000)));

export const CreateAction = Schema.Struct({
  cycle: Cycle.CycleLabel,
  standardId: Schema.String.pipe(Schema.check(Schema.isMaxLength(20))),
  what: What,
  owner: Owner,
  due: LocalDate.LocalDate,
  status: Schema.optionalKey(ActionPlan.ActionStatus),
});

export const UpdateAction = Schema.Struct({
  version: Version,
  what: Schema.optionalKey(What),
  owner: Schema.optionalKey(Owner),
  due: Schema.optionalKey(LocalDate.LocalDate),
  status: Schema.optionalKey(ActionPlan.ActionStatus),
  /** What was done, in words for service users; null clears it. */
  outcome: Schema.optionalKey(Schema.NullOr(Outcome)),
});

export const AddNote = Schema.Struct({ text: ActionPlan.ProgressNote.fields.text });

export const CarryOver = Schema.Struct({ from: Cycle.CycleLabel, to: Cycle.CycleLabel });

const AreaFilter = Schema.String.pipe(Schema.check(Schema.isMaxLength(80)));

export const ListQuery = Schema.Struct({
  cycle: Schema.optionalKey(Schema.String),
  /** An area's slug: only actions for its standards. */
  area: Schema.optionalKey(AreaFilter),
  status: Schema.optionalKey(ActionPlan.ActionStatus),
  overdue: Schema.optionalKey(Schema.Literals(["true", "false"])),
});

export const CycleQuery = Schema.Struct({
  cycle: Schema.String,
  area: Schema.optionalKey(AreaFilter),
});

const Note = Schema.Struct({ on: Schema.String, text: Schema.String });

export const ActionView = Schema.Struct({
  id: Schema.String,
  serviceId: Schema.String,
  cycle: Schema.String,
  standardId: Schema.String,
  what: Schema.String,
  owner: Schema.String,
  due: Schema.String,
  status: ActionPlan.ActionStatus,
  /** The moves the status may make next. */
  allowedStatuses: Schema.Array(ActionPlan.ActionStatus),
  overdue: Schema.Boolean,
  outcome: Schema.NullOr(Schema.String),
  /** The cycle it was first planned in, when carried over. */
  carriedFrom: Schema.NullOr(Schema.String),
  /** The cycle it was carried into, if it was. */
  carriedTo: Schema.NullOr(Schema.String),
  notes: Schema.Array(Note),
  version: Schema.Number,
  updatedAt: Schema.String,
});

export const CarryOverResult = Schema.Struct({
  from: Schema.String,
  to: Schema.String,
  carried: Schema.Number,
  alreadyCarried: Schema.Number,
  notCarried: Schema.Array(
    Schema.Struct({ actionId: Schema.String, standardId: Schema.String, reason: Schema.String }),
  ),
});

export const YouSaidWeDid = Schema.Struct({
  service: Schema.String,
  cycle: Schema.String,
  standardsVersion: Schema.String,
  items: Schema.Array(
    Schema.Struct({
      actionId: Schema.String,
      area: Schema.Struct({ slug: Schema.String, name: Schema.String, symbol: Schema.String }),
      standard: Schema.Struct({
        id: Schema.String,
        text: Schema.String,
        easyRead: Schema.String,
        symbol: Schema.String,
      }),
      what: Schema.String,
      outcome: Schema.NullOr(Schema.String),
    }),
  ),
  symbolsCredit: Schema.String,
});
