// Checks an admin's replacement list of pairs against the pairing's rules, naming every problem's
// field: real services, never a service with itself or with its own organisation, a service in at
// most one pair, and an area of the cycle's standards set.
import { Standards } from "@sequin/core";
import { Effect } from "effect";
import { InvalidInput } from "../../http/Errors.ts";
import { isUuid } from "../../http/Params.ts";
import type { StoredCycle } from "../../repositories/Cycles.ts";
import type { PairInput } from "./schemas.ts";
import { type ServiceEntry, serviceDirectory } from "./store.ts";

/** A pair ready to store: services in the table's order (serviceA < serviceB). */
export interface ValidPair {
  readonly serviceA: string;
  readonly serviceB: string;
  readonly area: string;
}

type Problem = { field: string; message: string };

export const validatePairs = (cycle: StoredCycle, pairs: ReadonlyArray<typeof PairInput.Type>) =>
  Effect.gen(function* () {
    const directory = yield* serviceDirectory;
    const problems: Array<Problem> = [];
    const pairOf = new Map<string, number>();
    const valid: Array<ValidPair> = [];
    for (const [index, pair] of pairs.entries()) {
      const field = `body.pairs.${index}`;
      const before = problems.length;
      const entries = pair.services.map((raw, side) => {
        const id = raw.toLowerCase();
        const entry = isUuid(id) ? directory.get(id) : undefined;
        if (entry === undefined)
          problems.push({
            field: `${field}.services.${side}`,
            message: `"${raw}" is not a service in the network`,
          });
        return entry;
      });
      if (Standards.findArea(cycle.set, pair.area) === undefined)
        problems.push({
          field: `${field}.area`,
          message: `"${pair.area}" is not an area of standards set ${cycle.standardsVersion}`,
        });
      const [first, second] = entries;
      const same = first !== undefined && first.id === second?.id;
      if (same) {
        problems.push({
          field: `${field}.services.1`,
          message: "is the same service as services.0: a service never reviews itself",
        });
      } else if (
        first !== undefined &&
        second !== undefined &&
        first.organisation.id === second.organisation.id
      ) {
        problems.push({
          field: `${field}.services.1`,
          message: `${second.name} and ${first.name} both belong to ${first.organisation.name}: pairs join different organisations`,
        });
      }
      for (const [side, entry] of entries.entries()) {
        if (entry === undefined || (same && side === 1)) continue;
        const earlier = pairOf.get(entry.id);
        if (earlier === undefined) pairOf.set(entry.id, index);
        else
          problems.push({
            field: `${field}.services.${side}`,
            message: `${entry.name} is already in pairs.${earlier}: a service is in at most one pair of a round`,
          });
      }
      if (problems.length === before) {
        const [a, b] = [(first as ServiceEntry).id, (second as ServiceEntry).id].sort();
        valid.push({ serviceA: a as string, serviceB: b as string, area: pair.area });
      }
    }
    if (problems.length > 0) return yield* new InvalidInput({ problems });
    return valid;
  });
