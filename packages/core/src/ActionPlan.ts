/**
 * Action plans: actions tied to a standard, with an owner, a due date, a status and progress notes.
 * Overdue actions stand out; unfinished ones carry into the next cycle.
 *
 * @module
 */
import { Result, Schema } from "effect";
import * as Cycle from "./Cycle.ts";
import { LocalDate } from "./LocalDate.ts";
import { StandardId } from "./Standards.ts";

/**
 * An action's status.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ActionPlan } from "@sequin/core"
 * Schema.is(ActionPlan.ActionStatus)("in-progress") // true
 * ```
 */
export const ActionStatus = Schema.Literals(["not-started", "in-progress", "done", "dropped"]);
export type ActionStatus = typeof ActionStatus.Type;

/**
 * The moves allowed from each status. Done can be reopened and dropped can be picked up again,
 * because plans change; nothing goes back to "not started" once work began.
 *
 * @example
 * ```ts
 * import { ActionPlan } from "@sequin/core"
 * ActionPlan.transitions.done // ["in-progress"]
 * ```
 */
export const transitions: Readonly<Record<ActionStatus, ReadonlyArray<ActionStatus>>> = {
  "not-started": ["in-progress", "done", "dropped"],
  "in-progress": ["done", "dropped"],
  done: ["in-progress"],
  dropped: ["not-started", "in-progress"],
};

/**
 * A dated progress note.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ActionPlan } from "@sequin/core"
 * Schema.decodeUnknownSync(ActionPlan.ProgressNote)({ on: "2021-06-01", text: "Menu changed" })
 * ```
 */
export const ProgressNote = Schema.Struct({
  on: LocalDate,
  text: Schema.Trimmed.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(2000))),
});
export type ProgressNote = typeof ProgressNote.Type;

/**
 * An action. `carriedFrom` names the cycle it was first planned in, when carried over.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ActionPlan } from "@sequin/core"
 * const decodeAction = Schema.decodeUnknownResult(ActionPlan.Action)
 * ```
 */
export const Action = Schema.Struct({
  id: Schema.NonEmptyString,
  cycle: Cycle.CycleLabel,
  standardId: StandardId,
  what: Schema.Trimmed.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(1000))),
  owner: Schema.Trimmed.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(200))),
  due: LocalDate,
  status: ActionStatus,
  notes: Schema.Array(ProgressNote),
  /** What was done, in words for service users ("You said, we did"). */
  outcome: Schema.optionalKey(Schema.String.pipe(Schema.check(Schema.isMaxLength(2000)))),
  carriedFrom: Schema.optionalKey(Cycle.CycleLabel),
});
export type Action = typeof Action.Type;

/** A status change that is not allowed. */
export class InvalidTransition extends Schema.TaggedError<InvalidTransition>()(
  "InvalidTransition",
  {
    from: ActionStatus,
    to: ActionStatus,
    allowed: Schema.Array(ActionStatus),
  },
) {}

/**
 * Moves an action to a new status, if allowed.
 *
 * @example
 * ```ts
 * import { ActionPlan } from "@sequin/core"
 * declare const action: ActionPlan.Action
 * ActionPlan.transition(action, "done") // Result.succeed({ ...action, status: "done" })
 * ```
 */
export const transition = (
  action: Action,
  to: ActionStatus,
): Result.Result<Action, InvalidTransition> => {
  const allowed = transitions[action.status];
  return allowed.includes(to)
    ? Result.succeed({ ...action, status: to })
    : Result.fail(new InvalidTransition({ from: action.status, to, allowed }));
};

/**
 * Whether an action is unfinished (not started or in progress).
 *
 * @example
 * ```ts
 * import { ActionPlan } from "@sequin/core"
 * ActionPlan.isOpen({ status: "in-progress" }) // true
 * ```
 */
export const isOpen = (action: Pick<Action, "status">): boolean =>
  action.status === "not-started" || action.status === "in-progress";

/**
 * Whether an action is overdue on `today`: unfinished and past its due date.
 *
 * @example
 * ```ts
 * import { ActionPlan, LocalDate } from "@sequin/core"
 * declare const action: ActionPlan.Action
 * ActionPlan.isOverdue(action, LocalDate.make(2022, 1, 10))
 * ```
 */
export const isOverdue = (action: Pick<Action, "status" | "due">, today: LocalDate): boolean =>
  isOpen(action) && action.due < today;

/**
 * The actions to carry into `nextCycle`: the unfinished ones, keeping their status, notes and where
 * they came from. Ids are made by `newId` so the caller's id scheme stays in charge. Due dates already
 * past the start of the next cycle are kept: they show as overdue, which is the truth.
 *
 * @example
 * ```ts
 * import { ActionPlan, Cycle } from "@sequin/core"
 * declare const actions: ReadonlyArray<ActionPlan.Action>
 * ActionPlan.carryOver(actions, Cycle.label(2022), (action) => `${action.id}-next`)
 * ```
 */
export const carryOver = (
  actions: ReadonlyArray<Action>,
  nextCycle: Cycle.CycleLabel,
  newId: (action: Action) => string,
): ReadonlyArray<Action> =>
  actions
    .filter((action) => isOpen(action) && action.cycle !== nextCycle)
    .map((action) => ({
      ...action,
      id: newId(action),
      cycle: nextCycle,
      carriedFrom: action.carriedFrom ?? action.cycle,
    }));
