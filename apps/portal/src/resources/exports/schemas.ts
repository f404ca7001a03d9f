// The query of every export, and the versioned JSON shape of the network's results (the public site
// reads it, so a breaking change means `version: 2`, never a silent change to version 1).
import { Schema } from "effect";

export const MEDIA_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
} as const;

export type Format = keyof typeof MEDIA_TYPES;

export const ServiceExportQuery = Schema.Struct({
  format: Schema.optionalKey(
    Schema.Literals(["csv", "xlsx"]).annotate({
      description:
        "csv (default): text/csv, UTF-8 with a byte-order mark, one table with a Section column (Score, Action). xlsx: a workbook with the sheets Scores and Action plan.",
    }),
  ),
});

export const NetworkExportQuery = Schema.Struct({
  format: Schema.optionalKey(
    Schema.Literals(["csv", "xlsx", "json"]).annotate({
      description:
        "csv (default): text/csv, UTF-8 with a byte-order mark. xlsx: a workbook (sheets Areas and, for network admins, Services). json: the versioned sequin-network-results document.",
    }),
  ),
});

const Distribution = Schema.Struct({
  participants: Schema.Int,
  min: Schema.Finite,
  q1: Schema.Finite,
  median: Schema.Finite,
  q3: Schema.Finite,
  max: Schema.Finite,
});

const AnonymisedService = Schema.Struct({
  /** The stable anonymised code, e.g. S-7KQ3. */
  code: Schema.String,
  /** Only when the service opted in to be named. */
  name: Schema.NullOr(Schema.String),
  percent: Schema.Finite,
  percentile: Schema.NullOr(Schema.Finite),
  bestPractice: Schema.Boolean,
  focus: Schema.Boolean,
  /** Change of the area score since the previous cycle, in percentage points. */
  change: Schema.NullOr(Schema.Finite),
});

export const NetworkResults = Schema.Struct({
  format: Schema.Literal("sequin-network-results"),
  version: Schema.Literal(1),
  /** `public`: aggregates only (as GET /public/cycles/{cycle}/benchmark); `network`: with services. */
  scope: Schema.Literals(["public", "network"]),
  cycle: Schema.String,
  standardsVersion: Schema.String,
  minimumParticipants: Schema.Int,
  /** Only in the `network` scope: the cycle that `change` compares with. */
  previousCycle: Schema.optionalKey(Schema.NullOr(Schema.String)),
  generatedAt: Schema.String,
  areas: Schema.Array(
    Schema.Struct({
      area: Schema.String,
      name: Schema.String,
      participants: Schema.Int,
      /** Fewer participants than the minimum: no distribution and no services. */
      withheld: Schema.Boolean,
      distribution: Schema.NullOr(Distribution),
      /** Only in the `network` scope, and empty when withheld. */
      services: Schema.optionalKey(Schema.Array(AnonymisedService)),
    }),
  ),
}).annotate({ identifier: "NetworkResults" });

export type NetworkResults = typeof NetworkResults.Type;
export type NetworkArea = NetworkResults["areas"][number];
