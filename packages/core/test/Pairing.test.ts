import { Result } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Pairing } from "../src/index.ts";

const round = (
  services: ReadonlyArray<Pairing.PairingService>,
  previousPairs: ReadonlyArray<readonly [string, string]> = [],
) => Result.getOrThrow(Pairing.pairServices(services, { previousPairs, seed: "2021/22" }));

const servicesArb = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 6 })), {
    selector: ([id]) => id,
    maxLength: 40,
  })
  .map((rows) => rows.map(([id, org]) => ({ id: `s${id}`, organisationId: `org${org}` })));

describe("Pairing.pairServices", () => {
  it("pairs across organisations, at most once each, as many as possible", () => {
    fc.assert(
      fc.property(servicesArb, (services) => {
        const { pairs, unpaired } = round(services);
        const organisation = new Map(services.map((s) => [s.id, s.organisationId]));
        const seen = new Set<string>();
        for (const {
          services: [a, b],
        } of pairs) {
          expect(a).not.toBe(b);
          expect(organisation.get(a)).not.toBe(organisation.get(b));
          expect(seen.has(a) || seen.has(b)).toBe(false);
          seen.add(a).add(b);
        }
        for (const { serviceId } of unpaired) expect(seen.has(serviceId)).toBe(false);
        expect(seen.size + unpaired.length).toBe(services.length);
        // The most pairs any pairing could make across organisations.
        const sizes = new Map<string, number>();
        for (const s of services)
          sizes.set(s.organisationId, (sizes.get(s.organisationId) ?? 0) + 1);
        const largest = Math.max(0, ...sizes.values());
        expect(pairs.length).toBe(
          Math.min(Math.floor(services.length / 2), services.length - largest),
        );
      }),
    );
  });

  it("gives the same output for the same input in any order", () => {
    fc.assert(
      fc.property(servicesArb, fc.func(fc.integer()), (services, key) => {
        const shuffled = [...services].sort((a, b) => key(a.id) - key(b.id));
        expect(round(shuffled)).toEqual(round(services));
      }),
    );
  });

  it("avoids last cycle's pairs where possible", () => {
    const services = ["a", "b", "c", "d"].map((id) => ({ id, organisationId: `org-${id}` }));
    const previous: ReadonlyArray<readonly [string, string]> = [
      ["a", "b"],
      ["c", "d"],
      ["a", "c"],
    ];
    const { pairs } = round(services, previous);
    expect(pairs.map((p) => p.services)).toEqual([
      ["a", "d"],
      ["b", "c"],
    ]);
    expect(pairs.every((p) => !p.repeatsPreviousPair)).toBe(true);
    expect(pairs[0]?.reason).toBe(
      "Different organisations (org-a and org-d); not paired last cycle.",
    );
  });

  it("repeats a pair only when the alternative leaves someone out", () => {
    const services = [
      { id: "a", organisationId: "x" },
      { id: "b", organisationId: "y" },
    ];
    const { pairs } = round(services, [["b", "a"]]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.repeatsPreviousPair).toBe(true);
  });

  it("says why a service is left out", () => {
    const { unpaired } = round([
      { id: "a", organisationId: "x" },
      { id: "b", organisationId: "x" },
      { id: "c", organisationId: "x" },
      { id: "d", organisationId: "y" },
    ]);
    expect(unpaired).toHaveLength(2);
    expect(unpaired[0]?.reason).toContain("belongs to x");
  });

  it("names the field of bad input", () => {
    const result = Pairing.pairServices(
      [
        { id: "a", organisationId: "x" },
        { id: "a", organisationId: "y" },
      ],
      { previousPairs: [], seed: "" },
    );
    expect(Result.isFailure(result) && [result.failure.field, result.failure.message]).toEqual([
      "services[1].id",
      '"a" is listed twice',
    ]);
  });
});
