// The one-standard form: both groups' views, the agreed score (or N/A), why, and the evidence, with
// the divergence flag, the evidence guard's warning and, after a clash, the other person's answers.
import { button, warningCallout } from "../components/basics.ts";
import { textarea } from "../components/fields.ts";
import { scoreRadios, scoreText } from "../components/scores.ts";
import { csrfField, type FormErrors } from "../forms.ts";
import { type Html, html } from "../html.ts";
import type { Person } from "../render.ts";
import type { ResponseView, ScalePointView, StandardDefinition } from "../views.ts";
import type { StandardValues } from "./standardValues.ts";

const GROUP_NAMES: Record<string, string> = {
  serviceUser: "Service users",
  staff: "Staff",
  carer: "Carers",
};

export const divergenceFlag = (response: ResponseView): Html | "" =>
  response.divergence === null
    ? ""
    : warningCallout(
        "Views differ – talk it through",
        html`<p>${GROUP_NAMES[response.divergence.lowest.group] ?? response.divergence.lowest.group} gave ${response.divergence.lowest.view} and ${(GROUP_NAMES[response.divergence.highest.group] ?? response.divergence.highest.group).toLowerCase()} gave ${response.divergence.highest.view}: ${response.divergence.spread} points apart. Discuss why before you agree a score.</p>`,
      );

export const evidenceWarning = (response: ResponseView): Html | "" =>
  response.evidenceWarnings.length === 0
    ? ""
    : warningCallout(
        "Evidence must not identify anyone",
        html`<p>The evidence looks as if it contains:</p>
<ul>${response.evidenceWarnings.map((warning) => html`<li>${warning.message}</li>`)}</ul>
<p>Remove names, NHS numbers, dates of birth and contact details, then save again.</p>`,
      );

/** After a 409: what the other person saved, beside what this person typed. */
export const conflictPanel = (
  theirs: ResponseView,
  yours: StandardValues,
  scale: ReadonlyArray<ScalePointView>,
  discardHref: string,
): Html => {
  const score = (value: string) =>
    scoreText(scale, value === "" ? null : value === "na" ? "na" : Number(value));
  const rows: Array<readonly [string, string, string]> = [
    ["Service users' view", scoreText(scale, theirs.views.serviceUser), score(yours.serviceUser)],
    ["Staff view", scoreText(scale, theirs.views.staff), score(yours.staff)],
    ["Carers' view", scoreText(scale, theirs.views.carer), score(yours.carer)],
    ["Agreed score", scoreText(scale, theirs.agreed), score(yours.agreed)],
    ["Why this score", theirs.rationale, yours.rationale],
    ["Evidence", theirs.evidence, yours.evidence],
  ];
  const differing = rows.filter((row) => row[1] !== row[2]);
  return html`<div class="nhsuk-card nhsuk-card--warning" id="conflict">
  <div class="nhsuk-card__content">
    <h2 class="nhsuk-card__heading">Someone else saved this standard while you were editing</h2>
    <p>Nothing has been lost. Choose what to keep:</p>
    <table class="nhsuk-table app-table-compact">
      <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Differences between the saved answers and yours</caption>
      <thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><th scope="col" class="nhsuk-table__header">Question</th><th scope="col" class="nhsuk-table__header">Saved by someone else</th><th scope="col" class="nhsuk-table__header">Yours</th></tr></thead>
      <tbody class="nhsuk-table__body">
        ${differing.map((row) => html`<tr class="nhsuk-table__row"><th scope="row" class="nhsuk-table__header">${row[0]}</th><td class="nhsuk-table__cell">${row[1]}</td><td class="nhsuk-table__cell">${row[2]}</td></tr>`)}
      </tbody>
    </table>
    <p>Your answers are in the form below: change them if you want to combine both, then save to keep them. Or <a href="${discardHref}">use the saved answers instead</a>.</p>
  </div>
</div>`;
};

export const standardForm = (options: {
  readonly person: Person;
  readonly action: string;
  readonly autosaveUrl: string;
  readonly definition: StandardDefinition;
  readonly response: ResponseView;
  readonly scale: ReadonlyArray<ScalePointView>;
  readonly values: StandardValues;
  readonly errors: FormErrors;
  readonly submitted: boolean;
  readonly hasNext: boolean;
}): Html => {
  const { definition, values, errors, scale } = options;
  const privateRatings = JSON.stringify(options.response.privateRatings ?? null);
  return html`<form method="post" action="${options.action}" novalidate data-autosave="${options.autosaveUrl}" data-csrf="${options.person.csrfToken}" data-private-ratings="${privateRatings}">
  ${csrfField(options.person.csrfToken)}
  <input type="hidden" name="version" value="${values.version}" data-field="version">
  ${scoreRadios({ name: "serviceUser", legend: "Service users' view", hint: "The score service users gave, before agreeing.", scale, value: values.serviceUser, error: errors.byField.serviceUser, noneText: "Not given yet" })}
  ${scoreRadios({ name: "staff", legend: "Staff view", hint: "The score staff gave, before agreeing.", scale, value: values.staff, error: errors.byField.staff, noneText: "Not given yet" })}
  ${scoreRadios({ name: "carer", legend: "Carers' view (optional)", scale, value: values.carer, error: errors.byField.carer, noneText: "Not given" })}
  ${scoreRadios({ name: "agreed", legend: "Agreed score", hint: definition.naAllowed ? "The score everyone agreed, or not applicable if this standard does not apply to your service." : "The score everyone agreed.", scale, value: values.agreed, error: errors.byField.agreed, naAllowed: definition.naAllowed, noneText: "Not agreed yet" })}
  ${textarea({ name: "rationale", label: "Why this score", hint: "A sentence or two on why you agreed this score.", value: values.rationale, rows: 3, maxLength: 2000, error: errors.byField.rationale })}
  ${textarea({ name: "evidence", label: "Evidence", hint: "What shows this happens. Do not include names, NHS numbers or other details that identify anyone.", value: values.evidence, rows: 5, maxLength: 20000, error: errors.byField.evidence })}
  ${
    definition.evidenceHints.length === 0
      ? ""
      : html`<details class="nhsuk-details">
    <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">What evidence could show this</span></summary>
    <div class="nhsuk-details__text"><ul>${definition.evidenceHints.map((hint) => html`<li>${hint}</li>`)}</ul></div>
  </details>`
  }
  ${options.submitted ? textarea({ name: "reason", label: "Reason for the change", hint: "This area has been submitted: say why you are changing it. It is kept in the audit trail.", value: values.reason, rows: 2, maxLength: 1000, error: errors.byField.reason }) : ""}
  <p class="app-autosave-status nhsuk-body-s" role="status" aria-live="polite" data-autosave-status></p>
  <div class="app-button-group">
    ${button("Save")}
    ${options.hasNext ? button("Save and go to the next standard", { secondary: true, name: "then", value: "next" }) : ""}
  </div>
</form>`;
};
