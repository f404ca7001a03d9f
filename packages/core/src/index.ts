/**
 * `@sequin/core`: the pure domain of SeQuIn. Every module is a namespace:
 *
 * ```ts
 * import { Aggregation, Benchmark, Standards } from "@sequin/core"
 * ```
 *
 * @module
 */
export * as ActionPlan from "./ActionPlan.ts";
export * as Aggregation from "./Aggregation.ts";
export * as Assessment from "./Assessment.ts";
export * as Benchmark from "./Benchmark.ts";
export * as Buddying from "./Buddying.ts";
export * as Consensus from "./Consensus.ts";
export * as Cycle from "./Cycle.ts";
export * as EasyRead from "./EasyRead.ts";
export * as EvidenceGuard from "./EvidenceGuard.ts";
export * as LocalDate from "./LocalDate.ts";
export * as Network from "./Network.ts";
export * as Pairing from "./Pairing.ts";
export * as PeerCode from "./PeerCode.ts";
export * as Ratio from "./Ratio.ts";
export * as Scale from "./Scale.ts";
export * as Schedule from "./Schedule.ts";
export * as Standards from "./Standards.ts";
export * as Submission from "./Submission.ts";
