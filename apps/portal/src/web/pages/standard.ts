// One standard at a time. Saving without JavaScript posts here; a stale version comes back as the
// merge choice (conflictPanel) with the person's answers kept in the form.
import type { Hono } from "hono";
import { apiPath } from "../api.ts";
import type { WebContext, WebEnv } from "../env.ts";
import {
  errorSummary,
  errorsFromProblem,
  type FormErrors,
  field,
  noErrors,
  readForm,
} from "../forms.ts";
import { html } from "../html.ts";
import { type Person, renderPage, seeOther, signedIn } from "../render.ts";
import type { ResponseView } from "../views.ts";
import {
  areaPath,
  assessmentPath,
  type LoadedAssessment,
  levelText,
  loadAssessment,
  standardPairs,
} from "./assessmentData.ts";
import { notFoundPage } from "./errors.ts";
import { conflictPanel, divergenceFlag, evidenceWarning, standardForm } from "./standardForm.ts";
import {
  bodyOf,
  postedValues,
  type StandardValues,
  standardFieldInfo,
  standardFieldOf,
  valuesOf,
} from "./standardValues.ts";

const render = (
  c: WebContext,
  person: Person,
  loaded: LoadedAssessment,
  standardId: string,
  values: StandardValues | undefined,
  errors: FormErrors,
  conflict?: ResponseView,
) => {
  const pairs = standardPairs(loaded);
  const index = pairs.findIndex((pair) => pair.definition.id === standardId);
  const pair = pairs[index];
  if (pair === undefined) return notFoundPage(c);
  const { assessment, area } = loaded;
  const here = assessmentPath(assessment.id, `/standards/${standardId}`);
  const shown = conflict ?? pair.response;
  return renderPage(
    c,
    {
      title: `${standardId} – ${area.name}`,
      hasErrors: errors.items.length > 0,
      scripts: ["autosave.js"],
      crumbs: [
        { text: "Dashboard", href: "/portal/" },
        { text: area.name, href: areaPath(assessment.serviceId, assessment.cycle, area.slug) },
        { text: `${levelText(loaded)} assessment`, href: assessmentPath(assessment.id) },
      ],
    },
    html`${errorSummary(errors)}
${conflict === undefined || values === undefined ? "" : conflictPanel(conflict, values, loaded.scale, here)}
<span class="nhsuk-caption-l">${area.name} · standard ${index + 1} of ${pairs.length}</span>
<h1 class="nhsuk-heading-l">${standardId}: ${pair.definition.text}</h1>
<p class="nhsuk-body-s">${pair.definition.weight === "essential" ? "Essential" : pair.definition.weight === "expected" ? "Expected" : "Desirable"} · ${pair.definition.perspective === "both" ? "Service users and the service" : pair.definition.perspective === "service-user" ? "Service users" : "The service"}</p>
${divergenceFlag(shown)}
${evidenceWarning(shown)}
${standardForm({
  person,
  action: here,
  autosaveUrl: apiPath`/api/v1/assessments/${assessment.id}/standards/${standardId}`,
  definition: pair.definition,
  response: shown,
  scale: loaded.scale,
  values: values === undefined ? valuesOf(pair.response) : values,
  errors,
  submitted: assessment.status === "submitted",
  hasNext: index < pairs.length - 1,
})}
<p><a href="${assessmentPath(assessment.id, `/easy-read?standard=${standardId}`)}">Open this standard in easy read</a></p>`,
    errors.items.length > 0 ? 400 : conflict === undefined ? 200 : 409,
  );
};

export const registerStandardPage = (web: Hono<WebEnv>): void => {
  const path = "/assessments/:assessmentId/standards/:standardId";

  web.get(
    path,
    signedIn(async (c, person) => {
      const loaded = await loadAssessment(c, c.req.param("assessmentId") ?? "");
      return render(c, person, loaded, c.req.param("standardId") ?? "", undefined, noErrors);
    }),
  );

  web.post(
    path,
    signedIn(async (c, person) => {
      const loaded = await loadAssessment(c, c.req.param("assessmentId") ?? "");
      const standardId = c.req.param("standardId") ?? "";
      const pairs = standardPairs(loaded);
      const index = pairs.findIndex((pair) => pair.definition.id === standardId);
      const pair = pairs[index];
      if (pair === undefined) return notFoundPage(c);
      const form = await readForm(c);
      const values = postedValues(form);
      const answer = await c.var.api.put(
        apiPath`/api/v1/assessments/${loaded.assessment.id}/standards/${standardId}`,
        bodyOf(values, pair.response),
      );
      if (answer.status === 200) {
        const next = pairs[index + 1];
        if (field(form, "then") === "next" && next !== undefined)
          return seeOther(
            c,
            assessmentPath(loaded.assessment.id, `/standards/${next.definition.id}`),
          );
        return seeOther(
          c,
          `${assessmentPath(loaded.assessment.id, `?saved=${standardId}`)}#std-${standardId}`,
        );
      }
      if (answer.status === 409 && answer.body?.current !== undefined) {
        const theirs = answer.body.current as ResponseView;
        return render(
          c,
          person,
          loaded,
          standardId,
          { ...values, version: String(theirs.version) },
          noErrors,
          theirs,
        );
      }
      return render(
        c,
        person,
        loaded,
        standardId,
        values,
        errorsFromProblem(answer, standardFieldInfo(), standardFieldOf()),
      );
    }),
  );
};
