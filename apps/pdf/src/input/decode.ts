// Decoding untrusted input (an HTTP body, a job's payload) into the documents' inputs, with every
// problem named by its field, as the portal's API does.
import { Result, Schema, SchemaIssue } from "effect";

/** One thing wrong with an input: the field (dotted path from the root) and what is wrong. */
export interface InputProblem {
  readonly field: string;
  readonly message: string;
}

/** An input a document cannot be built from; `problems` names every field at fault. */
export class InvalidPdfInput extends Schema.TaggedError<InvalidPdfInput>()("InvalidPdfInput", {
  problems: Schema.Array(Schema.Struct({ field: Schema.String, message: Schema.String })),
}) {
  override get message(): string {
    return this.problems.map((problem) => `${problem.field}: ${problem.message}`).join("; ");
  }
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1();

const fieldOf = (root: string, path: ReadonlyArray<unknown> | undefined): string =>
  [
    root,
    ...(path ?? []).map((segment) =>
      String(
        typeof segment === "object" && segment !== null && "key" in segment
          ? (segment as { key: unknown }).key
          : segment,
      ),
    ),
  ].join(".");

/**
 * Decodes `input` with `schema`, collecting every problem. Unknown keys are refused, so a misspelt
 * optional field is an error rather than silently missing from a printed document.
 */
export const decodeInput = <A>(
  schema: Schema.Codec<A, unknown>,
  input: unknown,
  root = "body",
): Result.Result<A, InvalidPdfInput> => {
  const result = Schema.decodeUnknownResult(schema as Schema.Codec<A, unknown, never>)(input, {
    errors: "all",
    onExcessProperty: "error",
  });
  if (Result.isSuccess(result)) return Result.succeed(result.success);
  return Result.fail(
    new InvalidPdfInput({
      problems: formatter(result.failure.issue).issues.map((issue) => ({
        field: fieldOf(root, issue.path),
        message: issue.message,
      })),
    }),
  );
};

/** {@link decodeInput} for trusted callers: throws {@link InvalidPdfInput}. */
export const decodeInputSync = <A>(
  schema: Schema.Codec<A, unknown>,
  input: unknown,
  root = "input",
): A => {
  const result = decodeInput(schema, input, root);
  if (Result.isFailure(result)) throw result.failure;
  return result.success;
};
