// A public benchmark made the way a portal makes it: made-up assessments (one service ward by ward)
// run through the core's real aggregation and benchmark, then shaped like the portal's
// GET /api/v1/public/cycles/:cycle/benchmark answer (apps/portal/src/resources/benchmarks/compute.ts,
// publicView: one decimal, withheld areas with their participant count and no distribution).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Consensus, Network, type Standards } from "@sequin/core";

export const MINIMUM_PARTICIPANTS = 5;
export const CYCLE = "2021/22";

/** How many services complete each area; the rest of the areas nobody completed. */
export const PARTICIPATION: Readonly<Record<string, number>> = {
  involvement: 8,
  "cpa-standards": 6,
  "dining-experience-and-healthy-weight": 5,
  technology: 3,
};

const agreed = (service: number, standard: number, ward: number): Consensus.Agreed =>
  (service * 7 + standard * 3 + ward * 5 + service * standard) % 4;

const round1 = (value: number) => Math.round(value * 10) / 10;

export const publicResultsFor = (set: Standards.StandardsSet) => {
  const assessments: Array<Network.ServiceAssessments> = [];
  for (const area of set.areas) {
    const services = PARTICIPATION[area.slug] ?? 0;
    for (let service = 0; service < services; service++) {
      // The first service assesses ward by ward: 3 of its 4 wards took part.
      const wards = service === 0 ? 3 : 1;
      assessments.push({
        serviceId: `service-${service}`,
        area: area.slug,
        totalWards: service === 0 ? 4 : 1,
        wards: Array.from({ length: wards }, (_, ward) =>
          area.standards.map((standard, index) => ({
            standardId: standard.id,
            agreed:
              standard.naAllowed && (service + index) % 5 === 0
                ? "na"
                : agreed(service, index, ward),
          })),
        ),
      });
    }
  }
  const areas = Network.benchmark(set, assessments, [], {
    minimumParticipants: MINIMUM_PARTICIPANTS,
  });
  return {
    cycle: CYCLE,
    minimumParticipants: MINIMUM_PARTICIPANTS,
    areas: areas.map((area) => ({
      area: area.area,
      name: set.areas.find((candidate) => candidate.slug === area.area)?.name ?? area.area,
      participants: area.withheld ? area.participants : area.distribution.participants,
      withheld: area.withheld,
      distribution: area.withheld
        ? null
        : {
            participants: area.distribution.participants,
            min: round1(area.distribution.min),
            q1: round1(area.distribution.q1),
            median: round1(area.distribution.median),
            q3: round1(area.distribution.q3),
            max: round1(area.distribution.max),
          },
    })),
  };
};

/** Writes the fixture to `dir` and returns its path. */
export const writePublicResults = async (
  set: Standards.StandardsSet,
  dir: string,
): Promise<string> => {
  const path = join(dir, "public-results.json");
  await writeFile(path, JSON.stringify(publicResultsFor(set), null, 2));
  return path;
};
