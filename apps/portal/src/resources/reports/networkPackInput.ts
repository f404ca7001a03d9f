// Gathers what the network pack is printed from: the public (anonymised) benchmark of the cycle and
// of the cycle before, per area, and the leads' best-practice themes. Nothing named, by design.
import { Cycle } from "@sequin/core";
import { Effect } from "effect";
import { findCycle, type StoredCycle } from "../../repositories/Cycles.ts";
import { AppConfig } from "../../Services.ts";
import { today } from "../actions/store.ts";
import { cycleStatistics, publicView } from "../benchmarks/compute.ts";
import { cycleThemes } from "../themes/routes.ts";

type PublicArea = ReturnType<typeof publicView>["areas"][number];

const publicArea = (area: PublicArea, minimumParticipants: number) =>
  area.withheld || area.distribution === null
    ? {
        area: area.area,
        withheld: true as const,
        participants: area.participants,
        minimumParticipants,
      }
    : { area: area.area, withheld: false as const, distribution: area.distribution };

export const networkPackInput = (cycle: StoredCycle) =>
  Effect.gen(function* () {
    const current = publicView((yield* cycleStatistics(cycle.label)).statistics);
    const previousCycle = yield* findCycle(Cycle.previous(cycle.label)).pipe(
      Effect.map((found): StoredCycle | undefined => found),
      Effect.catchTag("NotFound", () => Effect.succeed(undefined)),
    );
    const previous =
      previousCycle === undefined
        ? undefined
        : publicView((yield* cycleStatistics(previousCycle.label)).statistics);
    const themes = yield* cycleThemes(cycle);
    const config = yield* AppConfig;
    return {
      network: config.networkName,
      cycle: cycle.label,
      setVersion: cycle.standardsVersion,
      minimumParticipants: cycle.minimumParticipants,
      areas: current.areas.map((area) => {
        const before = previous?.areas.find((candidate) => candidate.area === area.area);
        return {
          name: area.name,
          benchmark: publicArea(area, current.minimumParticipants),
          previous:
            before === undefined || previous === undefined
              ? null
              : publicArea(before, previous.minimumParticipants),
          themes: themes.areas.find((entry) => entry.area === area.area)?.themes ?? [],
        };
      }),
      generatedOn: yield* today,
    };
  });
