// Made-up, clearly marked sample inputs for the area report and the network pack, computed with the
// core from a seeded random source: for the documentation, the benchmark, the tests and trying the
// HTTP service. Never real services.
import {
  Aggregation,
  Benchmark,
  type Consensus,
  Cycle,
  LocalDate,
  PeerCode,
  Standards,
} from "@sequin/core";
import type { AreaReportInput } from "./input/AreaReportInput.ts";
import type { NetworkPackInput } from "./input/NetworkPackInput.ts";

/** A small seeded generator (mulberry32): the same seed gives the same sample. */
const seeded = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const WARDS = ["Ash Ward", "Beech Ward", "Cedar Ward", "Elm Ward", "Hazel Ward", "Oak Ward"];

export interface SampleOptions {
  readonly seed?: number;
  /** Wards that assessed (the service has one more that did not). Default 3. */
  readonly wards?: number;
  /** Other services in the network. Default 23. */
  readonly peers?: number;
  readonly cycle?: string;
}

const findArea = (set: Standards.StandardsSet, slug: string): Standards.Area => {
  const area = Standards.findArea(set, slug);
  if (area === undefined) throw new RangeError(`standards set ${set.version} has no area ${slug}`);
  return area;
};

const peerPercents = (random: () => number, count: number, centre: number) =>
  Array.from(
    { length: count },
    () => Math.round(Math.min(100, Math.max(0, centre + (random() - 0.5) * 60)) * 10) / 10,
  );

/**
 * A sample area report input: a made-up service whose wards assessed `areaSlug`, with evidence,
 * actions and a benchmark against made-up peers.
 */
export const sampleAreaReportInput = (
  set: Standards.StandardsSet,
  areaSlug: string,
  options: SampleOptions = {},
): AreaReportInput => {
  const random = seeded(options.seed ?? 2021);
  const area = findArea(set, areaSlug);
  const maximum = set.scale.length - 1;
  const cycle = (options.cycle ?? "2021/22") as Cycle.CycleLabel;
  const wardCount = Math.max(1, Math.min(WARDS.length - 1, options.wards ?? 3));
  const score = () => Math.min(maximum, Math.floor(random() * (maximum + 1)));
  const wards = WARDS.slice(0, wardCount).map((name, w) => ({
    name,
    method: { kind: w === 0 ? "involvement-group" : "self-assessment" } as const,
    attendance: { serviceUsers: 4 + w, staff: 3, carers: w === 0 ? 1 : 0 },
    responses: area.standards.map((standard, index): Consensus.StandardResponse => {
      const notApplicable = standard.naAllowed && random() < 0.3;
      const serviceUser = score();
      const staff = Math.min(maximum, serviceUser + (random() < 0.2 ? 2 : 0));
      return {
        standardId: standard.id,
        views: { serviceUser, staff },
        agreed: notApplicable ? "na" : index === 0 && w === wardCount - 1 ? null : serviceUser,
        rationale:
          staff - serviceUser >= 2
            ? "Staff saw it as routine; service users said it does not happen every week. We agreed on the service users' view."
            : "",
        evidence:
          index % 2 === 0
            ? `${name} community meeting minutes (sample) show this discussed in the last three months.`
            : "",
      };
    }),
  }));
  const standardId = (index: number) =>
    (area.standards[index] ?? area.standards[0])?.id as Standards.StandardId;
  const cycleStart = Cycle.startYear(cycle);
  const peers = Math.max(0, options.peers ?? 23);
  const percents = peerPercents(random, peers, 55);
  const codes = PeerCode.codesFor(
    "sample",
    percents.map((_, index) => `peer-${index}`),
  );
  // The service's own score is what its wards' scores add up to, as the portal would compute it.
  const own =
    Aggregation.hospitalArea(
      area,
      wards.map((ward) => ward.responses),
      wardCount + 1,
      set.scale,
    ).score?.percent ?? 0;
  const all = [own, ...percents];
  const distribution = Benchmark.distribution(all);
  const sorted = Float64Array.from(all).sort();
  return {
    service: "Sample Hospital (made-up demo service)",
    cycle,
    setVersion: set.version,
    scale: set.scale,
    area,
    level: "ward",
    totalWards: wardCount + 1,
    wards,
    attachments: [{ standardId: standardId(0), name: "community-meeting-minutes.pdf" }],
    actions: [
      {
        id: "sample-1",
        cycle,
        standardId: standardId(0),
        what: "Agree a date each month for the Involvement Group and put it on every ward's notice board.",
        owner: "Ward manager, Ash Ward",
        due: LocalDate.make(cycleStart, 9, 30),
        status: "in-progress",
        notes: [{ on: LocalDate.make(cycleStart, 6, 1), text: "Dates agreed for Ash and Beech." }],
      },
      {
        id: "sample-2",
        cycle,
        standardId: standardId(1),
        what: "Ask service users which times suit them and try two new meeting times.",
        owner: "Involvement lead",
        due: LocalDate.make(cycleStart, 7, 31),
        status: "not-started",
        notes: [],
      },
      {
        id: "sample-3",
        cycle,
        standardId: standardId(2),
        what: "Print the easy-read version of this area for every ward.",
        owner: "Service user representative",
        due: LocalDate.make(cycleStart, 5, 31),
        status: "done",
        notes: [],
        outcome: "You said the papers were hard to read; we now print easy-read copies.",
        carriedFrom: Cycle.previous(cycle),
      },
    ],
    benchmark:
      all.length < 5
        ? { withheld: true, participants: all.length, minimumParticipants: 5 }
        : {
            withheld: false,
            distribution,
            service: {
              percent: own,
              percentile: Benchmark.percentileRank(sorted, own) ?? null,
              bestPractice: own >= distribution.q3 && own > distribution.q1,
              focus: own <= distribution.q1 && own < distribution.q3,
              change: {
                area: random() * 10 - 3,
                standards: [{ standardId: standardId(0), change: 0.5 }],
              },
            },
            peers: percents.map((percent, index) => ({
              code: codes.get(`peer-${index}`) as string,
              percent,
            })),
          },
    generatedOn: LocalDate.make(cycleStart, 8, 15),
  };
};

const publicBenchmark = (
  slug: Standards.AreaSlug,
  percents: ReadonlyArray<number>,
  minimum: number,
) =>
  percents.length < minimum
    ? {
        area: slug,
        withheld: true as const,
        participants: percents.length,
        minimumParticipants: minimum,
      }
    : { area: slug, withheld: false as const, distribution: Benchmark.distribution(percents) };

/**
 * A sample network pack input: every area of `set` with made-up results (one area withheld, as
 * happens when few services take part) and themes drawn from each area's standards.
 */
export const sampleNetworkPackInput = (
  set: Standards.StandardsSet,
  options: SampleOptions = {},
): NetworkPackInput => {
  const random = seeded(options.seed ?? 2021);
  const cycle = (options.cycle ?? "2021/22") as Cycle.CycleLabel;
  const minimum = 5;
  const peers = Math.max(0, options.peers ?? 23);
  return {
    network: "Sample Involvement Network (made-up demo data)",
    cycle,
    setVersion: set.version,
    minimumParticipants: minimum,
    areas: set.areas.map((area, index) => {
      const taking = index === set.areas.length - 1 ? Math.min(3, peers) : peers;
      const centre = 40 + random() * 35;
      return {
        name: area.name,
        benchmark: publicBenchmark(area.slug, peerPercents(random, taking, centre), minimum),
        previous: publicBenchmark(area.slug, peerPercents(random, peers, centre - 4), minimum),
        themes: area.standards.slice(0, 2).map((standard) => ({
          title: standard.text.split(/[,.;]/u)[0] ?? standard.text,
          detail: `Services in the top quartile described how they meet ${standard.id}.`,
        })),
      };
    }),
    generatedOn: LocalDate.make(Cycle.startYear(cycle) + 1, 5, 20),
  };
};
