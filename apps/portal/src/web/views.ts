// The shapes of the API answers pages read. The API's Schemas are the source of truth; these are
// the parts pages use, so a renamed field fails the type-check here and the browser tests there.
import type { AreaStatus } from "./format.ts";

export interface ServiceView {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly namedInBenchmarks: boolean;
}

export interface CycleView {
  readonly label: string;
  readonly standardsVersion: string;
  readonly minimumParticipants: number;
}

export interface AreaStatusView {
  readonly area: string;
  readonly name: string;
  readonly due: string | null;
  readonly status: AreaStatus;
}

export interface StatusView {
  readonly cycle: string;
  readonly today: string;
  readonly areas: ReadonlyArray<AreaStatusView>;
  readonly minimum: { readonly minimum: number; readonly submitted: number; readonly met: boolean };
}

export interface ScalePointView {
  readonly value: number;
  readonly label: string;
  readonly easyRead: string;
}

export interface StandardDefinition {
  readonly id: string;
  readonly text: string;
  readonly easyRead: string;
  readonly perspective: "service-user" | "service" | "both";
  readonly weight: "essential" | "expected" | "desirable";
  readonly naAllowed: boolean;
  readonly evidenceHints: ReadonlyArray<string>;
  readonly symbol: string;
}

export interface AreaDefinition {
  readonly code: string;
  readonly slug: string;
  readonly name: string;
  readonly symbol: string;
  readonly description: string;
  readonly easyRead: string;
  readonly standards: ReadonlyArray<StandardDefinition>;
}

export interface StandardsSetView {
  readonly version: string;
  readonly name: string;
  readonly scale: ReadonlyArray<ScalePointView>;
  readonly areas: ReadonlyArray<AreaDefinition>;
}

export type Agreed = number | "na" | null;

export interface Views {
  readonly serviceUser: number | null;
  readonly staff: number | null;
  readonly carer: number | null;
}

export interface ResponseView {
  readonly standardId: string;
  readonly version: number;
  readonly views: Views;
  readonly privateRatings: unknown;
  readonly divergence: {
    readonly spread: number;
    readonly lowest: { readonly group: string; readonly view: number };
    readonly highest: { readonly group: string; readonly view: number };
  } | null;
  readonly agreed: Agreed;
  readonly rationale: string;
  readonly evidence: string;
  readonly evidenceWarnings: ReadonlyArray<{ readonly kind: string; readonly message: string }>;
  readonly updatedAt: string;
}

export type MethodView =
  | { readonly kind: "self-assessment" }
  | { readonly kind: "involvement-group" }
  | { readonly kind: "peer-review"; readonly reviewingServiceId: string };

export interface AssessmentView {
  readonly id: string;
  readonly serviceId: string;
  readonly wardId: string | null;
  readonly level: "service" | "ward";
  readonly cycle: string;
  readonly area: string;
  readonly status: "draft" | "submitted";
  readonly version: number;
  readonly submittedAt: string | null;
  readonly method: MethodView | null;
  readonly attendance: {
    readonly serviceUsers: number;
    readonly staff: number;
    readonly carers: number;
  };
  readonly standards: ReadonlyArray<ResponseView>;
  readonly score: {
    readonly display: string;
    readonly applicable: number;
    readonly notApplicable: number;
    readonly unanswered: number;
  } | null;
  readonly readiness: ReadonlyArray<{
    readonly _tag: string;
    readonly standardId?: string;
    readonly message: string;
  }>;
}

export interface AssessmentSummary {
  readonly id: string;
  readonly cycle: string;
  readonly area: string;
  readonly wardId: string | null;
  readonly level: "service" | "ward";
  readonly status: "draft" | "submitted";
  readonly version: number;
  readonly submittedAt: string | null;
}

export interface WardView {
  readonly id: string;
  readonly serviceId: string;
  readonly name: string;
  readonly active: boolean;
}

export interface UploadView {
  readonly id: string;
  readonly cycle: string;
  readonly area: string;
  readonly filename: string;
  readonly size: number;
  readonly uploadedAt: string;
  readonly uploadedBy: string;
}

export type ActionStatus = "not-started" | "in-progress" | "done" | "dropped";

export interface ActionView {
  readonly id: string;
  readonly serviceId: string;
  readonly cycle: string;
  readonly standardId: string;
  readonly what: string;
  readonly owner: string;
  readonly due: string;
  readonly status: ActionStatus;
  readonly allowedStatuses: ReadonlyArray<ActionStatus>;
  readonly overdue: boolean;
  readonly outcome: string | null;
  readonly carriedFrom: string | null;
  readonly carriedTo: string | null;
  readonly notes: ReadonlyArray<{ readonly on: string; readonly text: string }>;
  readonly version: number;
  readonly updatedAt: string;
}

export interface ServiceBenchmarkView {
  readonly cycle: string;
  readonly areas: ReadonlyArray<{
    readonly area: string;
    readonly name: string;
    readonly participants: number;
    readonly withheld: boolean;
    readonly distribution: { readonly median: number } | null;
    readonly service: { readonly percent: number } | null;
  }>;
}
