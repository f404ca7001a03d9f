#!/usr/bin/env node
// Validates standards-data/ and says what is wrong, file by file. Exit code 1 when anything is.
import { Effect, Exit } from "effect";
import { defaultStandardsDir, loadStandards } from "./Loader.ts";

const root = process.argv[2] ?? defaultStandardsDir;
const exit = await Effect.runPromiseExit(loadStandards(root));
if (Exit.isSuccess(exit)) {
  const { set, schedules } = exit.value;
  const standards = set.areas.reduce((count, area) => count + area.standards.length, 0);
  console.log(
    `standards set ${set.version}: ${set.areas.length} areas, ${standards} standards, ${schedules.length} schedules — all valid`,
  );
} else {
  const failure = exit.cause.reasons.find((reason) => reason._tag === "Fail");
  console.error(failure === undefined ? String(exit.cause) : (failure.error as Error).message);
  process.exitCode = 1;
}
