// A cycle's submitted results, loaded in the compact form the core benchmarks (score matrices):
// one read of the submitted assessments, each with its answers folded into one string by the
// database, and one of the wards, whatever the size of the network.
import { Aggregation, type Network, type Standards } from "@sequin/core";
import { schema } from "@sequin/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { Effect } from "effect";
import { query } from "./query.ts";

/**
 * One answer in the folded string: `standard=score`, `standard=n` (N/A) or `standard=u` (none).
 * Standard ids are capitals, digits and a hyphen (Standards.StandardId), so neither mark is ambiguous.
 */
const ANSWER_SEPARATOR = ",";

/**
 * Every service's submitted assessments of `cycle`, per area, as score matrices in the order of
 * `set`'s standards (standards a stored answer has that the set does not are ignored). A service
 * that assessed an area as a whole counts as one ward; otherwise its submitted wards are used, and
 * its active wards are the coverage denominator.
 */
export const cycleResults = (cycle: string, set: Standards.StandardsSet) =>
  Effect.gen(function* () {
    const submitted = and(
      eq(schema.assessments.cycle, cycle),
      eq(schema.assessments.status, "submitted"),
    );
    // Folding the answers in the database sends one row per assessment instead of one per answer:
    // decoding ten times as many rows was most of a recompute's cost. The two reads are sent
    // together: on PostgreSQL the server works on one while this process decodes the other.
    const [assessments, wards] = yield* Effect.all(
      [
        query((db) =>
          db
            .select({
              id: schema.assessments.id,
              serviceId: schema.assessments.serviceId,
              wardId: schema.assessments.wardId,
              area: schema.assessments.area,
              // Per assessment, through the responses' key: a join over the whole responses
              // table (every cycle's answers) cost twice as much as these index reads.
              answers: sql<string | null>`(
                select string_agg(r.standard_id || '=' || case when r.not_applicable then 'n' when r.agreed is null then 'u' else r.agreed::text end, ${ANSWER_SEPARATOR})
                from responses r where r.assessment_id = ${schema.assessments.id})`,
            })
            .from(schema.assessments)
            .where(submitted),
        ),
        query((db) =>
          db
            .select({ serviceId: schema.wards.serviceId })
            .from(schema.wards)
            .where(
              and(
                eq(schema.wards.active, true),
                inArray(
                  schema.wards.serviceId,
                  db
                    .selectDistinct({ serviceId: schema.assessments.serviceId })
                    .from(schema.assessments)
                    .where(submitted),
                ),
              ),
            ),
        ),
      ],
      { concurrency: "unbounded" },
    );
    if (assessments.length === 0) return [] as ReadonlyArray<Network.ServiceAssessments>;
    const activeWards = new Map<string, number>();
    for (const ward of wards)
      activeWards.set(ward.serviceId, (activeWards.get(ward.serviceId) ?? 0) + 1);

    const positions = new Map(
      set.areas.map((area) => [
        area.slug as string,
        new Map(area.standards.map((standard, index) => [standard.id as string, index])),
      ]),
    );
    const byServiceArea = new Map<string, Array<(typeof assessments)[number]>>();
    for (const assessment of assessments) {
      if (!positions.has(assessment.area)) continue;
      const key = `${assessment.serviceId} ${assessment.area}`;
      const list = byServiceArea.get(key) ?? [];
      list.push(assessment);
      byServiceArea.set(key, list);
    }
    const results: Array<Network.ServiceAssessments> = [];
    for (const list of byServiceArea.values()) {
      const first = list[0] as (typeof assessments)[number];
      const wholeService = list.find((assessment) => assessment.wardId === null);
      const used = wholeService === undefined ? list : [wholeService];
      const standards = positions.get(first.area) as ReadonlyMap<string, number>;
      const matrix = new Int8Array(used.length * standards.size).fill(Aggregation.UNANSWERED);
      for (const [index, assessment] of used.entries())
        unfoldAnswers(assessment.answers, standards, matrix, index * standards.size);
      results.push({
        serviceId: first.serviceId,
        area: first.area,
        totalWards:
          wholeService === undefined
            ? Math.max(activeWards.get(first.serviceId) ?? 0, used.length)
            : 1,
        matrix: { wards: used.length, cells: matrix },
      });
    }
    return results as ReadonlyArray<Network.ServiceAssessments>;
  });

/** Writes a folded answer string into one ward's row of a matrix (`offset` is the row's start). */
const unfoldAnswers = (
  answers: string | null,
  standards: ReadonlyMap<string, number>,
  into: Int8Array,
  offset: number,
): void => {
  for (const answer of (answers ?? "").split(ANSWER_SEPARATOR)) {
    const split = answer.lastIndexOf("=");
    const position = standards.get(answer.slice(0, split));
    if (position === undefined) continue;
    const score = answer.slice(split + 1);
    into[offset + position] =
      score === "n"
        ? Aggregation.NOT_APPLICABLE
        : score === "u"
          ? Aggregation.UNANSWERED
          : Number(score);
  }
};
