// A cycle's submitted results, loaded in the compact form the core benchmarks (score matrices):
// one read of the assessments and one of their responses, whatever the size of the network.
import { Aggregation, type Network, type Standards } from "@sequin/core";
import { schema } from "@sequin/db";
import { and, eq, inArray } from "drizzle-orm";
import { Effect } from "effect";
import { query } from "./query.ts";

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
    // Three independent reads, sent together: on PostgreSQL the server works on one while this
    // process decodes another (PGlite, one connection, simply runs them in turn).
    const [assessments, responses, wards] = yield* Effect.all(
      [
        query((db) =>
          db
            .select({
              id: schema.assessments.id,
              serviceId: schema.assessments.serviceId,
              wardId: schema.assessments.wardId,
              area: schema.assessments.area,
            })
            .from(schema.assessments)
            .where(submitted),
        ),
        query((db) =>
          db
            .select({
              assessmentId: schema.responses.assessmentId,
              standardId: schema.responses.standardId,
              agreed: schema.responses.agreed,
              notApplicable: schema.responses.notApplicable,
            })
            .from(schema.responses)
            .innerJoin(schema.assessments, eq(schema.assessments.id, schema.responses.assessmentId))
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
    const cells = new Map<string, Int8Array>();
    for (const assessment of assessments) {
      const size = positions.get(assessment.area)?.size;
      if (size !== undefined)
        cells.set(assessment.id, new Int8Array(size).fill(Aggregation.UNANSWERED));
    }
    const areaOf = new Map(assessments.map((assessment) => [assessment.id, assessment.area]));
    for (const response of responses) {
      const row = cells.get(response.assessmentId);
      const position = positions
        .get(areaOf.get(response.assessmentId) ?? "")
        ?.get(response.standardId);
      if (row === undefined || position === undefined) continue;
      row[position] = response.notApplicable
        ? Aggregation.NOT_APPLICABLE
        : (response.agreed ?? Aggregation.UNANSWERED);
    }

    const byServiceArea = new Map<string, Array<(typeof assessments)[number]>>();
    for (const assessment of assessments) {
      if (!cells.has(assessment.id)) continue;
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
      const size = positions.get(first.area)?.size ?? 0;
      const matrix = new Int8Array(used.length * size);
      for (const [index, assessment] of used.entries()) {
        matrix.set(cells.get(assessment.id) as Int8Array, index * size);
      }

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
