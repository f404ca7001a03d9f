import { Schema } from "effect";
import { describe, expect, it } from "vitest";
import { Network, Ratio, Scale, Standards } from "../src/index.ts";
import { makeArea, responses } from "./fixtures/areas.ts";

/** JSON with object keys sorted, so the golden file changes only when values do. */
const canonicalJson = (value: unknown) =>
  JSON.stringify(
    value,
    (_, inner) =>
      inner !== null && typeof inner === "object" && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
        : inner,
    2,
  );

// The worked example network: six services, two areas, two cycles. Numbers checked by hand below.
const ab = makeArea(6, [], "AB");
const cd = makeArea(6, [6], "CD");
const set = Schema.decodeUnknownSync(Standards.StandardsSet)({
  version: "2021.1",
  name: "Worked example",
  scale: Scale.defaultScale,
  areas: [Schema.encodeSync(Standards.Area)(ab), Schema.encodeSync(Standards.Area)(cd)],
});
const whole = (
  serviceId: string,
  area: Standards.Area,
  agreed: ReadonlyArray<number | "na">,
): Network.ServiceAssessments => ({
  serviceId,
  area: area.slug,
  totalWards: 1,
  wards: [responses(area, agreed)],
});

const thisYear: ReadonlyArray<Network.ServiceAssessments> = [
  whole("s1", ab, [3, 3, 3, 3, 3, 3]),
  whole("s2", ab, [2, 2, 2, 2, 2, 2]),
  {
    serviceId: "s3",
    area: ab.slug,
    totalWards: 3,
    wards: [responses(ab, [3, 2, 1, 0, 3, 2]), responses(ab, [1, 2, 3, 2, 1, 0])],
  },
  whole("s4", ab, [1, 1, 1, 1, 1, 1]),
  whole("s5", ab, [0, 1, 0, 1, 0, 1]),
  whole("s6", ab, [3, 3, 2, 2, 1, 1]),
  whole("s1", cd, [3, 2, 3, 2, 3, "na"]),
  whole("s2", cd, [1, 1, 1, 1, 1, 1]),
  whole("s3", cd, [2, 2, 2, 2, 2, 2]),
];
const lastYear: ReadonlyArray<Network.ServiceAssessments> = [
  whole("s1", ab, [2, 2, 2, 2, 2, 2]),
  whole("s2", ab, [2, 2, 2, 2, 2, 2]),
];

describe("Network.benchmark (worked example)", () => {
  const [areaAB, areaCD] = Network.benchmark(set, thisYear, lastYear, { minimumParticipants: 5 });

  it("computes the distribution by hand-checked type-7 quartiles", () => {
    // Sorted: 16.67, 33.33, 55.56, 66.67, 66.67, 100 (s3 = ward means 2,2,2,1,2,1 = 10 of 18).
    expect(areaAB?.withheld).toBe(false);
    if (areaAB?.withheld !== false) return;
    const d = areaAB.distribution;
    expect(d.participants).toBe(6);
    expect(d.min).toBeCloseTo(100 / 6, 10);
    expect(d.q1).toBeCloseTo(100 / 3 + 0.25 * (500 / 9 - 100 / 3), 10);
    expect(d.median).toBeCloseTo((500 / 9 + 200 / 3) / 2, 10);
    expect(d.q3).toBeCloseTo(200 / 3, 10);
    expect(d.max).toBe(100);
  });

  it("places each service, ties counted half", () => {
    const standing = Object.fromEntries(
      areaAB!.services.map((s) => [s.serviceId, [s.percentile, s.bestPractice, s.focus]]),
    );
    expect(standing).toEqual({
      s1: [100, true, false],
      s2: [70, true, false],
      s3: [40, false, false],
      s4: [20, false, true],
      s5: [0, false, true],
      s6: [70, true, false],
    });
  });

  it("reports change since last year", () => {
    const s1 = areaAB!.services.find((s) => s.serviceId === "s1");
    expect(s1?.change?.area).toBeCloseTo(100 / 3, 10);
    expect(s1?.change?.standards.every((s) => Ratio.equals(s.change, Ratio.of(1)))).toBe(true);
    expect(areaAB!.services.find((s) => s.serviceId === "s2")?.change?.area).toBe(0);
    expect(areaAB!.services.find((s) => s.serviceId === "s3")?.change).toBeUndefined();
  });

  it("withholds an area with too few services", () => {
    expect(areaCD).toMatchObject({ withheld: true, participants: 3, minimumParticipants: 5 });
  });

  it("matches the golden result", async () => {
    await expect(
      canonicalJson(Network.benchmark(set, thisYear, lastYear, { minimumParticipants: 5 })),
    ).toMatchFileSnapshot("./fixtures/example-network.benchmark.json");
  });
});
