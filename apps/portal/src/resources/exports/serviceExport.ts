// A service's scores, evidence and action plan for one cycle, read from the database area by area
// (and the plan a page at a time) while the file streams out.
import { schema } from "@sequin/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { Effect } from "effect";
import type { Services } from "../../http/Api.ts";
import { responsesByAssessment, wardAssessments } from "../../repositories/Assessments.ts";
import type { StoredCycle } from "../../repositories/Cycles.ts";
import { query } from "../../repositories/query.ts";
import type { ActionRow } from "../actions/store.ts";
import { ACTION_COLUMNS, actionRow, areaScoreRows, SCORE_COLUMNS } from "./serviceRows.ts";
import type { Sheet } from "./Table.ts";

/** Runs a repository effect with the request's services, after the handler has returned. */
export type Run = <A>(effect: Effect.Effect<A, never, Services>) => Promise<A>;

const ACTION_PAGE = 500;

const wardsOf = (serviceId: string) =>
  query((db) =>
    db
      .select({ id: schema.wards.id, name: schema.wards.name, active: schema.wards.active })
      .from(schema.wards)
      .where(eq(schema.wards.serviceId, serviceId)),
  );

const areaRecords = (serviceId: string, cycle: string, area: string) =>
  Effect.gen(function* () {
    const assessments = yield* wardAssessments(serviceId, cycle, area);
    const responses = yield* responsesByAssessment(assessments.map((row) => row.id));
    return { assessments, responses };
  });

/** One page of an area's actions in (standard, due, id) order, after `after` (keyset paging). */
const actionPage = (
  serviceId: string,
  cycle: string,
  standardIds: ReadonlyArray<string>,
  after: ActionRow | undefined,
) =>
  query((db) =>
    db
      .select()
      .from(schema.actions)
      .where(
        and(
          eq(schema.actions.serviceId, serviceId),
          eq(schema.actions.cycle, cycle),
          inArray(schema.actions.standardId, [...standardIds]),
          after === undefined
            ? undefined
            : sql`(${schema.actions.standardId}, ${schema.actions.due}, ${schema.actions.id}) > (${after.standardId}, ${after.due}::date, ${after.id}::uuid)`,
        ),
      )
      .orderBy(asc(schema.actions.standardId), asc(schema.actions.due), asc(schema.actions.id))
      .limit(ACTION_PAGE),
  );

export const serviceSheets = (
  run: Run,
  serviceId: string,
  cycle: StoredCycle,
  today: Parameters<typeof actionRow>[2],
): ReadonlyArray<Sheet> => [
  {
    name: "Scores",
    section: "Score",
    columns: SCORE_COLUMNS,
    rows: async function* () {
      const wards = await run(wardsOf(serviceId));
      const names = new Map(wards.map((ward) => [ward.id, ward.name]));
      const active = wards.filter((ward) => ward.active).length;
      for (const area of cycle.set.areas) {
        const records = await run(areaRecords(serviceId, cycle.label, area.slug));
        if (records.assessments.length === 0) continue;
        yield* areaScoreRows(
          area,
          records.assessments,
          records.responses,
          { names, active },
          cycle.set.scale,
        );
      }
    },
  },
  {
    name: "Action plan",
    section: "Action",
    columns: ACTION_COLUMNS,
    rows: async function* () {
      for (const area of cycle.set.areas) {
        const standardIds = area.standards.map((standard) => standard.id as string);
        let after: ActionRow | undefined;
        for (;;) {
          const page = await run(actionPage(serviceId, cycle.label, standardIds, after));
          for (const row of page) yield actionRow(area, row, today);
          if (page.length < ACTION_PAGE) break;
          after = page[page.length - 1];
        }
      }
    },
  },
];
