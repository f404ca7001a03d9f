import { Schema } from "effect";

const Version = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1)));
const AreaSlug = Schema.String.pipe(Schema.check(Schema.isMaxLength(80)));
const ServiceId = Schema.String.pipe(Schema.check(Schema.isMaxLength(64)));

export const GenerateRound = Schema.Struct({
  /** The area every pair reviews; admins may change single pairs' areas before publishing. */
  area: AreaSlug,
});

export const PairInput = Schema.Struct({
  /** The two services; the order does not matter (each reviews the other). */
  services: Schema.Tuple([ServiceId, ServiceId]),
  area: AreaSlug,
});

export const UpdateRound = Schema.Struct({
  version: Version,
  /** The round's pairs from now on: replaces every pair of the draft. */
  pairs: Schema.Array(PairInput).pipe(Schema.check(Schema.isMaxLength(1000))),
});

export const PublishRound = Schema.Struct({ version: Version });

export const ListQuery = Schema.Struct({
  cycle: Schema.optionalKey(
    Schema.String.pipe(
      Schema.check(
        Schema.isPattern(/^\d{4}[/-]\d{2}$/u, {
          message: "expected a cycle like 2021/22 or 2021-22",
        }),
      ),
    ),
  ),
});

const ServiceRef = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  organisation: Schema.Struct({ id: Schema.String, name: Schema.String }),
});

const AreaRef = Schema.Struct({ slug: Schema.String, name: Schema.String });

export const PairView = Schema.Struct({
  id: Schema.String,
  area: AreaRef,
  services: Schema.Tuple([ServiceRef, ServiceRef]),
  /** The two services were also paired in the previous cycle's published round. */
  repeatsPreviousCycle: Schema.Boolean,
});

export const RoundSummary = Schema.Struct({
  id: Schema.String,
  cycle: Schema.String,
  status: Schema.Literals(["draft", "published"]),
  version: Schema.Number,
  pairCount: Schema.Number,
  createdAt: Schema.String,
  publishedAt: Schema.NullOr(Schema.String),
});

export const RoundView = Schema.Struct({
  ...RoundSummary.fields,
  pairs: Schema.Array(PairView),
  /** Services of the network in no pair of this round, each with the reason. */
  unpaired: Schema.Array(Schema.Struct({ service: ServiceRef, reason: Schema.String })),
});

const AssessmentRef = Schema.Struct({
  id: Schema.String,
  level: Schema.Literals(["service", "ward"]),
  wardId: Schema.NullOr(Schema.String),
  status: Schema.Literals(["draft", "submitted"]),
});

export const ServicePeerReview = Schema.Struct({
  roundId: Schema.String,
  cycle: Schema.String,
  area: AreaRef,
  publishedAt: Schema.String,
  /** Pairs are reciprocal: the service reviews its partner and is reviewed by it. */
  reviews: ServiceRef,
  reviewedBy: ServiceRef,
  /** The partner's assessments of the area in the cycle, which this service may open and score. */
  assessmentsToReview: Schema.Array(AssessmentRef),
});
