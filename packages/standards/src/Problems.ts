import { Schema, SchemaIssue } from "effect";

/** One thing wrong in the standards data: which file, which field, what. */
export interface Problem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** The standards data cannot be loaded; every problem found is listed. */
export class StandardsDataError extends Schema.TaggedError<StandardsDataError>()(
  "StandardsDataError",
  {
    problems: Schema.Array(
      Schema.Struct({ file: Schema.String, path: Schema.String, message: Schema.String }),
    ),
  },
) {
  override get message(): string {
    return formatProblems(this.problems);
  }
}

/** `["standards", 3, "easyRead"]` → `standards[3].easyRead`. */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path
    .map((key, index) =>
      typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`,
    )
    .join("");

const formatter = SchemaIssue.makeFormatterStandardSchemaV1();

/** Problems from a schema error, for one file. */
export const problemsFromIssue = (
  file: string,
  issue: SchemaIssue.Issue,
  prefix: ReadonlyArray<PropertyKey> = [],
): ReadonlyArray<Problem> =>
  formatter(issue).issues.map((found) => ({
    file,
    path: formatPath([
      ...prefix,
      ...(found.path ?? []).map((segment) =>
        typeof segment === "object" && segment !== null && "key" in segment ? segment.key : segment,
      ),
    ]),
    message: found.message,
  }));

/** One line per problem: `file: path: message`. */
export const formatProblems = (problems: ReadonlyArray<Problem>): string =>
  problems
    .map(
      (problem) =>
        `${problem.file}: ${problem.path === "" ? "" : `${problem.path}: `}${problem.message}`,
    )
    .join("\n");
