/**
 * A network's cycle, end to end: from each service's assessments (whole-service, or ward by ward) to
 * the benchmark of every area. This is the composition the portal, the demo and the benchmarks run.
 *
 * @module
 */
import { type AgreedScore, hospitalArea } from "./Aggregation.ts";
import {
  type AreaBenchmark,
  benchmarkCycle,
  fromHospitalArea,
  type ServiceAreaResult,
} from "./Benchmark.ts";
import type { StandardsSet } from "./Standards.ts";

/**
 * One service's assessments of one area in a cycle. A whole-service assessment is one entry in
 * `wards` with `totalWards: 1`.
 */
export interface ServiceAssessments {
  readonly serviceId: string;
  readonly area: string;
  readonly totalWards: number;
  readonly wards: ReadonlyArray<ReadonlyArray<AgreedScore>>;
}

/**
 * Every service's area result for a cycle. Assessments of areas not in the set are skipped, as are
 * services that scored nothing in an area.
 *
 * @example
 * ```ts
 * import { Network } from "@sequin/core"
 * declare const set: import("@sequin/core").Standards.StandardsSet
 * declare const assessments: ReadonlyArray<Network.ServiceAssessments>
 * Network.serviceResults(set, assessments).length
 * ```
 */
export const serviceResults = (
  set: StandardsSet,
  assessments: ReadonlyArray<ServiceAssessments>,
): ReadonlyArray<ServiceAreaResult> => {
  const areas = new Map(set.areas.map((area) => [area.slug as string, area]));
  const results: Array<ServiceAreaResult> = [];
  for (const assessment of assessments) {
    const area = areas.get(assessment.area);
    if (area === undefined) continue;
    const hospital = hospitalArea(area, assessment.wards, assessment.totalWards, set.scale);
    const result = fromHospitalArea(assessment.serviceId, assessment.area, hospital);
    if (result !== undefined) results.push(result);
  }
  return results;
};

/**
 * Benchmarks every area of the set for one cycle, with change since the previous cycle.
 *
 * @example
 * ```ts
 * import { Network } from "@sequin/core"
 * declare const set: import("@sequin/core").Standards.StandardsSet
 * declare const thisYear: ReadonlyArray<Network.ServiceAssessments>
 * declare const lastYear: ReadonlyArray<Network.ServiceAssessments>
 * const areas = Network.benchmark(set, thisYear, lastYear, { minimumParticipants: 5 })
 * ```
 */
export const benchmark = (
  set: StandardsSet,
  current: ReadonlyArray<ServiceAssessments>,
  previous: ReadonlyArray<ServiceAssessments>,
  options: { readonly minimumParticipants: number },
): ReadonlyArray<AreaBenchmark> =>
  benchmarkCycle(serviceResults(set, current), serviceResults(set, previous), {
    minimumParticipants: options.minimumParticipants,
    areas: set.areas.map((area) => area.slug),
  });
