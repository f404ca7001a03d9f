// Easy read for service users: one standard per screen, large type, the standard's symbol, short
// sentences, and a picture beside each score. It records the service users' view; staff views and
// the agreed score are shown, in easy words, once they exist.
import type { Hono } from "hono";
import { apiPath } from "../api.ts";
import { button } from "../components/basics.ts";
import { scorePicture, symbolImage } from "../components/scores.ts";
import type { WebContext, WebEnv } from "../env.ts";
import {
  csrfField,
  errorSummary,
  errorsFromProblem,
  type FormErrors,
  field,
  noErrors,
  readForm,
  singleError,
} from "../forms.ts";
import { type Html, html } from "../html.ts";
import { type Person, renderPage, seeOther, signedIn } from "../render.ts";
import type { ResponseView, ScalePointView } from "../views.ts";
import {
  areaPath,
  assessmentPath,
  type LoadedAssessment,
  loadAssessment,
  standardPairs,
} from "./assessmentData.ts";
import { notFoundPage } from "./errors.ts";
import { bodyOf, valuesOf } from "./standardValues.ts";

const easyScore = (scale: ReadonlyArray<ScalePointView>, value: number | "na" | null): string => {
  if (value === null) return "Not decided yet";
  if (value === "na") return "Does not apply here";
  return scale.find((point) => point.value === value)?.easyRead ?? String(value);
};

const scoreChoices = (
  scale: ReadonlyArray<ScalePointView>,
  chosen: string,
  error: string | undefined,
): Html =>
  html`<div class="nhsuk-form-group${error === undefined ? "" : " nhsuk-form-group--error"}">
  <fieldset class="nhsuk-fieldset"${error === undefined ? "" : html` aria-describedby="serviceUser-error"`}>
    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l"><h2 class="nhsuk-fieldset__heading">What do service users think?</h2></legend>
    ${error === undefined ? "" : html`<span class="nhsuk-error-message" id="serviceUser-error"><span class="nhsuk-u-visually-hidden">Error: </span>${error}</span>`}
    <div class="nhsuk-radios app-score-pictures" data-module="nhsuk-radios">
      ${scale.map((point, index) => {
        const id = index === 0 ? "serviceUser" : `serviceUser-${index + 1}`;
        return html`<div class="nhsuk-radios__item">
        <input class="nhsuk-radios__input" id="${id}" name="serviceUser" type="radio" value="${point.value}"${chosen === String(point.value) ? " checked" : ""}>
        <label class="nhsuk-label nhsuk-radios__label" for="${id}">${symbolImage(scorePicture(point.value), "", 56)}<span>${point.easyRead}</span></label>
      </div>`;
      })}
    </div>
  </fieldset>
</div>`;

const render = (
  c: WebContext,
  person: Person,
  loaded: LoadedAssessment,
  standardId: string | undefined,
  errors: FormErrors,
  chosen?: string,
) => {
  const pairs = standardPairs(loaded);
  const index =
    standardId === undefined ? 0 : pairs.findIndex((pair) => pair.definition.id === standardId);
  const pair = pairs[index];
  if (pair === undefined) return notFoundPage(c);
  const { assessment, area, scale } = loaded;
  const response: ResponseView = pair.response;
  const previous = pairs[index - 1];
  return renderPage(
    c,
    {
      title: `${area.name} in easy read: ${index + 1} of ${pairs.length}`,
      hasErrors: errors.items.length > 0,
      bodyClass: "app-easy-read",
      back:
        previous === undefined
          ? { href: assessmentPath(assessment.id), text: "Back to the assessment" }
          : {
              href: assessmentPath(assessment.id, `/easy-read?standard=${previous.definition.id}`),
              text: "Back",
            },
    },
    html`${errorSummary(errors)}
<p class="app-easy-read__area">${symbolImage(area.symbol, "", 64)} <span>${area.name}</span></p>
<h1>${symbolImage(pair.definition.symbol, "", 96)} <span>Standard ${index + 1} of ${pairs.length}</span></h1>
<div class="app-easy-read__text">${pair.definition.easyRead.split(/(?<=[.!?])\s+/u).map((sentence) => html`<p>${sentence}</p>`)}</div>
<form method="post" action="${assessmentPath(assessment.id, `/easy-read?standard=${pair.definition.id}`)}" novalidate>
  ${csrfField(person.csrfToken)}
  <input type="hidden" name="version" value="${response.version}">
  ${scoreChoices(scale, chosen ?? valuesOf(response).serviceUser, errors.byField.serviceUser)}
  ${button(index < pairs.length - 1 ? "Save and next" : "Save and finish")}
</form>
<h2>What others said</h2>
<ul class="app-easy-read__others">
  <li>Staff: ${easyScore(scale, response.views.staff)}</li>
  <li>Agreed together: ${easyScore(scale, response.agreed)}</li>
</ul>
<p><a href="${areaPath(assessment.serviceId, assessment.cycle, area.slug)}">Leave easy read</a></p>`,
    errors.items.length > 0 ? 400 : 200,
  );
};

export const registerEasyRead = (web: Hono<WebEnv>): void => {
  const path = "/assessments/:assessmentId/easy-read";
  web.get(
    path,
    signedIn(async (c, person) =>
      render(
        c,
        person,
        await loadAssessment(c, c.req.param("assessmentId") ?? ""),
        c.req.query("standard"),
        noErrors,
      ),
    ),
  );

  web.post(
    path,
    signedIn(async (c, person) => {
      const id = c.req.param("assessmentId") ?? "";
      const loaded = await loadAssessment(c, id);
      const pairs = standardPairs(loaded);
      const standardId = c.req.query("standard") ?? "";
      const index = pairs.findIndex((pair) => pair.definition.id === standardId);
      const pair = pairs[index];
      if (pair === undefined) return notFoundPage(c);
      const form = await readForm(c);
      const chosen = field(form, "serviceUser");
      if (chosen === "")
        return render(
          c,
          person,
          loaded,
          standardId,
          singleError("serviceUser", "Choose what service users think"),
        );
      // Only the service users' view changes here; everything else goes back as it is.
      const answer = await c.var.api.put(
        apiPath`/api/v1/assessments/${id}/standards/${standardId}`,
        bodyOf(
          {
            ...valuesOf(pair.response),
            serviceUser: chosen,
            version: field(form, "version"),
            reason:
              loaded.assessment.status === "submitted"
                ? "Service users' view recorded in easy read"
                : "",
          },
          pair.response,
        ),
      );
      if (answer.status === 200) {
        const next = pairs[index + 1];
        return seeOther(
          c,
          next === undefined
            ? assessmentPath(id, `?saved=${encodeURIComponent("Service users' views")}`)
            : assessmentPath(id, `/easy-read?standard=${next.definition.id}`),
        );
      }
      if (answer.status === 409)
        return render(
          c,
          person,
          await loadAssessment(c, id),
          standardId,
          singleError(
            "serviceUser",
            "Someone saved this standard at the same time. Check your answer and save again.",
          ),
          chosen,
        );
      return render(
        c,
        person,
        loaded,
        standardId,
        errorsFromProblem(answer, { serviceUser: { label: "Service users' view" } }, (apiField) =>
          apiField === "body.views.serviceUser" ? "serviceUser" : undefined,
        ),
        chosen,
      );
    }),
  );
};
