// Gathers what a completed area report is printed from: the submitted assessments (a whole-service
// one, or each ward's), the area's actions and where the service stands. The PDF package computes
// the scores from these with the core, so the report cannot disagree with the portal.

import { schema } from "@sequin/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { Effect } from "effect";
import { Conflict } from "../../http/Errors.ts";
import { responsesOf, toCoreAssessment, wardAssessments } from "../../repositories/Assessments.ts";
import { areaOfSet, type StoredCycle } from "../../repositories/Cycles.ts";
import { query } from "../../repositories/query.ts";
import { notesOf, toCoreAction, today } from "../actions/store.ts";
import { computeCycleBenchmark, serviceView } from "../benchmarks/compute.ts";

const benchmarkFor = (cycle: StoredCycle, serviceId: string, area: string) =>
  Effect.gen(function* () {
    const benchmark = yield* computeCycleBenchmark(cycle.label);
    const view = serviceView(benchmark, serviceId).areas.find((entry) => entry.area === area);
    if (view === undefined) return null;
    if (view.withheld || view.distribution === null)
      return {
        withheld: true as const,
        participants: view.participants,
        minimumParticipants: cycle.minimumParticipants,
      };
    if (view.service === null) return null;
    return {
      withheld: false as const,
      distribution: view.distribution,
      service: {
        percent: view.service.percent,
        percentile: view.service.percentile,
        bestPractice: view.service.bestPractice,
        focus: view.service.focus,
        change:
          view.service.change === null
            ? null
            : {
                area: view.service.change.area,
                standards: view.service.change.standards.map((standard) => ({
                  standardId: standard.standardId,
                  change: standard.change,
                })),
              },
      },
      // Codes only, even for services that opted in to be named: a printed report travels.
      peers: view.peers.map((peer) => ({ code: peer.code, percent: peer.percent })),
    };
  });

/**
 * The report's input for a service's submitted area, or a 409 saying nothing is submitted yet. The
 * PDF package decodes it with its own schema, so an inconsistency in our data is caught, not printed.
 */
export const areaReportInput = (serviceId: string, cycle: StoredCycle, areaSlug: string) =>
  Effect.gen(function* () {
    const area = yield* areaOfSet(cycle.set, areaSlug, "path.area");
    const [service] = yield* query((db) =>
      db
        .select({ name: schema.services.name })
        .from(schema.services)
        .where(eq(schema.services.id, serviceId)),
    );
    const submitted = (yield* wardAssessments(serviceId, cycle.label, area.slug)).filter(
      (row) => row.status === "submitted",
    );
    if (submitted.length === 0)
      return yield* new Conflict({
        message: `No assessment of ${area.name} has been submitted for ${cycle.label} yet.`,
      });
    const wholeService = submitted.find((row) => row.wardId === null);
    const used = wholeService === undefined ? submitted : [wholeService];
    const wardRows = yield* query((db) =>
      db
        .select({ id: schema.wards.id, name: schema.wards.name, active: schema.wards.active })
        .from(schema.wards)
        .where(eq(schema.wards.serviceId, serviceId))
        .orderBy(asc(schema.wards.name)),
    );
    const wardNames = new Map(wardRows.map((ward) => [ward.id, ward.name]));
    const wards = [];
    for (const row of used) {
      const core = toCoreAssessment(row, yield* responsesOf(row.id));
      wards.push({
        name:
          row.wardId === null
            ? (service?.name ?? "Whole service")
            : (wardNames.get(row.wardId) ?? "Ward"),
        method: core.method,
        attendance: core.attendance,
        responses: core.responses,
      });
    }
    const standardIds = area.standards.map((standard) => standard.id as string);
    const actionRows = yield* query((db) =>
      db
        .select()
        .from(schema.actions)
        .where(
          and(
            eq(schema.actions.serviceId, serviceId),
            eq(schema.actions.cycle, cycle.label),
            inArray(schema.actions.standardId, standardIds),
          ),
        )
        .orderBy(asc(schema.actions.due), asc(schema.actions.createdAt)),
    );
    const notes = yield* notesOf(actionRows.map((row) => row.id));
    return {
      service: service?.name ?? "Service",
      cycle: cycle.label,
      setVersion: cycle.standardsVersion,
      scale: cycle.set.scale,
      area,
      level: wholeService === undefined ? "ward" : "service",
      totalWards:
        wholeService === undefined
          ? Math.max(used.length, wardRows.filter((ward) => ward.active).length)
          : 1,
      wards,
      attachments: [],
      actions: actionRows.map((row) =>
        toCoreAction(
          row,
          notes.filter((note) => note.actionId === row.id),
        ),
      ),
      benchmark: yield* benchmarkFor(cycle, serviceId, area.slug),
      generatedOn: yield* today,
    };
  });
