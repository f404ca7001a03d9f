// The completed area report: a service's scores for one area and cycle (per standard, with the ward
// breakdown and coverage), the area score, evidence, the action plan and where the service stands in
// the network. All arithmetic is the core's (Aggregation, Consensus, ActionPlan).
import { ActionPlan, Aggregation, Consensus, LocalDate, Ratio, Scale } from "@sequin/core";
import type { AreaReportInput, WardAssessment } from "../input/AreaReportInput.ts";
import type { StandingChart } from "./charts.ts";
import {
  countOf,
  formatChange,
  formatPercent,
  methodLabel,
  ordinal,
  statusLabel,
  weightLabel,
} from "./format.ts";
import { type DocumentMeta, documentMeta } from "./meta.ts";

export interface WardRow {
  readonly name: string;
  readonly serviceUser: string;
  readonly staff: string;
  readonly carer: string;
  readonly agreed: string;
  /** Views two or more points apart (flagged for discussion). */
  readonly divergent: boolean;
}

export interface ReportStandard {
  readonly id: string;
  readonly text: string;
  readonly weight: string;
  /** The agreed score, or the wards' mean: "2", "2.5", "N/A", "Not scored". */
  readonly score: string;
  readonly outOf: number;
  /** The scale label, when the score is a whole point on it. */
  readonly scoreLabel: string | null;
  /** "3 of 4 wards scored it, 1 marked it N/A", for ward-level assessments. */
  readonly coverage: string | null;
  readonly rows: ReadonlyArray<WardRow>;
  readonly anyDivergent: boolean;
  readonly rationales: ReadonlyArray<{ readonly by: string | null; readonly text: string }>;
  readonly evidence: ReadonlyArray<{ readonly by: string | null; readonly text: string }>;
  readonly attachments: ReadonlyArray<string>;
  readonly actionCount: number;
  /** Change in score since the previous cycle, e.g. "+0.5", when the benchmark has it. */
  readonly change: string | null;
}

export interface ReportAction {
  readonly standardId: string;
  readonly what: string;
  readonly owner: string;
  readonly due: string;
  readonly status: string;
  readonly overdue: boolean;
  readonly carriedFrom: string | null;
  readonly latestNote: string | null;
  readonly outcome: string | null;
}

export type ReportBenchmark =
  | {
      readonly state: "published";
      readonly summary: ReadonlyArray<string>;
      readonly stats: ReadonlyArray<{ readonly label: string; readonly value: string }>;
      readonly chart: StandingChart;
    }
  | { readonly state: "withheld" | "none"; readonly summary: ReadonlyArray<string> };

export interface AreaReportModel {
  readonly meta: DocumentMeta;
  readonly service: string;
  readonly cycle: string;
  readonly generatedOn: string;
  readonly setVersion: string;
  readonly area: { readonly code: string; readonly name: string; readonly symbol: string };
  readonly wardLevel: boolean;
  readonly hasCarers: boolean;
  readonly summary: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  readonly maxScore: number;
  readonly areaScore: string;
  readonly areaScoreDetail: string;
  readonly standards: ReadonlyArray<ReportStandard>;
  readonly actions: ReadonlyArray<ReportAction>;
  readonly overdueCount: number;
  readonly benchmark: ReportBenchmark;
}

/** A view or mean for display: whole numbers as they are, others to one decimal place. */
const point = (value: number | undefined): string =>
  value === undefined ? "–" : Number.isInteger(value) ? String(value) : value.toFixed(1);

const agreedText = (agreed: Consensus.Agreed | null): string =>
  agreed === null ? "Not agreed" : agreed === "na" ? "N/A" : String(agreed);

const methodsOf = (wards: ReadonlyArray<WardAssessment>): string => {
  const labels = [...new Set(wards.map((ward) => methodLabel(ward.method)))];
  return labels.join(", ");
};

const attendanceOf = (wards: ReadonlyArray<WardAssessment>): string => {
  const total = { serviceUsers: 0, staff: 0, carers: 0 };
  for (const ward of wards) {
    total.serviceUsers += ward.attendance.serviceUsers;
    total.staff += ward.attendance.staff;
    total.carers += ward.attendance.carers;
  }
  return [
    countOf(total.serviceUsers, "service user", "service users"),
    `${total.staff} staff`,
    countOf(total.carers, "carer", "carers"),
  ].join(", ");
};

const coverageText = (aggregate: Aggregation.StandardAggregate): string => {
  const parts = [`${aggregate.scored} of ${aggregate.wards} wards scored it`];
  if (aggregate.notApplicable > 0) parts.push(`${aggregate.notApplicable} marked it N/A`);
  if (aggregate.unanswered > 0) parts.push(`${aggregate.unanswered} did not agree a score`);
  return parts.join(", ");
};

const benchmarkOf = (input: AreaReportInput): ReportBenchmark => {
  const { benchmark } = input;
  if (benchmark === null) {
    return {
      state: "none",
      summary: [`There is no network benchmark for ${input.area.name} in ${input.cycle} yet.`],
    };
  }
  if (benchmark.withheld) {
    return {
      state: "withheld",
      summary: [
        `${countOf(benchmark.participants, "service", "services")} took part. The network shows results only when at least ${benchmark.minimumParticipants} take part, so they are withheld.`,
      ],
    };
  }
  const { distribution: d, service } = benchmark;
  const summary = [
    `${input.service} scored ${formatPercent(service.percent)}. The network median was ${formatPercent(d.median)}; ${countOf(d.participants, "service", "services")} took part.`,
  ];
  if (service.percentile !== null) {
    summary.push(
      `That is the ${ordinal(service.percentile)} percentile: ${formatPercent(service.percentile)} of the other services scored lower.`,
    );
  }
  if (service.bestPractice) summary.push("Best practice: in the network's top quartile.");
  if (service.focus) summary.push("An area for focused work: in the network's bottom quartile.");
  if (service.change !== null) {
    summary.push(`Change since last year: ${formatChange(service.change.area)} percentage points.`);
  }
  const bars = [
    { label: "You", percent: service.percent, you: true },
    ...benchmark.peers.map((peer) => ({ label: peer.code, percent: peer.percent, you: false })),
  ].sort((a, b) => b.percent - a.percent || a.label.localeCompare(b.label));
  return {
    state: "published",
    summary,
    stats: [
      { label: "Services", value: String(d.participants) },
      { label: "Lowest", value: formatPercent(d.min) },
      { label: "Q1", value: formatPercent(d.q1) },
      { label: "Median", value: formatPercent(d.median) },
      { label: "Q3", value: formatPercent(d.q3) },
      { label: "Highest", value: formatPercent(d.max) },
      { label: "You", value: formatPercent(service.percent) },
    ],
    chart: {
      kind: "standing",
      description: `Bar chart of ${input.area.name} scores in ${input.cycle}: ${input.service} (You) ${formatPercent(service.percent)} among ${benchmark.peers.length} other services shown by code; median ${formatPercent(d.median)}.`,
      bars,
      quartiles: { q1: d.q1, median: d.median, q3: d.q3 },
    },
  };
};

/**
 * The area report's view model. The input is trusted to have been decoded with `AreaReportInput`
 * (the HTTP service and the portal do); scores and coverage come from the core's Aggregation.
 *
 * @example
 * ```ts
 * import { areaReportModel, decodeInputSync, AreaReportInput } from "@sequin/pdf"
 * const model = areaReportModel(decodeInputSync(AreaReportInput, json))
 * model.areaScore // "67%"
 * ```
 */
export const areaReportModel = (input: AreaReportInput): AreaReportModel => {
  const { area, scale } = input;
  const wardLevel = input.level === "ward";
  const hospital = Aggregation.hospitalArea(
    area,
    input.wards.map((ward) => ward.responses),
    input.totalWards,
    scale,
  );
  const aggregates = Aggregation.standardAggregates(hospital);
  const maximum = Scale.maxScore(scale);
  const byStandard = new Map(
    input.wards.map((ward) => [
      ward,
      new Map(ward.responses.map((response) => [response.standardId as string, response])),
    ]),
  );
  const hasCarers = input.wards.some((ward) =>
    ward.responses.some((response) => Consensus.groupViews(response).carer !== undefined),
  );
  const changes = new Map(
    input.benchmark !== null && !input.benchmark.withheld && input.benchmark.service.change !== null
      ? input.benchmark.service.change.standards.map((entry) => [
          entry.standardId as string,
          entry.change,
        ])
      : [],
  );
  const by = (ward: WardAssessment) => (input.wards.length > 1 ? ward.name : null);

  const standards = area.standards.map((standard, index): ReportStandard => {
    const aggregate = aggregates[index] as Aggregation.StandardAggregate;
    const responses = input.wards.map((ward) => ({
      ward,
      response: byStandard.get(ward)?.get(standard.id),
    }));
    const rows = responses.map(({ ward, response }): WardRow => {
      const views = response === undefined ? {} : Consensus.groupViews(response);
      return {
        name: ward.name,
        serviceUser: point(views.serviceUser),
        staff: point(views.staff),
        carer: point(views.carer),
        agreed: agreedText(response?.agreed ?? null),
        divergent: Consensus.divergence(views) !== undefined,
      };
    });
    const mean = aggregate.mean;
    const score =
      mean !== undefined
        ? Ratio.format(mean, wardLevel && mean.denominator !== 1 ? 1 : 0)
        : aggregate.notApplicable > 0
          ? "N/A"
          : "Not scored";
    const change = changes.get(standard.id);
    return {
      id: standard.id,
      text: standard.text,
      weight: weightLabel[standard.weight],
      score,
      outOf: maximum,
      // A label names a point on the scale: a mean of several wards is not one.
      scoreLabel:
        mean !== undefined && mean.denominator === 1 && aggregate.scored === 1
          ? (Scale.labelOf(scale, mean.numerator) ?? null)
          : null,
      coverage: wardLevel ? coverageText(aggregate) : null,
      rows,
      anyDivergent: rows.some((row) => row.divergent),
      rationales: responses.flatMap(({ ward, response }) =>
        response === undefined || response.rationale.trim() === ""
          ? []
          : [{ by: by(ward), text: response.rationale.trim() }],
      ),
      evidence: responses.flatMap(({ ward, response }) =>
        response === undefined || response.evidence.trim() === ""
          ? []
          : [{ by: by(ward), text: response.evidence.trim() }],
      ),
      attachments: input.attachments
        .filter((attachment) => attachment.standardId === standard.id)
        .map((attachment) => attachment.name),
      actionCount: input.actions.filter((action) => action.standardId === standard.id).length,
      change: change === undefined ? null : formatChange(change, 1),
    };
  });

  const order = new Map(area.standards.map((standard, index) => [standard.id as string, index]));
  const actions = [...input.actions]
    .sort(
      (a, b) =>
        (order.get(a.standardId) ?? 0) - (order.get(b.standardId) ?? 0) ||
        a.due.localeCompare(b.due) ||
        a.id.localeCompare(b.id),
    )
    .map(
      (action): ReportAction => ({
        standardId: action.standardId,
        what: action.what,
        owner: action.owner,
        due: LocalDate.format(action.due),
        status: statusLabel[action.status],
        overdue: ActionPlan.isOverdue(action, input.generatedOn),
        carriedFrom: action.carriedFrom ?? null,
        latestNote: action.notes.at(-1)?.text ?? null,
        outcome: action.outcome === undefined || action.outcome === "" ? null : action.outcome,
      }),
    );

  const score = hospital.score;
  const areaScore = score === undefined ? "Not scored" : Aggregation.formatPercent(score);
  const areaScoreDetail =
    score === undefined
      ? "No standard has an agreed score yet."
      : `${Ratio.format(score.points, score.points.denominator === 1 ? 0 : 1)} points of a possible ${score.maxPerStandard * score.applicable}, from ${countOf(score.applicable, "standard", "standards")}${score.notApplicable > 0 ? ` (${score.notApplicable} N/A, not counted)` : ""}${score.unanswered > 0 ? `; ${countOf(score.unanswered, "standard has", "standards have")} no agreed score yet` : ""}.`;

  const title = `${area.name}: area report, ${input.service}, ${input.cycle}`;
  return {
    meta: documentMeta(title, `${input.service} · ${area.name} · ${input.cycle}`, {
      symbols: true,
    }),
    service: input.service,
    cycle: input.cycle,
    generatedOn: LocalDate.format(input.generatedOn),
    setVersion: input.setVersion,
    area: { code: area.code, name: area.name, symbol: area.symbol },
    wardLevel,
    hasCarers,
    summary: [
      { label: "Service", value: input.service },
      { label: "Cycle", value: input.cycle },
      { label: "Method", value: methodsOf(input.wards) },
      { label: "Who took part", value: attendanceOf(input.wards) },
      {
        label: "Coverage",
        value: wardLevel
          ? Aggregation.describeCoverage(hospital.coverage)
          : "Whole service, assessed together",
      },
      { label: "Standards", value: `SeQuIn standards ${input.setVersion}` },
    ],
    maxScore: maximum,
    areaScore,
    areaScoreDetail,
    standards,
    actions,
    overdueCount: actions.filter((action) => action.overdue).length,
    benchmark: benchmarkOf(input),
  };
};
