// The network pack for the annual forum: a cover, the network's anonymised results per area with
// charts, and each area's best-practice themes. Built only from public benchmark views, so it holds
// no service's name or score.
import { LocalDate } from "@sequin/core";
import type { PublicAreaBenchmark } from "../input/common.ts";
import type { NetworkPackInput } from "../input/NetworkPackInput.ts";
import type { DistributionChart } from "./charts.ts";
import { countOf, formatChange, formatPercent } from "./format.ts";
import { type DocumentMeta, documentMeta } from "./meta.ts";

export interface NetworkPackArea {
  /** The section's id, for the contents' links. */
  readonly anchor: string;
  readonly name: string;
  readonly withheld: boolean;
  readonly participation: string;
  readonly stats: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  /** "Median up 4 points since 2020/21", when last cycle's median is known. */
  readonly trend: string | null;
  readonly chart: DistributionChart | null;
  readonly themes: ReadonlyArray<{ readonly title: string; readonly detail: string | null }>;
}

export interface NetworkPackModel {
  readonly meta: DocumentMeta;
  readonly network: string;
  readonly cycle: string;
  readonly previousCycle: string;
  readonly setVersion: string;
  readonly generatedOn: string;
  readonly minimumParticipants: number;
  readonly highlights: ReadonlyArray<string>;
  readonly overview: DistributionChart;
  /** The overview as a table: every area's figures, or why they are withheld. */
  readonly table: ReadonlyArray<{
    readonly anchor: string;
    readonly name: string;
    readonly services: number;
    readonly values: ReadonlyArray<string> | null;
    readonly note: string | null;
  }>;
  readonly areas: ReadonlyArray<NetworkPackArea>;
}

const participantsOf = (benchmark: PublicAreaBenchmark): number =>
  benchmark.withheld ? benchmark.participants : benchmark.distribution.participants;

const withheldNote = (benchmark: PublicAreaBenchmark & { withheld: true }): string =>
  `withheld: ${benchmark.participants} of ${benchmark.minimumParticipants} needed`;

const rowOf = (label: string, benchmark: PublicAreaBenchmark) =>
  benchmark.withheld
    ? { label, distribution: null, note: withheldNote(benchmark) }
    : { label, distribution: benchmark.distribution, note: null };

const previousLabel = (cycle: string): string => {
  const start = Number(cycle.slice(0, 4)) - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
};

const areaOf = (
  area: NetworkPackInput["areas"][number],
  cycle: string,
  before: string,
): NetworkPackArea => {
  const { benchmark, previous } = area;
  const participants = participantsOf(benchmark);
  const stats = benchmark.withheld
    ? []
    : [
        { label: "Lowest", value: formatPercent(benchmark.distribution.min) },
        { label: "Q1", value: formatPercent(benchmark.distribution.q1) },
        { label: "Median", value: formatPercent(benchmark.distribution.median) },
        { label: "Q3", value: formatPercent(benchmark.distribution.q3) },
        { label: "Highest", value: formatPercent(benchmark.distribution.max) },
      ];
  const trend =
    benchmark.withheld || previous === null || previous.withheld
      ? null
      : `The median changed by ${formatChange(benchmark.distribution.median - previous.distribution.median)} percentage points since ${before} (${formatPercent(previous.distribution.median)} then).`;
  const rows = [rowOf(cycle, benchmark), ...(previous === null ? [] : [rowOf(before, previous)])];
  return {
    anchor: `area-${benchmark.area}`,
    name: area.name,
    withheld: benchmark.withheld,
    participation: benchmark.withheld
      ? `${countOf(participants, "service", "services")} took part. Results are shown only when at least ${benchmark.minimumParticipants} take part, so they are withheld.`
      : `${countOf(participants, "service", "services")} took part.`,
    stats,
    trend,
    chart: benchmark.withheld
      ? null
      : {
          kind: "distribution",
          description: `Box plot of ${area.name} area scores: ${rows
            .map((row) =>
              row.distribution === null
                ? `${row.label} ${row.note}`
                : `${row.label} median ${formatPercent(row.distribution.median)}, from ${formatPercent(row.distribution.min)} to ${formatPercent(row.distribution.max)}`,
            )
            .join("; ")}.`,
          rows,
        },
    themes: area.themes.map((theme) => ({ title: theme.title, detail: theme.detail ?? null })),
  };
};

/**
 * The network pack's view model. The input is trusted to have been decoded with `NetworkPackInput`.
 *
 * @example
 * ```ts
 * import { networkPackModel, decodeInputSync, NetworkPackInput } from "@sequin/pdf"
 * networkPackModel(decodeInputSync(NetworkPackInput, json)).areas.length
 * ```
 */
export const networkPackModel = (input: NetworkPackInput): NetworkPackModel => {
  const before = previousLabel(input.cycle);
  const areas = input.areas.map((area) => areaOf(area, input.cycle, before));
  const published = input.areas.filter((area) => !area.benchmark.withheld);
  const medians = published.map((area) => ({
    name: area.name,
    median: area.benchmark.withheld ? 0 : area.benchmark.distribution.median,
  }));
  const strongest = [...medians].sort((a, b) => b.median - a.median)[0];
  const weakest = [...medians].sort((a, b) => a.median - b.median)[0];
  const highlights = [
    published.length === input.areas.length
      ? `All ${countOf(published.length, "area has", "areas have")} published results.`
      : `${countOf(published.length, "area has", "areas have")} published results; ${countOf(input.areas.length - published.length, "area is", "areas are")} withheld because fewer than ${input.minimumParticipants} services took part.`,
    ...(strongest !== undefined && weakest !== undefined && published.length > 1
      ? [
          `Highest median: ${strongest.name} (${formatPercent(strongest.median)}). Lowest median: ${weakest.name} (${formatPercent(weakest.median)}).`,
        ]
      : []),
    "Services are never named: results are shown as ranges across the network.",
  ];
  const title = `${input.network}: network results ${input.cycle}`;
  return {
    meta: documentMeta(title, `${input.network} · network results ${input.cycle}`, {
      symbols: false,
    }),
    network: input.network,
    cycle: input.cycle,
    previousCycle: before,
    setVersion: input.setVersion,
    generatedOn: LocalDate.format(input.generatedOn),
    minimumParticipants: input.minimumParticipants,
    highlights,
    overview: {
      kind: "distribution",
      description: `Box plots of every area's scores across the network in ${input.cycle}: ${input.areas
        .map((area) =>
          area.benchmark.withheld
            ? `${area.name} withheld`
            : `${area.name} median ${formatPercent(area.benchmark.distribution.median)}`,
        )
        .join("; ")}.`,
      rows: input.areas.map((area) => rowOf(area.name, area.benchmark)),
    },
    table: input.areas.map(({ name, benchmark }) => ({
      anchor: `area-${benchmark.area}`,
      name,
      services: participantsOf(benchmark),
      values: benchmark.withheld
        ? null
        : [
            benchmark.distribution.min,
            benchmark.distribution.q1,
            benchmark.distribution.median,
            benchmark.distribution.q3,
            benchmark.distribution.max,
          ].map(formatPercent),
      note: benchmark.withheld
        ? `Withheld: fewer than ${benchmark.minimumParticipants} took part`
        : null,
    })),
    areas,
  };
};
