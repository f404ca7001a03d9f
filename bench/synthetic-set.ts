// A generated standards set of `areas` × `standards`, for benchmarks that need a regular shape.
// The last standard of each area allows N/A, as real areas sometimes do.
import { Scale, Standards } from "@sequin/core";
import { Schema } from "effect";

export const syntheticSet = (options: {
  readonly version: string;
  readonly areas: number;
  readonly standards: number;
  readonly codePrefix: string;
  readonly slugPrefix: string;
}): Standards.StandardsSet =>
  Schema.decodeUnknownSync(Standards.StandardsSet)({
    version: options.version,
    name: "Benchmark set",
    scale: Scale.defaultScale,
    areas: Array.from({ length: options.areas }, (_, a) => {
      const code = `${options.codePrefix}${String.fromCharCode(65 + a)}`;
      return {
        code,
        slug: `${options.slugPrefix}-${a + 1}`,
        name: `Benchmark area ${a + 1}`,
        symbol: "1F4CB",
        description: "Benchmark area.",
        easyRead: "Benchmark area.",
        origin: "Generated.",
        standards: Array.from({ length: options.standards }, (_, s) => ({
          id: `${code}-${String(s + 1).padStart(2, "0")}`,
          text: "A standard.",
          easyRead: "A standard.",
          perspective: "both",
          weight: "expected",
          naAllowed: s === options.standards - 1,
          evidenceHints: ["Minutes"],
          symbol: "2705",
        })),
      };
    }),
  });
