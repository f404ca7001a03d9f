#!/usr/bin/env node
// `pnpm start` until the portal exists: loads standards-data/, scores a made-up network and prints
// its benchmark. Every figure comes from @sequin/core; nothing here is hard-coded.
import { Buddying, Cycle, Network, Pairing } from "@sequin/core";
import { loadStandards } from "@sequin/standards";
import { Effect, Result } from "effect";
import { demoOptions, generate } from "./SampleNetwork.ts";
import { table } from "./Table.ts";

const MINIMUM_PARTICIPANTS = 5;
const pct = (value: number) => `${Math.round(value)}%`;
const signed = (value: number) => `${value > 0 ? "+" : ""}${Math.round(value)}`;

const program = Effect.gen(function* () {
  const { set } = yield* loadStandards();
  const cycles = [Cycle.label(2020), Cycle.label(2021)];
  const network = generate(set, demoOptions(cycles));
  const [previous, current] = network.cycles;
  if (previous === undefined || current === undefined) return;
  const names = new Map(network.services.map((service) => [service.id, service.name]));
  const areaNames = new Map(set.areas.map((area) => [area.slug as string, area.name]));
  const benchmarks = Network.benchmark(set, current.assessments, previous.assessments, {
    minimumParticipants: MINIMUM_PARTICIPANTS,
  });

  const out: Array<string> = [];
  out.push(
    `SeQuIn demo — DEMO DATA, a made-up network: ${network.services.length} services in ${network.organisations.length} organisations`,
    `Standards set ${set.version} (${set.areas.length} areas), cycle ${current.cycle} compared with ${previous.cycle}`,
    "",
    "Network benchmark (area scores; distribution withheld below 5 services)",
    table(
      ["Area", "Services", "Min", "Q1", "Median", "Q3", "Max"],
      benchmarks.map((benchmark) => {
        const name = areaNames.get(benchmark.area) ?? benchmark.area;
        if (benchmark.withheld)
          return [name, String(benchmark.participants), "—", "—", "—", "—", "—"];
        const d = benchmark.distribution;
        return [
          name,
          String(d.participants),
          pct(d.min),
          pct(d.q1),
          pct(d.median),
          pct(d.q3),
          pct(d.max),
        ];
      }),
    ),
  );

  const focusService = network.services[0];
  if (focusService !== undefined) {
    out.push(
      "",
      `Where ${focusService.name} stands`,
      table(
        ["Area", "Score", "Percentile", "Since last year", "Flag"],
        benchmarks.flatMap((benchmark) => {
          const standing = benchmark.services.find((s) => s.serviceId === focusService.id);
          if (standing === undefined) return [];
          return [
            [
              areaNames.get(benchmark.area) ?? benchmark.area,
              pct(standing.percent),
              standing.percentile === undefined ? "—" : pct(standing.percentile),
              standing.change === undefined ? "—" : signed(standing.change.area),
              standing.bestPractice ? "best practice" : standing.focus ? "focus" : "",
            ],
          ];
        }),
      ),
    );
  }

  out.push("", "Buddy suggestions (shared bottom-quartile areas)");
  for (const pair of Buddying.buddyPairs(benchmarks, { minShared: 2, areaNames }).slice(0, 5)) {
    out.push(`  ${names.get(pair.services[0])} + ${names.get(pair.services[1])}: ${pair.reason}`);
  }

  out.push("", "Best practice to learn from (each service's weakest area)");
  for (const suggestion of Buddying.bestPractice(benchmarks, { areaNames }).slice(0, 5)) {
    const leaders = suggestion.learnFrom.map(
      (leader) => `${names.get(leader.serviceId)} (${pct(leader.percent)})`,
    );
    out.push(
      `  ${names.get(suggestion.serviceId)}: ${areaNames.get(suggestion.area)} at ${pct(suggestion.percent)} → ${leaders.join(", ") || "no one scores higher in the top quartile"}`,
    );
  }

  const round = Pairing.pairServices(
    network.services.map((service) => ({ id: service.id, organisationId: service.organisationId })),
    { previousPairs: [], seed: Cycle.next(current.cycle) },
  );
  if (Result.isSuccess(round)) {
    out.push(
      "",
      `Peer-review pairs for ${Cycle.next(current.cycle)} (never within one organisation)`,
    );
    for (const pair of round.success.pairs) {
      out.push(`  ${names.get(pair.services[0])} ⇄ ${names.get(pair.services[1])}`);
    }
    for (const left of round.success.unpaired)
      out.push(`  ${names.get(left.serviceId)}: ${left.reason}`);
  }
  console.log(out.join("\n"));
});

Effect.runPromise(program).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
