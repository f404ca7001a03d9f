// Errors with meaning to API clients, and the one place that maps each to an HTTP status.
// Infrastructure failures are defects (500 with a request id, details only in the logs).
import { type ActionPlan, type Pairing, type Schedule, Submission } from "@sequin/core";
import { Schema } from "effect";

export class Unauthenticated extends Schema.TaggedError<Unauthenticated>()("Unauthenticated", {
  message: Schema.String,
}) {}

export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", {
  message: Schema.String,
}) {}

export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  resource: Schema.String,
}) {}

/** Input that fails its schema; every problem names its field. */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  problems: Schema.Array(Schema.Struct({ field: Schema.String, message: Schema.String })),
}) {}

/** A write based on an old version: carries the current state so nothing is silently lost. */
export class StaleVersion extends Schema.TaggedError<StaleVersion>()("StaleVersion", {
  current: Schema.Unknown,
}) {}

/** The request conflicts with what exists (a duplicate name, an assessment already created). */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", {
  message: Schema.String,
}) {}

export class TooManyAttempts extends Schema.TaggedError<TooManyAttempts>()("TooManyAttempts", {
  retryAfterSeconds: Schema.Number,
}) {}

export class PayloadTooLarge extends Schema.TaggedError<PayloadTooLarge>()("PayloadTooLarge", {
  limitBytes: Schema.Number,
}) {}

export class UnsupportedMediaType extends Schema.TaggedError<UnsupportedMediaType>()(
  "UnsupportedMediaType",
  {
    expected: Schema.String,
  },
) {}

/** A file that is not what it claims, or carries something dangerous. */
export class RejectedFile extends Schema.TaggedError<RejectedFile>()("RejectedFile", {
  message: Schema.String,
}) {}

export type ApiError =
  | Unauthenticated
  | Forbidden
  | NotFound
  | InvalidInput
  | StaleVersion
  | Conflict
  | TooManyAttempts
  | PayloadTooLarge
  | UnsupportedMediaType
  | RejectedFile
  | Submission.NotReady
  | ActionPlan.InvalidTransition
  | Schedule.ScheduleMismatch
  | Pairing.PairingInputError;

export interface Problem {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers?: Record<string, string>;
}

/** The HTTP answer for each error. Exhaustive: a new error does not compile until it is mapped. */
export const toProblem = (error: ApiError): Problem => {
  switch (error._tag) {
    case "Unauthenticated":
      return { status: 401, body: { title: "Sign in required", detail: error.message } };
    case "Forbidden":
      return { status: 403, body: { title: "Not allowed", detail: error.message } };
    case "NotFound":
      return { status: 404, body: { title: "Not found", detail: `No such ${error.resource}.` } };
    case "InvalidInput":
      return {
        status: 400,
        body: {
          title: "Invalid input",
          detail: error.problems
            .map((problem) => `${problem.field}: ${problem.message}`)
            .join("; "),
          errors: error.problems,
        },
      };
    case "StaleVersion":
      return {
        status: 409,
        body: {
          title: "Changed by someone else",
          detail:
            "This was changed since you loaded it. The current version is included: merge and try again.",
          current: error.current,
        },
      };
    case "Conflict":
      return { status: 409, body: { title: "Conflict", detail: error.message } };
    case "TooManyAttempts":
      return {
        status: 429,
        body: {
          title: "Too many attempts",
          detail: `Try again in ${Math.ceil(error.retryAfterSeconds / 60)} minutes.`,
        },
        headers: { "retry-after": String(Math.ceil(error.retryAfterSeconds)) },
      };
    case "PayloadTooLarge":
      return {
        status: 413,
        body: { title: "Too large", detail: `The limit is ${error.limitBytes} bytes.` },
      };
    case "UnsupportedMediaType":
      return {
        status: 415,
        body: { title: "Unsupported media type", detail: `Send ${error.expected}.` },
      };
    case "RejectedFile":
      return { status: 422, body: { title: "File refused", detail: error.message } };
    case "NotReady":
      return {
        status: 422,
        body: {
          title: "Not ready to submit",
          detail: error.reasons.map(Submission.describe).join(" "),
          reasons: error.reasons.map((reason) => ({
            ...reason,
            message: Submission.describe(reason),
          })),
        },
      };
    case "InvalidTransition":
      return {
        status: 422,
        body: {
          title: "Status change not allowed",
          detail: `An action cannot go from ${error.from} to ${error.to}. Allowed: ${error.allowed.join(", ") || "none"}.`,
        },
      };
    case "ScheduleMismatch":
      return {
        status: 422,
        body: {
          title: "Schedule problem",
          detail: error.problems.join(" "),
          errors: error.problems,
        },
      };
    case "PairingInputError":
      return {
        status: 422,
        body: { title: "Cannot pair", detail: `${error.field}: ${error.message}` },
      };
  }
};
