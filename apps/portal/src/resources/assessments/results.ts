// A service's submitted result for an area: ward means with coverage, and the area score.
import { Aggregation, Ratio, Standards } from "@sequin/core";
import { schema } from "@sequin/db";
import { and, eq } from "drizzle-orm";
import { Effect } from "effect";
import { ok, type Router } from "../../http/Api.ts";
import { InvalidInput } from "../../http/Errors.ts";
import { idParam } from "../../http/Params.ts";
import {
  responsesByAssessment,
  toAgreed,
  wardAssessments,
} from "../../repositories/Assessments.ts";
import { findCycle } from "../../repositories/Cycles.ts";
import { query } from "../../repositories/query.ts";
import { visibleService } from "../network/routes.ts";
import { ResultsQuery } from "./schemas.ts";

export const registerResultRoutes = (router: Router): void => {
  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/results",
    summary:
      "A service's submitted result for an area: ward means per standard with coverage, and the area score",
    tag: "Assessments",
    access: "signed-in",
    query: ResultsQuery,
    handler: ({ principal, params, query: filter }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        const cycle = yield* findCycle(filter.cycle);
        const area = Standards.findArea(cycle.set, filter.area);
        if (area === undefined)
          return yield* new InvalidInput({
            problems: [{ field: "query.area", message: `"${filter.area}" is not an area` }],
          });
        const submitted = (yield* wardAssessments(serviceId, cycle.label, area.slug)).filter(
          (row) => row.status === "submitted",
        );
        const wholeService = submitted.find((row) => row.wardId === null);
        const wardRows = submitted.filter((row) => row.wardId !== null);
        const totalWards =
          wholeService !== undefined
            ? 1
            : (yield* query((db) =>
                db
                  .select({ id: schema.wards.id })
                  .from(schema.wards)
                  .where(and(eq(schema.wards.serviceId, serviceId), eq(schema.wards.active, true))),
              )).length;
        const used = wholeService !== undefined ? [wholeService] : wardRows;
        const responses = yield* responsesByAssessment(used.map((row) => row.id));
        const wards = used.map((row) =>
          (responses.get(row.id) ?? []).map((response) => ({
            standardId: response.standardId,
            agreed: toAgreed(response),
          })),
        );
        const hospital = Aggregation.hospitalArea(area, wards, totalWards, cycle.set.scale);
        return ok({
          cycle: cycle.label,
          area: area.slug,
          level: wholeService !== undefined ? "service" : "ward",
          coverage: { ...hospital.coverage, text: Aggregation.describeCoverage(hospital.coverage) },
          standards: Aggregation.standardAggregates(hospital).map((standard) => ({
            ...standard,
            mean:
              standard.mean === undefined
                ? null
                : { ...standard.mean, display: Ratio.format(standard.mean, 1) },
          })),
          score:
            hospital.score === undefined
              ? null
              : {
                  percent: hospital.score.percent,
                  display: Aggregation.formatPercent(hospital.score),
                  applicable: hospital.score.applicable,
                },
        });
      }),
  });
};
