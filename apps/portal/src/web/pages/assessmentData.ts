// What every assessment page loads: the assessment (through the API, so access is the API's
// decision) and the definitions of its area's standards and scale from the cycle's pinned set.
import { apiPath, expectOk } from "../api.ts";
import type { WebContext } from "../env.ts";
import { cycleParam } from "../format.ts";
import type {
  AreaDefinition,
  AssessmentView,
  ResponseView,
  ScalePointView,
  ServiceView,
  StandardDefinition,
  StandardsSetView,
  WardView,
} from "../views.ts";

export interface LoadedAssessment {
  readonly assessment: AssessmentView;
  readonly area: AreaDefinition;
  readonly scale: ReadonlyArray<ScalePointView>;
  readonly service: ServiceView;
  /** The ward's name for a ward-level assessment. */
  readonly ward: string | undefined;
}

export const standardsOf = async (c: WebContext, cycle: string): Promise<StandardsSetView> =>
  expectOk<StandardsSetView>(
    await c.var.api.get(apiPath`/api/v1/cycles/${cycleParam(cycle)}/standards`),
  );

export const loadAssessment = async (
  c: WebContext,
  assessmentId: string,
): Promise<LoadedAssessment> => {
  const assessment = expectOk<AssessmentView>(
    await c.var.api.get(apiPath`/api/v1/assessments/${assessmentId}`),
  );
  const [set, service, wards] = await Promise.all([
    standardsOf(c, assessment.cycle),
    c.var.api.get(apiPath`/api/v1/services/${assessment.serviceId}`),
    assessment.wardId === null
      ? Promise.resolve(undefined)
      : c.var.api.get(apiPath`/api/v1/services/${assessment.serviceId}/wards`),
  ]);
  const area = set.areas.find((candidate) => candidate.slug === assessment.area);
  if (area === undefined) throw new Error(`area ${assessment.area} is not in set ${set.version}`);
  const ward =
    wards?.status === 200
      ? (wards.body as ReadonlyArray<WardView>).find((item) => item.id === assessment.wardId)?.name
      : undefined;
  return {
    assessment,
    area,
    scale: set.scale,
    // A peer reviewer may not read the reviewed service's record: its id stands in for the name.
    service:
      service.status === 200
        ? (service.body as ServiceView)
        : {
            id: assessment.serviceId,
            organisationId: "",
            name: "The reviewed service",
            namedInBenchmarks: false,
          },
    ward,
  };
};

export interface StandardPair {
  readonly definition: StandardDefinition;
  readonly response: ResponseView;
}

/** The area's standards in their published order, each with its recorded response. */
export const standardPairs = (loaded: LoadedAssessment): ReadonlyArray<StandardPair> =>
  loaded.area.standards.flatMap((definition) => {
    const response = loaded.assessment.standards.find((item) => item.standardId === definition.id);
    return response === undefined ? [] : [{ definition, response }];
  });

export const levelText = (loaded: LoadedAssessment): string =>
  loaded.assessment.level === "service" ? "Whole service" : (loaded.ward ?? "One ward");

export const assessmentPath = (id: string, rest = ""): string => `/portal/assessments/${id}${rest}`;

export const areaPath = (serviceId: string, cycle: string, area: string, rest = ""): string =>
  `/portal/services/${serviceId}/cycles/${cycleParam(cycle)}/areas/${area}${rest}`;
