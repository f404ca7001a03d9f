import { type Aggregation, type Cycle, LocalDate, type Standards } from "@sequin/core";
import { seeded } from "./Random.ts";

/** What to generate. */
export interface SampleOptions {
  readonly services: number;
  readonly organisations: number;
  readonly wards: { readonly min: number; readonly max: number };
  /** Cycles in order, oldest first. */
  readonly cycles: ReadonlyArray<Cycle.CycleLabel>;
  /** The chance that a service assesses a given area in a cycle. */
  readonly participation: number;
  /** The chance that a service assesses an area ward by ward rather than as a whole. */
  readonly wardLevelShare: number;
  /** The chance that a ward taking part skips an area (so coverage is not always complete). */
  readonly wardAbsence: number;
  readonly seed: number;
}

export interface SampleOrganisation {
  readonly id: string;
  readonly name: string;
}

export interface SampleService {
  readonly id: string;
  readonly name: string;
  readonly organisationId: string;
  readonly wards: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

export interface SampleAssessment {
  readonly serviceId: string;
  readonly area: string;
  readonly level: "service" | "ward";
  readonly totalWards: number;
  readonly wards: ReadonlyArray<ReadonlyArray<Aggregation.AgreedScore>>;
  readonly submittedOn: LocalDate.LocalDate;
}

export interface SampleCycle {
  readonly cycle: Cycle.CycleLabel;
  readonly assessments: ReadonlyArray<SampleAssessment>;
}

/** A made-up network. Every name says "demo" so it can never be taken for real data. */
export interface SampleNetwork {
  readonly organisations: ReadonlyArray<SampleOrganisation>;
  readonly services: ReadonlyArray<SampleService>;
  readonly cycles: ReadonlyArray<SampleCycle>;
}

const SERVICE_NAMES = [
  "Alder House",
  "Beech Lodge",
  "Cedar Court",
  "Damson Unit",
  "Elm View",
  "Fern Hall",
  "Gorse Mount",
  "Hazel Grange",
  "Ivy Bank",
  "Juniper House",
  "Kestrel Lodge",
  "Larch Court",
  "Maple Unit",
  "Nightingale Hall",
  "Oak Mount",
  "Pine View",
  "Quince House",
  "Rowan Lodge",
  "Sycamore Court",
  "Thorn Unit",
  "Upland Hall",
  "Willow Grange",
  "Yew Bank",
  "Hawthorn House",
] as const;

const WARD_NAMES = [
  "Ash",
  "Birch",
  "Clover",
  "Daisy",
  "Elder",
  "Foxglove",
  "Heather",
  "Iris",
] as const;

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** The network the demo and the portal's demo seed use: small enough to read, big enough to benchmark. */
export const demoOptions = (cycles: ReadonlyArray<Cycle.CycleLabel>): SampleOptions => ({
  services: 24,
  organisations: 9,
  wards: { min: 1, max: 5 },
  cycles,
  participation: 0.8,
  wardLevelShare: 0.5,
  wardAbsence: 0.1,
  seed: 2021,
});

const clampScore = (value: number, maximum: number) =>
  Math.max(0, Math.min(maximum, Math.round(value)));

/**
 * Generates a network deterministically from `options.seed`. Each service has an underlying strength
 * per area that improves a little each cycle; wards vary around it; N/A appears only where a
 * standard allows it.
 */
export const generate = (set: Standards.StandardsSet, options: SampleOptions): SampleNetwork => {
  const random = seeded(options.seed);
  const maximum = set.scale.length - 1;
  const organisations = Array.from({ length: options.organisations }, (_, index) => ({
    id: `demo-org-${pad(index + 1, 3)}`,
    name: `Demo Health Partnership ${index + 1}`,
  }));
  const services = Array.from({ length: options.services }, (_, index): SampleService => {
    const base = SERVICE_NAMES[index % SERVICE_NAMES.length] as string;
    const round = Math.floor(index / SERVICE_NAMES.length);
    const id = `demo-svc-${pad(index + 1, 4)}`;
    const wardCount = random.int(options.wards.min, options.wards.max);
    return {
      id,
      name: `${base}${round > 0 ? ` ${round + 1}` : ""} (demo)`,
      organisationId: (organisations[random.int(0, organisations.length - 1)] as SampleOrganisation)
        .id,
      wards: Array.from({ length: wardCount }, (_, ward) => ({
        id: `${id}-ward-${ward + 1}`,
        name: `${WARD_NAMES[ward % WARD_NAMES.length]} ward`,
      })),
    };
  });

  const strength = services.map(() => set.areas.map(() => 0.8 + random.next() * 1.8));
  const cycles = options.cycles.map((cycle, cycleIndex): SampleCycle => {
    const startYear = Number(cycle.slice(0, 4));
    const assessments: Array<SampleAssessment> = [];
    services.forEach((service, serviceIndex) => {
      set.areas.forEach((area, areaIndex) => {
        if (random.next() >= options.participation) return;
        const level =
          service.wards.length > 1 && random.next() < options.wardLevelShare ? "ward" : "service";
        const centre = (strength[serviceIndex]?.[areaIndex] ?? 1.5) + cycleIndex * 0.12;
        const assessOne = () =>
          area.standards.map((standard) => ({
            standardId: standard.id as string,
            agreed:
              standard.naAllowed && random.next() < 0.15
                ? ("na" as const)
                : clampScore(centre + random.normal() * 0.6, maximum),
          }));
        const wards =
          level === "ward"
            ? service.wards.filter(() => random.next() >= options.wardAbsence).map(assessOne)
            : [assessOne()];
        if (wards.length === 0) return;
        assessments.push({
          serviceId: service.id,
          area: area.slug,
          level,
          totalWards: level === "ward" ? service.wards.length : 1,
          wards,
          submittedOn: LocalDate.make(startYear, 4 + Math.min(areaIndex, 8), random.int(1, 28)),
        });
      });
    });
    return { cycle, assessments };
  });
  return { organisations, services, cycles };
};
