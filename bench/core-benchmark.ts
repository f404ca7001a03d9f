// The core computing one cycle's network benchmark for 1,000 services × 5 wards × 12 areas × 10
// standards, against the floor: the same computation (sums and counts per service, area and standard,
// then each area's quartiles) as a plain loop over typed arrays. Then pairing 1,000 services.
// Prints its figures; asserts nothing about time.
import { Benchmark, Network, Pairing } from "./core-imports.ts";
import { syntheticSet } from "./synthetic-set.ts";
import { measure, ms } from "./timing.ts";

const SERVICES = 1000;
const WARDS = 5;
const AREAS = 12;
const STANDARDS = 10;
const MAX = 3;
const NA = -1;

let state = 42;
const random = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 4294967296;
};

const set = syntheticSet({
  version: "2021.1",
  areas: AREAS,
  standards: STANDARDS,
  codePrefix: "A",
  slugPrefix: "area",
});

// The same scores in both shapes: typed array [service][area][ward][standard] and core objects.
const scores = new Int8Array(SERVICES * AREAS * WARDS * STANDARDS);
for (let index = 0; index < scores.length; index++) {
  const isLastStandard = index % STANDARDS === STANDARDS - 1;
  scores[index] = isLastStandard && random() < 0.2 ? NA : Math.floor(random() * (MAX + 1));
}
const quantile = (sorted: Float64Array, p: number) => {
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const below = sorted[lower]!;
  return below + (h - lower) * (sorted[Math.min(lower + 1, sorted.length - 1)]! - below);
};

/** The floor: per service/area/standard sums and counts, ward means, area percent, then quartiles. */
const floor = () => {
  const sums = new Float64Array(STANDARDS);
  const counts = new Uint8Array(STANDARDS);
  const percents = new Float64Array(SERVICES);
  const out: Array<readonly number[]> = [];
  for (let area = 0; area < AREAS; area++) {
    for (let service = 0; service < SERVICES; service++) {
      sums.fill(0);
      counts.fill(0);
      const base = (service * AREAS + area) * WARDS * STANDARDS;
      for (let ward = 0; ward < WARDS; ward++) {
        for (let s = 0; s < STANDARDS; s++) {
          const value = scores[base + ward * STANDARDS + s]!;
          if (value !== NA) {
            sums[s]! += value;
            counts[s]!++;
          }
        }
      }
      let points = 0;
      let applicable = 0;
      for (let s = 0; s < STANDARDS; s++) {
        if (counts[s]! > 0) {
          points += sums[s]! / counts[s]!;
          applicable++;
        }
      }
      percents[service] = (100 * points) / (MAX * applicable);
    }
    percents.sort();
    out.push([
      percents[0]!,
      quantile(percents, 0.25),
      quantile(percents, 0.5),
      quantile(percents, 0.75),
      percents[SERVICES - 1]!,
    ]);
  }
  return out;
};

// The compact form the portal builds from database rows: one Int8Array view per service and area.
const matrices: Array<Network.ServiceAssessments> = [];
for (let service = 0; service < SERVICES; service++) {
  for (let area = 0; area < AREAS; area++) {
    const base = (service * AREAS + area) * WARDS * STANDARDS;
    matrices.push({
      serviceId: `svc-${service}`,
      area: set.areas[area]!.slug,
      totalWards: WARDS,
      matrix: { wards: WARDS, cells: scores.subarray(base, base + WARDS * STANDARDS) },
    });
  }
}

const core = () => Network.benchmark(set, matrices, [], { minimumParticipants: 5 });

// Both must agree before their times mean anything.
const floorResult = floor();
const coreResult = core();
coreResult.forEach((area, index) => {
  if (area.withheld) throw new Error(`${area.area} withheld`);
  const d = area.distribution;
  const expected = floorResult[index]!;
  const actual = [d.min, d.q1, d.median, d.q3, d.max];
  if (actual.some((value, i) => Math.abs(value - expected[i]!) > 1e-9)) {
    throw new Error(`${area.area}: core ${actual} differs from floor ${expected}`);
  }
});

const floorTime = measure(floor);
const coreTime = measure(core);
// Response objects last, so their 600,000 objects do not burden the heap while the above is measured.
const assessments: Array<Network.ServiceAssessments> = [];
for (let service = 0; service < SERVICES; service++) {
  for (let area = 0; area < AREAS; area++) {
    const standards = set.areas[area]!.standards;
    const wards = Array.from({ length: WARDS }, (_, ward) =>
      standards.map((standard, s) => {
        const value = scores[((service * AREAS + area) * WARDS + ward) * STANDARDS + s]!;
        return {
          standardId: standard.id as string,
          agreed: value === NA ? ("na" as const) : value,
        };
      }),
    );
    assessments.push({
      serviceId: `svc-${service}`,
      area: set.areas[area]!.slug,
      totalWards: WARDS,
      wards,
    });
  }
}
const coreFromObjects = () => Network.benchmark(set, assessments, [], { minimumParticipants: 5 });
if (JSON.stringify(coreFromObjects()) !== JSON.stringify(coreResult))
  throw new Error("input forms disagree");
const objectsTime = measure(coreFromObjects);
const row = (label: string, timing: typeof floorTime) =>
  `  ${label.padEnd(26)} median ${ms(timing.medianMs).padStart(9)} (${(timing.medianMs / floorTime.medianMs).toFixed(2)}×)  best ${ms(timing.minMs).padStart(9)} (${(timing.minMs / floorTime.minMs).toFixed(2)}×)  p95 ${ms(timing.p95Ms)}`;
console.log(
  `Network benchmark: ${SERVICES} services × ${WARDS} wards × ${AREAS} areas × ${STANDARDS} standards, ${floorTime.runs} runs each`,
);
console.log(row("floor (typed-array loop)", floorTime));
console.log(row("core, score matrices", coreTime));
console.log(row("core, response objects", objectsTime));
console.log("  ratios are to the floor's median / best; target for the core: ≤ 3×");
console.log(
  "  (the core also computes percentiles, flags and per-standard totals the floor skips)",
);

// Pairing: 1,000 services in 300 organisations, avoiding last cycle's pairs.
const services = Array.from({ length: SERVICES }, (_, index) => ({
  id: `svc-${index}`,
  organisationId: `org-${Math.floor(random() * 300)}`,
}));
const lastRound = Pairing.pairServices(services, { previousPairs: [], seed: "2020/21" });
if (lastRound._tag !== "Success") throw new Error("pairing failed");
const previousPairs = lastRound.success.pairs.map((pair) => pair.services);
const pairing = measure(
  () => Pairing.pairServices(services, { previousPairs, seed: "2021/22" }),
  10,
  500,
);
const round = Pairing.pairServices(services, { previousPairs, seed: "2021/22" });
const repeats =
  round._tag === "Success"
    ? round.success.pairs.filter((pair) => pair.repeatsPreviousPair).length
    : -1;
console.log(`Pairing ${SERVICES} services in 300 organisations`);
console.log(
  `  median ${ms(pairing.medianMs)}  p95 ${ms(pairing.p95Ms)} (target < 1,000 ms); repeated pairs: ${repeats}`,
);
void Benchmark;
