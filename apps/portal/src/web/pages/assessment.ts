// An assessment at a glance: how it was done, every standard's views and agreed score with their
// flags, and submitting (every reason it is refused is listed, each linking to what to fix).
import type { Hono } from "hono";
import { type ApiAnswer, apiPath } from "../api.ts";
import { button, notificationBanner, summaryList, tag } from "../components/basics.ts";
import { scoreText } from "../components/scores.ts";
import type { WebContext, WebEnv } from "../env.ts";
import { formatDateTime } from "../format.ts";
import {
  csrfField,
  errorSummary,
  errorsFromProblem,
  type FormErrors,
  field,
  noErrors,
  readForm,
} from "../forms.ts";
import { type Html, html } from "../html.ts";
import { type Person, renderPage, seeOther, signedIn } from "../render.ts";
import {
  areaPath,
  assessmentPath,
  type LoadedAssessment,
  levelText,
  loadAssessment,
  standardPairs,
} from "./assessmentData.ts";

const METHOD_NAMES = {
  "self-assessment": "Self-assessment",
  "involvement-group": "Involvement Group",
  "peer-review": "Peer review",
} as const;

const methodText = (loaded: LoadedAssessment): string =>
  loaded.assessment.method === null
    ? "Not recorded yet"
    : METHOD_NAMES[loaded.assessment.method.kind];

const standardsTable = (loaded: LoadedAssessment): Html => {
  const { assessment, scale } = loaded;
  return html`<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption nhsuk-table__caption--m">Standards</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Standard</th>
    <th scope="col" class="nhsuk-table__header">Service users</th>
    <th scope="col" class="nhsuk-table__header">Staff</th>
    <th scope="col" class="nhsuk-table__header">Agreed</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
  ${standardPairs(loaded).map(
    ({ definition, response }) => html`<tr class="nhsuk-table__row" id="std-${definition.id}">
    <td class="nhsuk-table__cell"><a href="${assessmentPath(assessment.id, `/standards/${definition.id}`)}">${definition.id}<span class="nhsuk-u-visually-hidden">: edit</span></a> ${definition.text}
      ${response.divergence === null ? "" : html`<br>${tag(`Views ${response.divergence.spread} apart`, "orange")}`}
      ${response.evidenceWarnings.length === 0 ? "" : html`<br>${tag("Check the evidence", "red")}`}</td>
    <td class="nhsuk-table__cell">${scoreText(scale, response.views.serviceUser)}</td>
    <td class="nhsuk-table__cell">${scoreText(scale, response.views.staff)}</td>
    <td class="nhsuk-table__cell">${scoreText(scale, response.agreed)}</td>
  </tr>`,
  )}
  </tbody>
</table>`;
};

/** Submit refusals as error-summary lines linking to the standard or the method section. */
const submitErrors = (answer: ApiAnswer): FormErrors => {
  const reasons = (answer.body?.reasons ?? []) as ReadonlyArray<{
    _tag?: string;
    standardId?: string;
    message?: string;
  }>;
  if (reasons.length === 0) return errorsFromProblem(answer, {});
  return {
    items: reasons.map((reason) => ({
      href:
        reason.standardId !== undefined
          ? `#std-${reason.standardId}`
          : reason._tag === "MethodMissing" ||
              reason._tag === "PerspectiveMissing" ||
              reason._tag === "ReviewingServiceIsSelf"
            ? "#method"
            : undefined,
      text: reason.message ?? "Not ready to submit.",
    })),
    byField: {},
  };
};

const render = (c: WebContext, person: Person, loaded: LoadedAssessment, errors: FormErrors) => {
  const { assessment, area } = loaded;
  const saved = c.req.query("saved");
  const draft = assessment.status === "draft";
  const attendance = assessment.attendance;
  return renderPage(
    c,
    {
      title: `${area.name} – ${levelText(loaded)}`,
      hasErrors: errors.items.length > 0,
      wide: true,
      crumbs: [
        { text: "Dashboard", href: "/portal/" },
        { text: area.name, href: areaPath(assessment.serviceId, assessment.cycle, area.slug) },
      ],
    },
    html`${errorSummary(errors)}
${saved === undefined ? "" : notificationBanner(`${saved} saved.`, { success: true })}
${c.req.query("submitted") === "1" ? notificationBanner(`${area.name} has been submitted.`, { success: true }) : ""}
<span class="nhsuk-caption-l">${loaded.service.name} · ${assessment.cycle}</span>
<h1>${area.name}: ${levelText(loaded)}</h1>
<p>${draft ? tag("Draft", "blue") : tag(`Submitted ${formatDateTime(assessment.submittedAt)}`, "green")} ${assessment.score === null ? "" : html`<strong class="nhsuk-u-margin-left-2">Score so far: ${assessment.score.display}</strong>`}</p>
<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">
<h2 id="method">How it was assessed</h2>
${summaryList([
  {
    key: "Method",
    value: methodText(loaded),
    action: {
      href: assessmentPath(assessment.id, "/method"),
      text: "Change",
      hidden: "how it was assessed",
    },
  },
  {
    key: "Who took part",
    value: `${attendance.serviceUsers} service users, ${attendance.staff} staff, ${attendance.carers} carers`,
    action: {
      href: assessmentPath(assessment.id, "/method"),
      text: "Change",
      hidden: "who took part",
    },
  },
])}
<h2>Score the standards</h2>
<ul class="nhsuk-list">
  <li><a href="${assessmentPath(assessment.id, `/standards/${area.standards[0]?.id ?? ""}`)}">One standard at a time</a></li>
  <li><a href="${assessmentPath(assessment.id, "/table")}">The whole table on one page</a> (for a meeting room screen)</li>
  <li><a href="${assessmentPath(assessment.id, "/easy-read")}">Easy read, one standard per screen</a> (for service users)</li>
</ul>
</div></div>
${standardsTable(loaded)}
${
  draft && person.role !== "service-user-rep"
    ? html`<h2>Submit</h2>
${assessment.readiness.length === 0 ? html`<p>Every standard has an agreed score and both groups took part: this area is ready to submit.</p>` : html`<p>Before you can submit:</p><ul>${assessment.readiness.map((reason) => html`<li>${reason.message}</li>`)}</ul>`}
<form method="post" action="${assessmentPath(assessment.id, "/submit")}" novalidate>
  ${csrfField(person.csrfToken)}
  <input type="hidden" name="version" value="${assessment.version}">
  ${button("Submit this area")}
</form>`
    : ""
}
<h2>The area's PDF</h2>
<p><a href="/portal/services/${assessment.serviceId}/cycles/${assessment.cycle.replace("/", "-")}/areas/${area.slug}/report.pdf">Download the report made from these answers (PDF)</a></p>
<p><a href="${areaPath(assessment.serviceId, assessment.cycle, area.slug)}#upload">Upload your own area PDF</a></p>`,
    errors.items.length > 0 ? 422 : 200,
  );
};

export const registerAssessmentPage = (web: Hono<WebEnv>): void => {
  web.get(
    "/assessments/:assessmentId",
    signedIn(async (c, person) =>
      render(c, person, await loadAssessment(c, c.req.param("assessmentId") ?? ""), noErrors),
    ),
  );

  web.post(
    "/assessments/:assessmentId/submit",
    signedIn(async (c, person) => {
      const id = c.req.param("assessmentId") ?? "";
      const form = await readForm(c);
      const answer = await c.var.api.post(apiPath`/api/v1/assessments/${id}/submit`, {
        version: Number(field(form, "version")) || 0,
      });
      if (answer.status === 200) return seeOther(c, assessmentPath(id, "?submitted=1"));
      const loaded = await loadAssessment(c, id);
      if (answer.status === 409)
        return render(c, person, loaded, {
          items: [
            {
              href: undefined,
              text: `${String(answer.body?.detail ?? "This area changed since you opened it.")} Check the answers below and submit again.`,
            },
          ],
          byField: {},
        });
      if (answer.status === 403)
        return render(c, person, loaded, {
          items: [
            {
              href: undefined,
              text: String(answer.body?.detail ?? "You cannot submit this area."),
            },
          ],
          byField: {},
        });
      return render(c, person, loaded, submitErrors(answer));
    }),
  );
};
