// The repository's real standards set, loaded once per test file.
import type { Standards } from "@sequin/core";
import { loadStandards } from "@sequin/standards";
import { Effect } from "effect";

let loaded: Promise<Standards.StandardsSet> | undefined;

export const realStandards = (): Promise<Standards.StandardsSet> => {
  loaded ??= Effect.runPromise(loadStandards()).then((result) => result.set);
  return loaded;
};
