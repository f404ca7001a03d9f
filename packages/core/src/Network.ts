/**
 * A network's cycle, end to end: from each service's assessments (whole-service, or ward by ward) to
 * the benchmark of every area. This is the composition the portal, the demo and the benchmarks run.
 *
 * @module
 */
import {
  type AgreedScore,
  accumulate,
  hospitalArea,
  hospitalAreaFromMatrix,
  percentOf,
  type ScoreMatrix,
  toScoreMatrix,
} from "./Aggregation.ts";
import {
  type AreaBenchmark,
  type AreaColumns,
  benchmarkArea,
  fromHospitalArea,
  type ServiceAreaResult,
} from "./Benchmark.ts";
import { groupByArea } from "./internal/groupByArea.ts";
import { maxScore } from "./Scale.ts";
import type { Area, StandardsSet } from "./Standards.ts";

/**
 * One service's assessments of one area in a cycle, as response objects (`wards`) or in compact form
 * (`matrix`). A whole-service assessment is one ward with `totalWards: 1`.
 */
export type ServiceAssessments = {
  readonly serviceId: string;
  readonly area: string;
  readonly totalWards: number;
} & (
  | { readonly wards: ReadonlyArray<ReadonlyArray<AgreedScore>> }
  | { readonly matrix: ScoreMatrix }
);

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
    const hospital =
      "matrix" in assessment
        ? hospitalAreaFromMatrix(area, assessment.matrix, assessment.totalWards, set.scale)
        : hospitalArea(area, assessment.wards, assessment.totalWards, set.scale);
    const result = fromHospitalArea(assessment.serviceId, assessment.area, hospital);
    if (result !== undefined) results.push(result);
  }
  return results;
};

/**
 * Reusable buffers for one side (this cycle or the previous one) of an area's columns. The columns
 * never leave {@link benchmark} (the results copy what they keep), so one area's buffers serve the
 * next: allocating large typed arrays per area would cost more than the arithmetic.
 */
class ColumnBuffers {
  private buffers = {
    sums: new Float64Array(0),
    scored: new Float64Array(0),
    notApplicable: new Float64Array(0),
    percents: new Float64Array(0),
  };
  private cells = new Int8Array(0);
  cellScratch(length: number): Int8Array {
    if (this.cells.length < length) this.cells = new Int8Array(Math.max(length, 256));
    return this.cells;
  }
  take(services: number, size: number) {
    const cells = services * size;
    if (this.buffers.sums.length < cells) {
      this.buffers.sums = new Float64Array(cells);
      this.buffers.scored = new Float64Array(cells);
      this.buffers.notApplicable = new Float64Array(cells);
    }
    if (this.buffers.percents.length < services) this.buffers.percents = new Float64Array(services);
    return this.buffers;
  }
}

const areaColumns = (
  area: Area,
  assessments: ReadonlyArray<ServiceAssessments>,
  scale: StandardsSet["scale"],
  buffers: ColumnBuffers,
): AreaColumns => {
  const size = area.standards.length;
  const maximum = maxScore(scale);
  const serviceIds: Array<string> = [];
  const { sums, scored, notApplicable, percents } = buffers.take(assessments.length, size);
  const into = { sums, scored, notApplicable };
  for (const assessment of assessments) {
    const matrix =
      "matrix" in assessment
        ? assessment.matrix
        : toScoreMatrix(
            area,
            assessment.wards,
            buffers.cellScratch(assessment.wards.length * size),
          );
    if (matrix.cells.length !== matrix.wards * size) {
      throw new RangeError(
        `${assessment.serviceId}: a score matrix for ${area.code} needs ${matrix.wards * size} cells`,
      );
    }
    const row = serviceIds.length;
    const fraction = accumulate(matrix.cells, 0, matrix.wards, size, maximum, into, row * size);
    // A service that scored nothing did not take part in the area.
    if (fraction.applicable === 0) continue;
    percents[row] = percentOf(fraction);
    serviceIds.push(assessment.serviceId);
  }
  return {
    area: area.slug,
    serviceIds,
    percents: percents.subarray(0, serviceIds.length),
    standardIds: area.standards.map((standard) => standard.id as string),
    sums: sums.subarray(0, serviceIds.length * size),
    scored: scored.subarray(0, serviceIds.length * size),
  };
};

/**
 * Benchmarks every area of the set for one cycle, with change since the previous cycle. Runs the same
 * statistics as {@link Benchmark.benchmarkCycle}, straight from the assessments, column by column, so
 * a national network takes milliseconds.
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
): ReadonlyArray<AreaBenchmark> => {
  const now = groupByArea(current);
  const before = groupByArea(previous);
  const currentBuffers = new ColumnBuffers();
  const previousBuffers = new ColumnBuffers();
  return set.areas.map((area) => {
    const earlier = before.get(area.slug);
    return benchmarkArea(
      areaColumns(area, now.get(area.slug) ?? [], set.scale, currentBuffers),
      earlier === undefined ? undefined : areaColumns(area, earlier, set.scale, previousBuffers),
      options.minimumParticipants,
    );
  });
};
