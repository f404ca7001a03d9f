import { loadStandards } from "@sequin/standards";
import { Effect } from "effect";

let loaded: ReturnType<typeof load> | undefined;
const load = async () => (await Effect.runPromise(loadStandards())).set;

/** The repository's standards set, loaded once per test file. */
export const standardsSet = () => {
  loaded ??= load();
  return loaded;
};
