export { type Random, seeded } from "./Random.ts";
export {
  demoOptions,
  generate,
  type SampleAssessment,
  type SampleCycle,
  type SampleNetwork,
  type SampleOptions,
  type SampleOrganisation,
  type SampleService,
} from "./SampleNetwork.ts";
