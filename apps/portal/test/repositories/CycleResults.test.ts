// The recompute reads every submitted answer folded into one string per assessment; this pins the
// unfolding against answers written straight into the tables: scores, N/A, no agreed score,
// answers the set does not know, drafts, ward and whole-service assessments.
import { Aggregation } from "@sequin/core";
import { schema } from "@sequin/db";
import { testDrivers } from "@sequin/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWith } from "../../src/app.ts";
import { cycleResults } from "../../src/repositories/CycleResults.ts";
import { findCycle } from "../../src/repositories/Cycles.ts";
import { buildNetwork, type Harness, type Network, startHarness } from "../support/harness.ts";

describe.each(testDrivers())("cycle results on %s", (driver) => {
  let harness: Harness;
  let network: Network;
  beforeAll(async () => {
    harness = await startHarness(driver);
    network = await buildNetwork(harness);
  }, 120_000);
  afterAll(() => harness.close());

  it("unfolds each submitted assessment into its area's standards, in the set's order", async () => {
    const cycle = await runWith(harness.app, findCycle("2021/22"));
    const [first, second] = cycle.set.areas as unknown as [
      (typeof cycle.set.areas)[number],
      (typeof cycle.set.areas)[number],
    ];
    const db = harness.database.db;
    const { serviceA, serviceB } = network;
    const assess = async (
      service: { id: string; organisationId: string },
      area: typeof first,
      wardId: string | null,
      status: "draft" | "submitted",
      answers: ReadonlyArray<{ agreed: number | null; notApplicable?: boolean } | undefined>,
      extra: ReadonlyArray<string> = [],
    ) => {
      const [row] = await db
        .insert(schema.assessments)
        .values({
          organisationId: service.organisationId,
          serviceId: service.id,
          wardId,
          cycle: cycle.label,
          area: area.slug,
          status,
        })
        .returning({ id: schema.assessments.id });
      const rows: Array<typeof schema.responses.$inferInsert> = area.standards.flatMap(
        (standard, index) => {
          const answer = answers[index];
          return answer === undefined
            ? []
            : [
                {
                  assessmentId: row?.id as string,
                  organisationId: service.organisationId,
                  standardId: standard.id,
                  agreed: answer.agreed,
                  notApplicable: answer.notApplicable ?? false,
                },
              ];
        },
      );
      for (const standardId of extra)
        rows.push({
          assessmentId: row?.id as string,
          organisationId: service.organisationId,
          standardId,
          agreed: 3,
          notApplicable: false,
        });
      if (rows.length > 0) await db.insert(schema.responses).values(rows);
    };
    const na = { agreed: null, notApplicable: true };
    const none = { agreed: null };
    // Service A assesses the first area ward by ward (one ward of two submitted), and drafts the
    // second; service B assesses the first area as a whole, with an answer the set does not know.
    await assess(serviceA, first, serviceA.wards[0] as string, "submitted", [
      { agreed: 3 },
      na,
      none,
      { agreed: 0 },
    ]);
    await assess(serviceA, first, serviceA.wards[1] as string, "draft", [{ agreed: 1 }]);
    await assess(serviceA, second, null, "draft", [{ agreed: 2 }]);
    await assess(serviceB, first, null, "submitted", [{ agreed: 2 }, { agreed: 1 }], ["ZZ-99"]);

    const results = await runWith(harness.app, cycleResults(cycle.label, cycle.set));
    const size = first.standards.length;
    const expected = (cells: ReadonlyArray<number>) => {
      const row = new Int8Array(size).fill(Aggregation.UNANSWERED);
      row.set(cells);
      return row;
    };
    const byService = new Map(results.map((result) => [result.serviceId, result]));
    expect(results).toHaveLength(2);
    expect(byService.get(serviceA.id)).toEqual({
      serviceId: serviceA.id,
      area: first.slug,
      totalWards: 2,
      matrix: {
        wards: 1,
        cells: expected([3, Aggregation.NOT_APPLICABLE, Aggregation.UNANSWERED, 0]),
      },
    });
    expect(byService.get(serviceB.id)).toEqual({
      serviceId: serviceB.id,
      area: first.slug,
      totalWards: 1,
      matrix: { wards: 1, cells: expected([2, 1]) },
    });
  });
});
