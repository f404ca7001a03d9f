// The ward-by-ward example on "How to use": computed by the core's own aggregation, so the page can
// never disagree with how the portal really scores.
import { Aggregation, type Consensus, Ratio, type Standards } from "@sequin/core";

export interface ExampleRow {
  readonly standardId: string;
  readonly text: string;
  /** Each ward's agreed score, "N/A" where the ward marked it not applicable. */
  readonly wards: ReadonlyArray<string>;
  readonly mean: string;
  readonly coverage: string;
}

export interface WorkedExample {
  readonly area: string;
  readonly wardNames: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<ExampleRow>;
  /** The area score over these standards, e.g. "59.7%". */
  readonly areaScore: string;
  readonly maxPerStandard: number;
}

const WARD_NAMES = ["Ward A", "Ward B", "Ward C"] as const;
/** Made-up agreed scores, one row per standard, one column per ward. */
const SCORES: ReadonlyArray<ReadonlyArray<Consensus.Agreed>> = [
  [3, 2, 2],
  [2, "na", 1],
  [1, 1, 0],
  [3, 3, 2],
];

export const wardExample = (set: Standards.StandardsSet): WorkedExample => {
  const source = set.areas[0];
  if (source === undefined) throw new Error("the standards set has no areas");
  const area: Standards.Area = { ...source, standards: source.standards.slice(0, SCORES.length) };
  const wards = WARD_NAMES.map((_, ward) =>
    area.standards.map((standard, row) => ({
      standardId: standard.id as string,
      agreed: SCORES[row]?.[ward] ?? null,
    })),
  );
  const result = Aggregation.hospitalArea(area, wards, WARD_NAMES.length, set.scale);
  if (result.score === undefined) throw new Error("the example has no scores");
  const aggregates = Aggregation.standardAggregates(result);
  return {
    area: source.name,
    wardNames: WARD_NAMES,
    rows: area.standards.map((standard, row) => {
      const aggregate = aggregates[row];
      return {
        standardId: standard.id,
        text: standard.text,
        wards: WARD_NAMES.map((_, ward) => {
          const agreed = SCORES[row]?.[ward];
          return agreed === "na" ? "N/A" : String(agreed);
        }),
        mean: aggregate?.mean === undefined ? "none" : Ratio.format(aggregate.mean, 2),
        coverage: Aggregation.describeCoverage({
          assessed: aggregate?.scored ?? 0,
          wards: WARD_NAMES.length,
        }),
      };
    }),
    areaScore: Aggregation.formatPercent(result.score, 1),
    maxPerStandard: result.score.maxPerStandard,
  };
};
