// Adds up the vitest JSON reports of every package and prints one closing line,
// "Tests: N passed, N failed, N skipped". Exits 1 when anything failed or no test ran.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
let reports = 0;
for (const group of ["packages", "apps", "bench"]) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  const candidates = group === "bench" ? [dir] : readdirSync(dir).map((name) => join(dir, name));
  for (const pkg of candidates) {
    const file = join(pkg, ".vitest-report.json");
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    reports++;
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0 || reports === 0) process.exitCode = 1;
