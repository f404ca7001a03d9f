// The network's anonymised results for a cycle, taken from the benchmark views the API already
// serves (never recomputed here): the public variant is exactly GET /public/cycles/{cycle}/benchmark;
// the network admins' variant adds each participating service under its anonymised code.
import { Readable } from "node:stream";
import { type CycleBenchmark, networkView, publicView } from "../benchmarks/compute.ts";
import type { NetworkArea, NetworkResults } from "./schemas.ts";
import { column, type Row, type Sheet } from "./Table.ts";
import { toWebStream } from "./WebStream.ts";

type Statistics = Parameters<typeof publicView>[0];

/** Per area: participants and the distribution, or that it is withheld. Nothing about a service. */
export const publicAreas = (statistics: Statistics): Array<NetworkArea> =>
  publicView(statistics).areas.map((area) => ({ ...area }));

/**
 * The public areas plus every participating service, under its stable code and named only if it
 * opted in. A withheld area lists no services: their scores would give the distribution away.
 */
export const networkAreas = (benchmark: CycleBenchmark): Array<NetworkArea> => {
  const standings = new Map(networkView(benchmark).areas.map((area) => [area.area, area.services]));
  return publicAreas(benchmark).map((area) => ({
    ...area,
    services: area.withheld
      ? []
      : (standings.get(area.area) ?? []).map((standing) => ({
          code: standing.code,
          name: benchmark.labels.get(standing.serviceId)?.named === true ? standing.name : null,
          percent: standing.percent,
          percentile: standing.percentile,
          bestPractice: standing.bestPractice,
          focus: standing.focus,
          change: standing.change?.area ?? null,
        })),
  }));
};

export const resultsDocument = (
  statistics: Statistics,
  scope: NetworkResults["scope"],
  areas: Array<NetworkArea>,
  generatedAt: Date,
): NetworkResults => ({
  format: "sequin-network-results",
  version: 1,
  scope,
  cycle: statistics.cycle.label,
  standardsVersion: statistics.cycle.standardsVersion,
  minimumParticipants: statistics.cycle.minimumParticipants,
  ...(scope === "network" ? { previousCycle: statistics.previousCycle } : {}),
  generatedAt: generatedAt.toISOString(),
  areas,
});

const AREA_COLUMNS = [
  column("cycle", "Cycle", 9),
  column("area", "Area", 30),
  column("participants", "Participants", 12),
  column("withheld", "Withheld", 10),
  column("min", "Min (%)", 9),
  column("q1", "Q1 (%)", 9),
  column("median", "Median (%)", 11),
  column("q3", "Q3 (%)", 9),
  column("max", "Max (%)", 9),
  column("note", "Note", 48),
];

const SERVICE_COLUMNS = [
  column("cycle", "Cycle", 9),
  column("area", "Area", 30),
  column("service", "Service", 10),
  column("name", "Name (if opted in)", 28),
  column("percent", "Score (%)", 10),
  column("percentile", "Percentile", 11),
  column("bestPractice", "Best practice", 13),
  column("focus", "Focused work", 13),
  column("change", "Change (points)", 15),
];

const yesNo = (value: boolean) => (value ? "Yes" : "No");

async function* each<A>(items: ReadonlyArray<A>, toRow: (item: A) => Iterable<Row>) {
  for (const item of items) yield* toRow(item);
}

/** The Areas sheet, and the Services sheet when the document has services (network scope). */
export const resultsSheets = (document: NetworkResults): ReadonlyArray<Sheet> => {
  const areas: Sheet = {
    name: "Areas",
    section: "Area",
    columns: AREA_COLUMNS,
    rows: () =>
      each(document.areas, (area) => [
        {
          cycle: document.cycle,
          area: area.name,
          participants: area.participants,
          withheld: yesNo(area.withheld),
          min: area.distribution?.min ?? null,
          q1: area.distribution?.q1 ?? null,
          median: area.distribution?.median ?? null,
          q3: area.distribution?.q3 ?? null,
          max: area.distribution?.max ?? null,
          note: area.withheld
            ? `Withheld: fewer than ${document.minimumParticipants} services took part`
            : null,
        },
      ]),
  };
  if (document.scope === "public") return [areas];
  const services: Sheet = {
    name: "Services",
    section: "Service",
    columns: SERVICE_COLUMNS,
    rows: () =>
      each(document.areas, (area) =>
        (area.services ?? []).map((service) => ({
          cycle: document.cycle,
          area: area.name,
          service: service.code,
          name: service.name,
          percent: service.percent,
          percentile: service.percentile,
          bestPractice: yesNo(service.bestPractice),
          focus: yesNo(service.focus),
          change: service.change,
        })),
      ),
  };
  return [areas, services];
};

/** The document as streamed JSON text, one area at a time. */
export const jsonStream = (document: NetworkResults): ReadableStream<Uint8Array> => {
  const { areas, ...head } = document;
  async function* chunks() {
    yield `${JSON.stringify(head).slice(0, -1)},"areas":[`;
    for (const [index, area] of areas.entries())
      yield `${index === 0 ? "" : ","}${JSON.stringify(area)}`;
    yield "]}";
  }
  return toWebStream(Readable.from(chunks()));
};
