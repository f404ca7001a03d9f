// Quick start for @sequin/core: decode an area, score a ward-by-ward assessment, benchmark a network.
// Run with `node examples/quick-start.ts` (Node 24). Kept in sync with README.md by a test.
import { Schema } from "effect";
import { Aggregation, Network, Scale, Standards } from "../src/index.ts";

const area = Schema.decodeUnknownSync(Standards.Area)({
  code: "DHW",
  slug: "dining",
  name: "Dining Experience",
  symbol: "1F37D",
  description: "Mealtimes and food.",
  easyRead: "Food is good. We eat together.",
  origin: "An example.",
  standards: [
    "Fresh food is cooked on site.",
    "Staff eat with service users.",
    "Service users review mealtimes.",
    "Menus offer choice.",
    "Drinks are always available.",
    "Dietitian support is offered.",
  ].map((text, index) => ({
    id: `DHW-0${index + 1}`,
    text,
    easyRead: text,
    perspective: "both",
    weight: "expected",
    naAllowed: index === 0,
    evidenceHints: ["Menus and minutes"],
    symbol: "1F37D",
  })),
});

// Two of a hospital's three wards assessed; ward 2 marked DHW-01 not applicable.
const ward = (agreed: ReadonlyArray<number | "na">) =>
  area.standards.map((standard, index) => ({
    standardId: standard.id,
    agreed: agreed[index] ?? null,
  }));
const hospital = Aggregation.hospitalArea(
  area,
  [ward([3, 2, 2, 1, 3, 2]), ward(["na", 3, 1, 2, 3, 2])],
  3,
  Scale.defaultScale,
);

export const coverage = Aggregation.describeCoverage(hospital.coverage); // "2 of 3 wards"
export const score =
  hospital.score === undefined ? "not scored" : Aggregation.formatPercent(hospital.score); // "75%"

// A network of five services, each assessing the area as a whole.
const set = Schema.decodeUnknownSync(Standards.StandardsSet)({
  version: "2021.1",
  name: "Example",
  scale: Scale.defaultScale,
  areas: [Schema.encodeSync(Standards.Area)(area)],
});
const service = (serviceId: string, agreed: ReadonlyArray<number>) => ({
  serviceId,
  area: area.slug,
  totalWards: 1,
  wards: [ward(agreed)],
});
const [dining] = Network.benchmark(
  set,
  [
    service("a", [3, 3, 3, 2, 3, 3]),
    service("b", [2, 2, 2, 2, 2, 2]),
    service("c", [1, 2, 1, 2, 1, 2]),
    service("d", [0, 1, 1, 0, 1, 1]),
    service("e", [3, 2, 3, 2, 3, 2]),
  ],
  [],
  { minimumParticipants: 5 },
);
export const median =
  dining?.withheld === false ? Math.round(dining.distribution.median) : undefined; // 67

console.log({ coverage, score, median });
