// Assessing an area: create (whole service or one ward), record each standard's views, agreed score,
// rationale and evidence with optimistic versions, submit when ready, read the audit trail and results.
import type { Router } from "../../http/Api.ts";
import { registerAssessmentLifecycleRoutes } from "./lifecycle.ts";
import { registerResultRoutes } from "./results.ts";
import { registerStandardRoutes } from "./standards.ts";
import { registerSubmissionRoutes } from "./submission.ts";

export const registerAssessmentRoutes = (router: Router): void => {
  registerAssessmentLifecycleRoutes(router);
  registerStandardRoutes(router);
  registerSubmissionRoutes(router);
  registerResultRoutes(router);
};
