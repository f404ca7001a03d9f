// The whole table on one page, for a meeting-room screen: every standard's views, agreed score, why
// and evidence. Saving sends only the standards that changed; refusals and clashes are shown per
// standard, and everything typed stays in the form.
import type { Hono } from "hono";
import { apiPath } from "../api.ts";
import { button, tag } from "../components/basics.ts";
import { scoreSelect } from "../components/scores.ts";
import type { WebContext, WebEnv } from "../env.ts";
import {
  csrfField,
  type ErrorItem,
  errorSummary,
  errorsFromProblem,
  type FormErrors,
  noErrors,
  readForm,
} from "../forms.ts";
import { type Html, html } from "../html.ts";
import { type Person, renderPage, seeOther, signedIn } from "../render.ts";
import type { ResponseView } from "../views.ts";
import {
  areaPath,
  assessmentPath,
  type LoadedAssessment,
  levelText,
  loadAssessment,
  type StandardPair,
  standardPairs,
} from "./assessmentData.ts";
import { conflictPanel } from "./standardForm.ts";
import {
  bodyOf,
  changed,
  fieldId,
  postedValues,
  type StandardValues,
  standardFieldInfo,
  standardFieldOf,
  valuesOf,
} from "./standardValues.ts";

const cellTextarea = (
  name: string,
  label: string,
  value: string,
  error: string | undefined,
  maxLength: number,
): Html => {
  const id = fieldId(name);
  return html`<div class="nhsuk-form-group${error === undefined ? "" : " nhsuk-form-group--error"}">
  <label class="nhsuk-label nhsuk-u-visually-hidden" for="${id}">${label}</label>
  ${error === undefined ? "" : html`<span class="nhsuk-error-message" id="${id}-error"><span class="nhsuk-u-visually-hidden">Error: </span>${error}</span>`}
  <textarea class="nhsuk-textarea app-cell-textarea${error === undefined ? "" : " nhsuk-textarea--error"}" id="${id}" name="${name}" rows="3" maxlength="${maxLength}"${error === undefined ? "" : html` aria-describedby="${id}-error"`}>${value}</textarea>
</div>`;
};

const row = (
  loaded: LoadedAssessment,
  pair: StandardPair,
  values: StandardValues,
  errors: FormErrors,
): Html => {
  const { definition, response } = pair;
  const prefix = `${definition.id}.`;
  const select = (name: string, label: string, naAllowed = false) =>
    scoreSelect({
      name: `${prefix}${name}`,
      id: fieldId(`${prefix}${name}`),
      label: `${label} for ${definition.id}`,
      scale: loaded.scale,
      value: values[name as keyof StandardValues],
      error: errors.byField[`${prefix}${name}`],
      naAllowed,
    });
  return html`<tr class="nhsuk-table__row" id="std-${definition.id}" data-autosave="${apiPath`/api/v1/assessments/${loaded.assessment.id}/standards/${definition.id}`}" data-prefix="${prefix}" data-private-ratings="${JSON.stringify(response.privateRatings ?? null)}">
  <th scope="row" class="nhsuk-table__header app-table-standard">
    <input type="hidden" name="${prefix}version" value="${values.version}" data-field="version">
    ${definition.id}<span class="nhsuk-body-s app-standard-text">${definition.text}</span>
    ${response.divergence === null ? "" : html`${tag(`Views ${response.divergence.spread} apart – discuss`, "orange")}`}
    ${response.evidenceWarnings.length === 0 ? "" : html`${tag("Evidence may identify someone", "red")}`}
    <p class="app-autosave-status nhsuk-body-s" role="status" aria-live="polite" data-autosave-status></p>
  </th>
  <td class="nhsuk-table__cell">${select("serviceUser", "Service users' view")}</td>
  <td class="nhsuk-table__cell">${select("staff", "Staff view")}</td>
  <td class="nhsuk-table__cell">${select("carer", "Carers' view")}</td>
  <td class="nhsuk-table__cell">${select("agreed", "Agreed score", definition.naAllowed)}</td>
  <td class="nhsuk-table__cell">${cellTextarea(`${prefix}rationale`, `Why this score for ${definition.id}`, values.rationale, errors.byField[`${prefix}rationale`], 2000)}</td>
  <td class="nhsuk-table__cell">${cellTextarea(`${prefix}evidence`, `Evidence for ${definition.id}`, values.evidence, errors.byField[`${prefix}evidence`], 20000)}</td>
</tr>`;
};

const render = (
  c: WebContext,
  person: Person,
  loaded: LoadedAssessment,
  values: ReadonlyMap<string, StandardValues>,
  errors: FormErrors,
  conflicts: ReadonlyArray<{ readonly theirs: ResponseView; readonly yours: StandardValues }> = [],
) => {
  const { assessment, area } = loaded;
  const here = assessmentPath(assessment.id, "/table");
  const pairs = standardPairs(loaded);
  return renderPage(
    c,
    {
      title: `${area.name}: the whole table`,
      hasErrors: errors.items.length > 0,
      wide: true,
      fluid: true,
      scripts: ["autosave.js"],
      crumbs: [
        { text: "Dashboard", href: "/portal/" },
        { text: area.name, href: areaPath(assessment.serviceId, assessment.cycle, area.slug) },
        { text: `${levelText(loaded)} assessment`, href: assessmentPath(assessment.id) },
      ],
    },
    html`${errorSummary(errors)}
${conflicts.map((conflict) => html`<h2>${conflict.theirs.standardId}</h2>${conflictPanel(conflict.theirs, conflict.yours, loaded.scale, here)}`)}
<span class="nhsuk-caption-l">${area.name} · ${levelText(loaded)} · ${assessment.cycle}</span>
<h1>The whole table</h1>
<p>Scores: ${loaded.scale.map((point) => `${point.value} ${point.label}`).join(" · ")}. Changes save as you go when JavaScript is on; otherwise press "Save the table".</p>
<form method="post" action="${here}" novalidate data-csrf="${person.csrfToken}">
  ${csrfField(person.csrfToken)}
  <div class="nhsuk-table-container">
  <table class="nhsuk-table app-table-compact app-assess-table">
    <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Every standard of ${area.name}</caption>
    <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
      <th scope="col" class="nhsuk-table__header">Standard</th>
      <th scope="col" class="nhsuk-table__header">Service users</th>
      <th scope="col" class="nhsuk-table__header">Staff</th>
      <th scope="col" class="nhsuk-table__header">Carers</th>
      <th scope="col" class="nhsuk-table__header">Agreed</th>
      <th scope="col" class="nhsuk-table__header">Why this score</th>
      <th scope="col" class="nhsuk-table__header">Evidence</th>
    </tr></thead>
    <tbody class="nhsuk-table__body">
      ${pairs.map((pair) => row(loaded, pair, values.get(pair.definition.id) ?? valuesOf(pair.response), errors))}
    </tbody>
  </table>
  </div>
  ${
    assessment.status === "submitted"
      ? html`<div class="nhsuk-form-group${errors.byField.reason === undefined ? "" : " nhsuk-form-group--error"}">
    <label class="nhsuk-label" for="reason">Reason for the change</label>
    <div class="nhsuk-hint" id="reason-hint">This area has been submitted: say why you are changing it. It is kept in the audit trail.</div>
    ${errors.byField.reason === undefined ? "" : html`<span class="nhsuk-error-message" id="reason-error"><span class="nhsuk-u-visually-hidden">Error: </span>${errors.byField.reason}</span>`}
    <textarea class="nhsuk-textarea" id="reason" name="reason" rows="2" aria-describedby="reason-hint${errors.byField.reason === undefined ? "" : " reason-error"}" data-field="reason">${[...values.values()][0]?.reason ?? ""}</textarea>
  </div>`
      : ""
  }
  ${button("Save the table")}
</form>`,
    errors.items.length > 0 || conflicts.length > 0 ? 400 : 200,
  );
};

export const registerTablePage = (web: Hono<WebEnv>): void => {
  const path = "/assessments/:assessmentId/table";
  web.get(
    path,
    signedIn(async (c, person) =>
      render(
        c,
        person,
        await loadAssessment(c, c.req.param("assessmentId") ?? ""),
        new Map(),
        noErrors,
      ),
    ),
  );

  web.post(
    path,
    signedIn(async (c, person) => {
      const id = c.req.param("assessmentId") ?? "";
      const loaded = await loadAssessment(c, id);
      const form = await readForm(c);
      const values = new Map<string, StandardValues>();
      const items: Array<ErrorItem> = [];
      const byField: Record<string, string> = {};
      const conflicts: Array<{ theirs: ResponseView; yours: StandardValues }> = [];
      let saved = 0;
      // One standard at a time, in order: each is its own versioned record.
      for (const pair of standardPairs(loaded)) {
        const prefix = `${pair.definition.id}.`;
        const posted = postedValues(form, prefix);
        values.set(pair.definition.id, posted);
        if (!changed(posted, pair.response)) continue;
        const answer = await c.var.api.put(
          apiPath`/api/v1/assessments/${id}/standards/${pair.definition.id}`,
          bodyOf(posted, pair.response),
        );
        if (answer.status === 200) {
          saved += 1;
          const after = answer.body as ResponseView;
          values.set(pair.definition.id, { ...posted, version: String(after.version) });
        } else if (answer.status === 409 && answer.body?.current !== undefined) {
          const theirs = answer.body.current as ResponseView;
          conflicts.push({ theirs, yours: posted });
          values.set(pair.definition.id, { ...posted, version: String(theirs.version) });
          items.push({
            href: `#std-${pair.definition.id}`,
            text: `${pair.definition.id} was changed by someone else: choose what to keep.`,
          });
        } else {
          const found = errorsFromProblem(
            answer,
            standardFieldInfo(prefix, pair.definition.id),
            standardFieldOf(prefix),
          );
          items.push(...found.items);
          Object.assign(byField, found.byField);
        }
      }
      if (items.length === 0)
        return seeOther(
          c,
          assessmentPath(
            id,
            `?saved=${encodeURIComponent(`${saved} standard${saved === 1 ? "" : "s"}`)}`,
          ),
        );
      return render(c, person, await loadAssessment(c, id), values, { items, byField }, conflicts);
    }),
  );
};
