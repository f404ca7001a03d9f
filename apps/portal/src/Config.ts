// The portal's configuration: read once, from the environment, at start-up. Nothing else in the
// portal reads process.env. A bad value stops start-up with a message naming the variable.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Result, Schema, SchemaIssue } from "effect";

export interface Config {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL URL; unset means the embedded database in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** The origin browsers use to reach the portal; unsafe cookie requests must come from it. */
  readonly publicOrigin: string;
  /** Seed the clearly marked demo network into an empty database. */
  readonly seedDemo: boolean;
  readonly logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Trust X-Forwarded-For for the client address (behind a reverse proxy only). */
  readonly trustProxy: boolean;
  readonly maxUploadBytes: number;
  /** The network's name, printed on the network pack. */
  readonly networkName: string;
  /** Chromium for rendering PDFs in-process (the embedded default). */
  readonly chromiumPath: string;
  /** A separate PDF renderer service (`apps/pdf`); unset renders in this process. */
  readonly pdfServiceUrl: string | undefined;
  /** The built public site served at `/`; unset or missing serves a plain link to the portal. */
  readonly siteDir: string;
}

const Port = Schema.NumberFromString.pipe(
  Schema.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 65535 })),
);
const Flag = Schema.Literals(["true", "false", "1", "0", "yes", "no"]);
const Url = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter((text: string) =>
      URL.canParse(text) ? undefined : `expected a URL, got "${text}"`,
    ),
  ),
);

const Environment = Schema.Struct({
  PORT: Schema.optionalKey(Port),
  HOST: Schema.optionalKey(Schema.NonEmptyString),
  DATABASE_URL: Schema.optionalKey(Url),
  SEQUIN_DATA_DIR: Schema.optionalKey(Schema.NonEmptyString),
  SEQUIN_PUBLIC_ORIGIN: Schema.optionalKey(Url),
  SEQUIN_SEED_DEMO: Schema.optionalKey(Flag),
  SEQUIN_LOG_LEVEL: Schema.optionalKey(
    Schema.Literals(["debug", "info", "warn", "error", "silent"]),
  ),
  SEQUIN_TRUST_PROXY: Schema.optionalKey(Flag),
  SEQUIN_MAX_UPLOAD_MB: Schema.optionalKey(
    Schema.NumberFromString.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 100 }))),
  ),
  SEQUIN_NETWORK_NAME: Schema.optionalKey(
    Schema.Trimmed.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(200))),
  ),
  CHROMIUM_PATH: Schema.optionalKey(Schema.NonEmptyString),
  SEQUIN_PDF_URL: Schema.optionalKey(Url),
  SEQUIN_SITE_DIR: Schema.optionalKey(Schema.NonEmptyString),
});

export class ConfigError extends Schema.TaggedError<ConfigError>()("ConfigError", {
  problems: Schema.Array(Schema.String),
}) {
  override get message(): string {
    return `Invalid configuration:\n${this.problems.map((problem) => `  ${problem}`).join("\n")}`;
  }
}

/** `.data/` at the repository root, wherever the command is run from. */
const defaultDataDir = fileURLToPath(new URL("../../../.data", import.meta.url));
/** The Astro build of `apps/site`. */
const defaultSiteDir = fileURLToPath(new URL("../../site/dist", import.meta.url));

const isOn = (flag: string | undefined, fallback: boolean) =>
  flag === undefined ? fallback : flag === "true" || flag === "1" || flag === "yes";

const formatter = SchemaIssue.makeFormatterStandardSchemaV1();

/** Reads the configuration from an environment (only the variables above; others are ignored). */
export const readConfig = (
  environment: Readonly<Record<string, string | undefined>>,
): Result.Result<Config, ConfigError> => {
  const relevant = Object.fromEntries(
    Object.entries(environment).filter(
      ([key, value]) => key in Environment.fields && value !== undefined && value !== "",
    ),
  );
  const decoded = Schema.decodeUnknownResult(Environment)(relevant, {
    errors: "all",
    reportInput: true,
  });
  if (Result.isFailure(decoded)) {
    return Result.fail(
      new ConfigError({
        problems: formatter(decoded.failure.issue).issues.map(
          (issue) => `${String(issue.path?.[0] ?? "environment")}: ${issue.message}`,
        ),
      }),
    );
  }
  const env = decoded.success;
  const port = env.PORT ?? 3000;
  return Result.succeed({
    port,
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL,
    dataDir: env.SEQUIN_DATA_DIR === undefined ? defaultDataDir : resolve(env.SEQUIN_DATA_DIR),

    publicOrigin: new URL(env.SEQUIN_PUBLIC_ORIGIN ?? `http://localhost:${port}`).origin,
    seedDemo: isOn(env.SEQUIN_SEED_DEMO, true),
    logLevel: env.SEQUIN_LOG_LEVEL ?? "info",
    trustProxy: isOn(env.SEQUIN_TRUST_PROXY, false),
    maxUploadBytes: (env.SEQUIN_MAX_UPLOAD_MB ?? 20) * 1024 * 1024,
    networkName: env.SEQUIN_NETWORK_NAME ?? "SeQuIn network",
    chromiumPath: env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    pdfServiceUrl: env.SEQUIN_PDF_URL,
    siteDir: env.SEQUIN_SITE_DIR === undefined ? defaultSiteDir : resolve(env.SEQUIN_SITE_DIR),
  });
};
