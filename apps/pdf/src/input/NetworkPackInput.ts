// What the network pack for the annual forum is printed from: the network's public (anonymised)
// benchmark per area — the core's Benchmark.publicView, so no service's score or name can be in it —
// and each area's best-practice themes, written by the network leads.
import { Cycle, LocalDate, Standards } from "@sequin/core";
import { Schema } from "effect";
import { PublicAreaBenchmark, Text } from "./common.ts";

/** A best-practice theme: a short title and, optionally, what it looks like in practice. */
export const BestPracticeTheme = Schema.Struct({
  title: Text(160),
  detail: Schema.optionalKey(Text(1200)),
});
export type BestPracticeTheme = typeof BestPracticeTheme.Type;

/** One area's results: this cycle's public benchmark, the previous cycle's when known, themes. */
export const NetworkPackArea = Schema.Struct({
  name: Text(80),
  benchmark: PublicAreaBenchmark,
  previous: Schema.NullOr(PublicAreaBenchmark),
  themes: Schema.Array(BestPracticeTheme).pipe(Schema.check(Schema.isMaxLength(20))),
});
export type NetworkPackArea = typeof NetworkPackArea.Type;

/**
 * The network's results for a cycle. `generatedOn` is today (printed on the cover).
 */
export const NetworkPackInput = Schema.Struct({
  network: Text(200),
  cycle: Cycle.CycleLabel,
  setVersion: Standards.SetVersion,
  minimumParticipants: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1))),
  areas: Schema.Array(NetworkPackArea).pipe(
    Schema.check(Schema.isMinLength(1), Schema.isMaxLength(50)),
  ),
  generatedOn: LocalDate.LocalDate,
}).pipe(
  Schema.check(
    Schema.makeFilter((input) => {
      const issues: Array<{ path: ReadonlyArray<PropertyKey>; issue: string }> = [];
      const seen = new Set<string>();
      input.areas.forEach((area, index) => {
        const slug = area.benchmark.area;
        if (seen.has(slug)) {
          issues.push({
            path: ["areas", index, "benchmark", "area"],
            issue: `${slug} is listed twice`,
          });
        }
        seen.add(slug);
        if (area.previous !== null && area.previous.area !== slug) {
          issues.push({
            path: ["areas", index, "previous", "area"],
            issue: `is ${area.previous.area} but this area is ${slug}`,
          });
        }
      });
      return issues;
    }),
  ),
);
export type NetworkPackInput = typeof NetworkPackInput.Type;
