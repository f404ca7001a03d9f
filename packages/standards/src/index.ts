export { defaultStandardsDir, type LoadedStandards, loadStandards } from "./Loader.ts";
export { formatProblems, type Problem, StandardsDataError } from "./Problems.ts";
export { openMojiHexcodes } from "./Symbols.ts";
