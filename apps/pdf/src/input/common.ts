// Schemas shared by the documents' inputs: the core's benchmark shapes (interfaces in the core) as
// decodable Schemas, and bounded text.
import { Standards } from "@sequin/core";
import { Schema } from "effect";

/** Trimmed, non-empty text of at most `max` characters. */
export const Text = (max: number) =>
  Schema.Trimmed.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(max)));

/** A percentage, 0–100. */
export const Percent = Schema.Finite.pipe(
  Schema.check(Schema.isBetween({ minimum: 0, maximum: 100 })),
);

const Count = (minimum: number) =>
  Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum, maximum: 100_000 })));

/**
 * An anonymised peer code as the core's `PeerCode` makes them (`S-` and at least four characters of
 * its alphabet). Only codes are accepted, so a document can never name a peer by mistake.
 */
export const PeerCode = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^S-[2-9A-HJ-NP-Z]{4,12}$/u, {
      message: "a peer is shown by its anonymised code, e.g. S-7KQ3",
    }),
  ),
);

/** The core's `Benchmark.Distribution`: participants and five numbers, percentages in order. */
export const Distribution = Schema.Struct({
  participants: Count(1),
  min: Percent,
  q1: Percent,
  median: Percent,
  q3: Percent,
  max: Percent,
}).pipe(
  Schema.check(
    Schema.makeFilter((d) =>
      d.min <= d.q1 && d.q1 <= d.median && d.median <= d.q3 && d.q3 <= d.max
        ? undefined
        : "expected min ≤ q1 ≤ median ≤ q3 ≤ max",
    ),
  ),
);
export type Distribution = typeof Distribution.Type;

/**
 * The core's `Benchmark.publicView` of one area: the distribution, or the fact that it is withheld
 * because too few services took part.
 */
export const PublicAreaBenchmark = Schema.Union([
  Schema.Struct({
    area: Standards.AreaSlug,
    withheld: Schema.Literal(false),
    distribution: Distribution,
  }),
  Schema.Struct({
    area: Standards.AreaSlug,
    withheld: Schema.Literal(true),
    participants: Count(0),
    minimumParticipants: Count(1),
  }),
]);
export type PublicAreaBenchmark = typeof PublicAreaBenchmark.Type;
