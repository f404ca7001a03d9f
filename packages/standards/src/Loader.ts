import { readdir, readFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Schedule, Standards } from "@sequin/core";
import { Effect, Result, Schema } from "effect";
import { parseDocument } from "yaml";
import { type Problem, problemsFromIssue, StandardsDataError } from "./Problems.ts";
import { openMojiHexcodes } from "./Symbols.ts";

/** The repository's `standards-data/` folder. */
export const defaultStandardsDir = fileURLToPath(
  new URL("../../../standards-data", import.meta.url),
);

/** The standards set and the schedules, validated. */
export interface LoadedStandards {
  readonly set: Standards.StandardsSet;
  readonly schedules: ReadonlyArray<Schedule.Schedule>;
}

/** The set file: everything but the areas, which it lists by slug. */
const SetFile = Schema.Struct({
  version: Standards.SetVersion,
  name: Schema.String,
  scale: Schema.Unknown,
  areas: Schema.Array(Standards.AreaSlug),
});

const strict = { errors: "all", onExcessProperty: "error", reportInput: true } as const;

interface Source {
  readonly file: string;
  readonly data: unknown;
}

const readYaml = async (
  root: string,
  path: string,
  problems: Array<Problem>,
): Promise<Source | undefined> => {
  const file = relative(join(root, ".."), path);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({
      file,
      path: "",
      message: code === "ENOENT" ? "file not found" : `cannot be read (${code})`,
    });
    return undefined;
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const where = error.linePos?.[0];
      problems.push({
        file,
        path: where === undefined ? "" : `line ${where.line}, column ${where.col}`,
        message: (error.message.split("\n")[0] ?? error.message).replace(
          / at line \d+, column \d+:?$/u,
          "",
        ),
      });
    }
    return undefined;
  }
  return { file, data: document.toJS() };
};

const decodeInto = <S extends Schema.Top & { readonly DecodingServices: never }>(
  schema: S,
  source: Source,
  problems: Array<Problem>,
): S["Type"] | undefined => {
  const result = Schema.decodeUnknownResult(schema as never)(source.data, strict) as Result.Result<
    S["Type"],
    Schema.SchemaError
  >;
  if (Result.isSuccess(result)) return result.success;
  problems.push(...problemsFromIssue(source.file, result.failure.issue));
  return undefined;
};

const listYaml = async (dir: string): Promise<ReadonlyArray<string>> => {
  try {
    return (await readdir(dir))
      .filter((name) => name.endsWith(".yaml") || name.endsWith(".yml"))
      .sort();
  } catch {
    return [];
  }
};

const load = async (root: string): Promise<LoadedStandards | ReadonlyArray<Problem>> => {
  const problems: Array<Problem> = [];
  const setSource = await readYaml(root, join(root, "standards-set.yaml"), problems);
  const setFile = setSource === undefined ? undefined : decodeInto(SetFile, setSource, problems);
  if (setSource === undefined || setFile === undefined) return problems;

  const symbols = await openMojiHexcodes();
  const areas: Array<Standards.Area> = [];
  const listed = new Set<string>(setFile.areas);
  for (const name of await listYaml(join(root, "areas"))) {
    const slug = basename(name).replace(/\.ya?ml$/u, "");
    if (!listed.has(slug)) {
      problems.push({
        file: `standards-data/areas/${name}`,
        path: "",
        message: `"${slug}" is not listed under areas in standards-set.yaml`,
      });
    }
  }
  for (const slug of setFile.areas) {
    const source = await readYaml(root, join(root, "areas", `${slug}.yaml`), problems);
    if (source === undefined) continue;
    const area = decodeInto(Standards.Area, source, problems);
    if (area === undefined) continue;
    if (area.slug !== slug) {
      problems.push({
        file: source.file,
        path: "slug",
        message: `is "${area.slug}" but the file is named ${slug}.yaml`,
      });
    }
    const unknownSymbol = (symbol: string, path: string) => {
      if (!symbols.has(symbol))
        problems.push({
          file: source.file,
          path,
          message: `"${symbol}" is not an OpenMoji symbol`,
        });
    };
    unknownSymbol(area.symbol, "symbol");
    for (const [index, standard] of area.standards.entries()) {
      unknownSymbol(standard.symbol, `standards[${index}].symbol`);
    }
    areas.push(area);
  }
  const schedules: Array<{ readonly file: string; readonly schedule: Schedule.Schedule }> = [];
  for (const name of await listYaml(join(root, "schedules"))) {
    const source = await readYaml(root, join(root, "schedules", name), problems);
    const schedule =
      source === undefined ? undefined : decodeInto(Schedule.Schedule, source, problems);
    if (source !== undefined && schedule !== undefined)
      schedules.push({ file: source.file, schedule });
  }
  if (problems.length > 0) return problems;

  const assembled = decodeInto(
    Standards.StandardsSet,
    {
      file: setSource.file,
      data: { version: setFile.version, name: setFile.name, scale: setFile.scale, areas },
    },
    problems,
  );
  if (assembled === undefined) return problems;
  for (const { file, schedule } of schedules) {
    for (const message of Schedule.mismatches(schedule, assembled))
      problems.push({ file, path: "", message });
  }
  return problems.length > 0
    ? problems
    : { set: assembled, schedules: schedules.map((entry) => entry.schedule) };
};

/**
 * Loads and validates `standards-data/` (or another folder laid out the same way). Fails with every
 * problem found, each naming its file and field; nothing is returned unless everything is valid.
 */
export const loadStandards = (
  root: string = defaultStandardsDir,
): Effect.Effect<LoadedStandards, StandardsDataError> =>
  Effect.flatMap(
    Effect.promise(() => load(root)),
    (loaded) =>
      Array.isArray(loaded)
        ? Effect.fail(new StandardsDataError({ problems: loaded as ReadonlyArray<Problem> }))
        : Effect.succeed(loaded as LoadedStandards),
  );
