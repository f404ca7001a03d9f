// Shared vitest settings: every package writes a JSON report that scripts/test-summary.ts adds up,
// so CI prints one closing "N passed, N failed" line for the whole repository.
import { defineConfig } from "vitest/config";

export const sharedConfig = defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]],
  },
});
