/**
 * Peer-review pairing: reciprocal pairs (A reviews B and B reviews A), never within one provider
 * organisation, avoiding last cycle's pairs where possible, the same output for the same input.
 *
 * The method pairs, one pair at a time, a member of the organisation with the most services still
 * unpaired, choosing the partner that keeps the most pairs possible for the rest — the largest
 * number of pairs any pairing could make — and, among those, one it was not paired with last cycle.
 *
 * @module
 */
import { Result, Schema } from "effect";

/** A service to pair, with its provider organisation. */
export interface PairingService {
  readonly id: string;
  readonly organisationId: string;
}

/** A reciprocal peer-review pair: each service reviews the other. */
export interface ReviewPair {
  readonly services: readonly [string, string];
  readonly repeatsPreviousPair: boolean;
  readonly reason: string;
}

/** A service left without a partner, and why. */
export interface Unpaired {
  readonly serviceId: string;
  readonly reason: string;
}

/** A pairing round. */
export interface PairingRound {
  readonly pairs: ReadonlyArray<ReviewPair>;
  readonly unpaired: ReadonlyArray<Unpaired>;
}

/** Raised for input that cannot be paired as given. */
export class PairingInputError extends Schema.TaggedError<PairingInputError>()(
  "PairingInputError",
  {
    field: Schema.String,
    message: Schema.String,
  },
) {}

const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

const hash = (text: string): number => {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
};

/** The most pairs a complete multipartite graph allows: every pair joins two organisations. */
const achievablePairs = (total: number, largest: number): number =>
  Math.min(Math.floor(total / 2), total - largest);

interface Group {
  readonly organisationId: string;
  readonly members: Array<string>;
  next: number;
}

const remaining = (group: Group): number => group.members.length - group.next;

/**
 * Pairs services for reciprocal peer review. `seed` (e.g. the cycle label) varies the order between
 * cycles while keeping each cycle's result reproducible.
 *
 * @example
 * ```ts
 * import { Pairing } from "@sequin/core"
 * const round = Pairing.pairServices(
 *   [{ id: "a", organisationId: "x" }, { id: "b", organisationId: "y" }],
 *   { previousPairs: [], seed: "2021/22" },
 * )
 * // Result.succeed({ pairs: [{ services: ["a", "b"], repeatsPreviousPair: false, reason: "…" }], unpaired: [] })
 * ```
 */
export const pairServices = (
  services: ReadonlyArray<PairingService>,
  options: {
    readonly previousPairs: ReadonlyArray<readonly [string, string]>;
    readonly seed: string;
  },
): Result.Result<PairingRound, PairingInputError> => {
  const organisationOf = new Map<string, string>();
  for (const [index, service] of services.entries()) {
    if (service.id === "")
      return Result.fail(
        new PairingInputError({ field: `services[${index}].id`, message: "is empty" }),
      );
    if (service.organisationId === "") {
      return Result.fail(
        new PairingInputError({ field: `services[${index}].organisationId`, message: "is empty" }),
      );
    }
    if (organisationOf.has(service.id)) {
      return Result.fail(
        new PairingInputError({
          field: `services[${index}].id`,
          message: `"${service.id}" is listed twice`,
        }),
      );
    }
    organisationOf.set(service.id, service.organisationId);
  }
  const previous = new Set(options.previousPairs.map(([a, b]) => pairKey(a, b)));

  const groupsById = new Map<string, Group>();
  for (const service of services) {
    let group = groupsById.get(service.organisationId);
    if (group === undefined) {
      group = { organisationId: service.organisationId, members: [], next: 0 };
      groupsById.set(service.organisationId, group);
    }
    group.members.push(service.id);
  }
  const order = (id: string): number => hash(`${options.seed}\u0000${id}`);
  const byOrder = (a: string, b: string) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0);
  const groups = [...groupsById.values()].sort((a, b) =>
    a.organisationId < b.organisationId ? -1 : 1,
  );
  for (const group of groups) group.members.sort(byOrder);

  let total = services.length;
  const pairs: Array<ReviewPair> = [];
  const used = new Set<string>();
  while (true) {
    const live = groups.filter((group) => remaining(group) > 0);
    if (live.length < 2) break;
    live.sort(
      (a, b) => remaining(b) - remaining(a) || (a.organisationId < b.organisationId ? -1 : 1),
    );
    const first = live[0] as Group;
    const reviewer = first.members[first.next] as string;

    // Only partners that keep the best achievable total for what is left are allowed.
    const achievable = (position: number) =>
      achievablePairs(total - 2, largestAfter(live, position));
    const best = Math.max(achievable(1), achievable(live.length - 1));
    let chosen: { group: Group; index: number; repeat: boolean } | undefined;
    for (let position = 1; position < live.length; position++) {
      const candidate = live[position] as Group;
      if (achievable(position) < best) continue;
      for (let index = candidate.next; index < candidate.members.length; index++) {
        const partner = candidate.members[index] as string;
        if (used.has(partner)) continue;
        const repeat = previous.has(pairKey(reviewer, partner));
        if (chosen === undefined || (chosen.repeat && !repeat))
          chosen = { group: candidate, index, repeat };
        if (!repeat) break;
      }
      if (chosen !== undefined && !chosen.repeat) break;
    }
    if (chosen === undefined) break;
    const partner = chosen.group.members[chosen.index] as string;
    // Keep each group's unpaired members contiguous from `next`.
    chosen.group.members.splice(chosen.index, 1);
    chosen.group.members.splice(chosen.group.next, 0, partner);
    chosen.group.next++;
    first.next++;
    used.add(reviewer).add(partner);
    total -= 2;
    const [a, b] = reviewer < partner ? [reviewer, partner] : [partner, reviewer];
    const orgA = organisationOf.get(a) as string;
    const orgB = organisationOf.get(b) as string;
    pairs.push({
      services: [a, b],
      repeatsPreviousPair: chosen.repeat,
      reason: chosen.repeat
        ? `Different organisations (${orgA} and ${orgB}). Also paired last cycle: no other partner was available without leaving a service unpaired.`
        : `Different organisations (${orgA} and ${orgB}); not paired last cycle.`,
    });
  }

  const unpaired: Array<Unpaired> = [];
  const leftOver = groups.filter((group) => remaining(group) > 0);
  for (const group of leftOver) {
    for (const serviceId of group.members.slice(group.next)) {
      unpaired.push({
        serviceId,
        reason:
          leftOver.length === 1 && remaining(group) > 1
            ? `Every service still unpaired belongs to ${group.organisationId}, and services are never paired within one organisation.`
            : "An odd number of services: one is left without a partner this round.",
      });
    }
  }
  pairs.sort((x, y) =>
    x.services[0] < y.services[0] ? -1 : x.services[0] > y.services[0] ? 1 : 0,
  );
  unpaired.sort((x, y) => (x.serviceId < y.serviceId ? -1 : 1));
  return Result.succeed({ pairs, unpaired });
};

/** The largest group left once the first (largest) group and the group at `position` each lose one. */
const largestAfter = (live: ReadonlyArray<Group>, position: number): number => {
  const size = (index: number) => (index < live.length ? remaining(live[index] as Group) : 0);
  const afterFirst = size(0) - 1;
  return position === 1
    ? Math.max(afterFirst, size(1) - 1, size(2))
    : Math.max(afterFirst, size(1));
};
