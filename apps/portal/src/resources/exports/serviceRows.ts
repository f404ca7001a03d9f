// The rows of a service's export, from records already read: pure, so what a cell says is decided in
// one place. The area score is the service's official result, computed as GET /results does it.
import {
  ActionPlan,
  Aggregation,
  type LocalDate,
  Ratio,
  type Scale,
  type Standards,
} from "@sequin/core";
import type { AssessmentRow, ResponseRow } from "../../repositories/Assessments.ts";
import { toAgreed } from "../../repositories/Assessments.ts";
import type { ActionRow } from "../actions/store.ts";
import type { Cell } from "./Neutralise.ts";
import { column, type Row } from "./Table.ts";

export const SCORE_COLUMNS = [
  column("area", "Area", 28),
  column("areaScore", "Area score (%)", 14),
  column("coverage", "Coverage", 14),
  column("standard", "Standard", 10),
  column("standardText", "Standard text", 60),
  column("ward", "Ward", 22),
  column("status", "Status", 12),
  column("serviceUserView", "Service-user view", 12),
  column("staffView", "Staff view", 10),
  column("carerView", "Carer view", 10),
  column("agreed", "Agreed score", 12),
  column("rationale", "Rationale", 50),
  column("evidence", "Evidence", 60),
];

export const ACTION_COLUMNS = [
  column("area", "Area", 28),
  column("standard", "Standard", 10),
  column("standardText", "Standard text", 60),
  column("action", "Action", 50),
  column("owner", "Owner", 22),
  column("due", "Due", 12),
  column("status", "Status", 12),
  column("overdue", "Overdue", 10),
  column("outcome", "Outcome", 50),
  column("carriedFrom", "Carried from", 12),
];

export const WHOLE_SERVICE = "Whole service";
export const ALL_WARDS = "All wards (mean)";

const STATUS: Record<ActionRow["status"], string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
  dropped: "Dropped",
};

const agreedCell = (response: ResponseRow | undefined): Cell => {
  if (response === undefined) return null;
  const agreed = toAgreed(response);
  return agreed === "na" ? "N/A" : agreed;
};

/**
 * The submitted result the network sees, exactly as GET /services/{id}/results computes it: the
 * whole-service assessment if one was submitted, otherwise the submitted wards out of all active
 * wards. `undefined` while nothing is submitted.
 */
export const officialResult = (
  area: Standards.Area,
  assessments: ReadonlyArray<AssessmentRow>,
  responses: ReadonlyMap<string, ReadonlyArray<ResponseRow>>,
  activeWards: number,
  scale: Scale.Scale,
) => {
  const submitted = assessments.filter((row) => row.status === "submitted");
  const wholeService = submitted.find((row) => row.wardId === null);
  const used = wholeService !== undefined ? [wholeService] : submitted;
  if (used.length === 0) return undefined;
  const hospital = Aggregation.hospitalArea(
    area,
    used.map((row) =>
      (responses.get(row.id) ?? []).map((response) => ({
        standardId: response.standardId,
        agreed: toAgreed(response),
      })),
    ),
    wholeService !== undefined ? 1 : activeWards,
    scale,
  );
  return { level: wholeService !== undefined ? "service" : "ward", hospital } as const;
};

/**
 * One area's rows: per standard, the wards' mean (ward-level areas) and then every assessment's
 * record — the whole service's, or each ward's — with both views, the agreed score and the words.
 */
export function* areaScoreRows(
  area: Standards.Area,
  assessments: ReadonlyArray<AssessmentRow>,
  responses: ReadonlyMap<string, ReadonlyArray<ResponseRow>>,
  wards: { readonly names: ReadonlyMap<string, string>; readonly active: number },
  scale: Scale.Scale,
): Generator<Row> {
  const result = officialResult(area, assessments, responses, wards.active, scale);
  const score = result?.hospital.score;
  const areaCells = {
    area: area.name,
    areaScore:
      score === undefined ? null : Number(Ratio.format(Aggregation.percentRatio(score), 1)),
    coverage:
      result?.level === "ward" ? Aggregation.describeCoverage(result.hospital.coverage) : null,
  };
  const wardName = (row: AssessmentRow) =>
    row.wardId === null ? WHOLE_SERVICE : (wards.names.get(row.wardId) ?? "Ward");
  // The whole service first, then wards by name: the same order in every area.
  const ordered = [...assessments].sort((a, b) =>
    a.wardId === null
      ? -1
      : b.wardId === null
        ? 1
        : wardName(a).localeCompare(wardName(b), "en-GB"),
  );
  const byStandard = new Map(
    ordered.map((row) => [
      row.id,
      new Map((responses.get(row.id) ?? []).map((response) => [response.standardId, response])),
    ]),
  );
  const aggregates =
    result?.level === "ward" ? Aggregation.standardAggregates(result.hospital) : undefined;

  for (const [index, standard] of area.standards.entries()) {
    const standardCells = { standard: standard.id, standardText: standard.text };
    const aggregate = aggregates?.[index];
    if (aggregate !== undefined) {
      yield {
        ...areaCells,
        ...standardCells,
        ward: ALL_WARDS,
        status: "Submitted",
        agreed:
          aggregate.mean !== undefined
            ? Number(Ratio.format(aggregate.mean, 1))
            : aggregate.notApplicable > 0
              ? "N/A"
              : null,
      };
    }
    for (const row of ordered) {
      const response = byStandard.get(row.id)?.get(standard.id);
      yield {
        ...areaCells,
        ...standardCells,
        ward: wardName(row),
        status: row.status === "submitted" ? "Submitted" : "Draft",
        serviceUserView: response?.viewServiceUser ?? null,
        staffView: response?.viewStaff ?? null,
        carerView: response?.viewCarer ?? null,
        agreed: agreedCell(response),
        rationale: response?.rationale ?? null,
        evidence: response?.evidence ?? null,
      };
    }
  }
}

/** An action plan row; `today` (in England) decides whether it is overdue. */
export const actionRow = (
  area: Standards.Area,
  row: ActionRow,
  today: LocalDate.LocalDate,
): Row => ({
  area: area.name,
  standard: row.standardId,
  standardText: area.standards.find((standard) => standard.id === row.standardId)?.text ?? null,
  action: row.what,
  owner: row.owner,
  due: { day: row.due },
  status: STATUS[row.status],
  overdue: ActionPlan.isOverdue({ status: row.status, due: row.due as LocalDate.LocalDate }, today)
    ? "Yes"
    : "No",
  outcome: row.outcome,
  carriedFrom: row.carriedFrom,
});
