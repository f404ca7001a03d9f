// The network's anonymised results, as a portal publishes them at
// GET /api/v1/public/cycles/:cycle/benchmark. The site is built from that export only: it never
// sees a service's score, and areas the portal withheld stay withheld.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Cycle, Standards } from "@sequin/core";
import { Result, Schema, SchemaIssue } from "effect";

const Percent = Schema.Number.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 100 })));
const Count = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)));

export const Distribution = Schema.Struct({
  participants: Count,
  min: Percent,
  q1: Percent,
  median: Percent,
  q3: Percent,
  max: Percent,
}).pipe(
  Schema.check(
    Schema.makeFilter((spread) => {
      const order = ["min", "q1", "median", "q3", "max"] as const;
      for (let index = 1; index < order.length; index++) {
        const [before, after] = [order[index - 1], order[index]] as const;
        if (before === undefined || after === undefined) continue;
        if (spread[after] < spread[before]) {
          return { path: [after], issue: `is below ${before} (${spread[before]})` };
        }
      }
      return undefined;
    }),
  ),
);
export type Distribution = typeof Distribution.Type;

export const AreaResult = Schema.Struct({
  area: Standards.AreaSlug,
  name: Schema.String,
  participants: Count,
  withheld: Schema.Boolean,
  distribution: Schema.NullOr(Distribution),
}).pipe(
  Schema.check(
    Schema.makeFilter((area) => {
      if (area.withheld && area.distribution !== null) {
        return { path: ["distribution"], issue: "must be null when the area is withheld" };
      }
      if (!area.withheld && area.distribution === null) {
        return { path: ["distribution"], issue: "is missing for an area that is not withheld" };
      }
      if (area.distribution !== null && area.distribution.participants !== area.participants) {
        return {
          path: ["distribution", "participants"],
          issue: `is ${area.distribution.participants} but participants is ${area.participants}`,
        };
      }
      return undefined;
    }),
  ),
);
export type AreaResult = typeof AreaResult.Type;

/** The public benchmark of one cycle. Fields the portal may add later are ignored. */
export const PublicResults = Schema.Struct({
  cycle: Cycle.CycleLabel,
  minimumParticipants: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1))),
  areas: Schema.Array(AreaResult),
}).pipe(
  Schema.check(
    Schema.makeFilter((results) =>
      results.areas.flatMap((area, index) =>
        !area.withheld && area.participants < results.minimumParticipants
          ? [
              {
                path: ["areas", index, "withheld"],
                issue: `is false with ${area.participants} participants, fewer than the minimum of ${results.minimumParticipants}`,
              },
            ]
          : [],
      ),
    ),
  ),
);
export type PublicResults = typeof PublicResults.Type;

/** The results cannot be used; each problem names the field. */
export class PublicResultsError extends Schema.TaggedError<PublicResultsError>()(
  "PublicResultsError",
  { source: Schema.String, problems: Schema.Array(Schema.String) },
) {
  override get message(): string {
    return `SEQUIN_PUBLIC_RESULTS (${this.source}) cannot be used:\n${this.problems
      .map((problem) => `  ${problem}`)
      .join("\n")}`;
  }
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1();

const pathText = (path: ReadonlyArray<unknown>): string =>
  path
    .map((segment) =>
      typeof segment === "object" && segment !== null && "key" in segment
        ? (segment as { key: unknown }).key
        : segment,
    )
    .map((key, index) =>
      typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`,
    )
    .join("");

/**
 * Decodes a public benchmark and checks it against the standards set: every area must be one of the
 * set's. Fails with every problem, each naming its field.
 */
export const decodeResults = (
  source: string,
  input: unknown,
  set: Standards.StandardsSet,
): Result.Result<PublicResults, PublicResultsError> => {
  const decoded = Schema.decodeUnknownResult(PublicResults)(input, { errors: "all" });
  if (Result.isFailure(decoded)) {
    return Result.fail(
      new PublicResultsError({
        source,
        problems: formatter(decoded.failure.issue).issues.map((issue) => {
          const path = pathText(issue.path ?? []);
          return path === "" ? issue.message : `${path}: ${issue.message}`;
        }),
      }),
    );
  }
  const known = new Set<string>(set.areas.map((area) => area.slug));
  const seen = new Set<string>();
  const problems: Array<string> = [];
  decoded.success.areas.forEach((area, index) => {
    if (!known.has(area.area)) {
      problems.push(
        `areas[${index}].area: "${area.area}" is not an area of standards set ${set.version}`,
      );
    } else if (seen.has(area.area)) {
      problems.push(`areas[${index}].area: "${area.area}" appears twice`);
    }
    seen.add(area.area);
  });
  return problems.length > 0
    ? Result.fail(new PublicResultsError({ source, problems }))
    : Result.succeed(decoded.success);
};

const FETCH_TIMEOUT_MS = 15_000;

const readSource = async (location: string): Promise<Result.Result<string, string>> => {
  if (/^https?:\/\//iu.test(location)) {
    try {
      const response = await fetch(location, {
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (!response.ok) return Result.fail(`GET ${location} answered ${response.status}`);
      return Result.succeed(await response.text());
    } catch (error) {
      return Result.fail(`GET ${location} failed: ${(error as Error).message}`);
    }
  }
  try {
    return Result.succeed(await readFile(resolve(location), "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return Result.fail(code === "ENOENT" ? "file not found" : `cannot be read (${code})`);
  }
};

/**
 * The results named by `SEQUIN_PUBLIC_RESULTS` (a file path or an http(s) URL), or `undefined` when
 * it is unset: then no portal publishes results to this site.
 */
export const loadPublicResults = async (
  location: string | undefined,
  set: Standards.StandardsSet,
): Promise<Result.Result<PublicResults | undefined, PublicResultsError>> => {
  if (location === undefined || location.trim() === "") return Result.succeed(undefined);
  const text = await readSource(location.trim());
  if (Result.isFailure(text)) {
    return Result.fail(new PublicResultsError({ source: location, problems: [text.failure] }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.success);
  } catch (error) {
    return Result.fail(
      new PublicResultsError({
        source: location,
        problems: [`is not JSON: ${(error as Error).message}`],
      }),
    );
  }
  return decodeResults(location, json, set);
};
