// Cycles: the list, opening a new one (its schedule comes from standards-data), and one cycle's
// schedule with links to its other pages.
import type { Hono } from "hono";
import { type ApiAnswer, apiPath, expectOk, isOk } from "../../api.ts";
import { button, notificationBanner, summaryList } from "../../components/basics.ts";
import { textInput } from "../../components/fields.ts";
import type { WebContext, WebEnv } from "../../env.ts";
import { cycleParam, formatDate } from "../../format.ts";
import {
  csrfField,
  errorSummary,
  errorsFromProblem,
  type FormErrors,
  field,
  hasErrors,
  noErrors,
  numberOrText,
  readForm,
  singleError,
} from "../../forms.ts";
import { html } from "../../html.ts";
import { type Person, renderPage, seeOther } from "../../render.ts";
import type { CycleView } from "../../views.ts";
import type { CycleStandards } from "../benchmarkViews.ts";
import { adminPage, type CycleDetail, cyclePath, networkCrumbs } from "./views.ts";

const FIELDS = {
  label: { label: "Cycle", message: "Enter the cycle as two years, like 2022/23" },
  minimumParticipants: {
    label: "Fewest services for results to be shown",
    message: "Enter a whole number from 1 to 100",
  },
};

interface Values {
  readonly label: string;
  readonly minimumParticipants: string;
}

const listPage = async (c: WebContext, person: Person, values: Values, errors: FormErrors) => {
  const cycles = expectOk<ReadonlyArray<CycleView>>(await c.var.api.get("/api/v1/cycles"));
  return renderPage(
    c,
    { title: "Cycles", crumbs: networkCrumbs(), hasErrors: hasErrors(errors) },
    html`${errorSummary(errors)}
<h1>Cycles</h1>
${
  cycles.length === 0
    ? html`<p>No cycle is open yet.</p>`
    : html`<ul class="nhsuk-list nhsuk-list--border">${cycles.map(
        (cycle) =>
          html`<li><a href="${cyclePath(cycle.label)}">${cycle.label}</a> – standards ${cycle.standardsVersion}, results shown from ${cycle.minimumParticipants} services</li>`,
      )}</ul>`
}
<form method="post" action="/portal/network/cycles" novalidate>
  ${csrfField(person.csrfToken)}
  <h2>Open a cycle</h2>
  <p>A cycle is an NHS financial year, 1 April to 31 March. It uses the standards and the schedule in standards-data; they cannot change once it is open.</p>
  ${textInput({ name: "label", label: FIELDS.label.label, hint: "For example, 2022/23", value: values.label, error: errors.byField.label, width: 10, spellcheck: false })}
  ${textInput({ name: "minimumParticipants", label: FIELDS.minimumParticipants.label, hint: "An area's network results are withheld when fewer services took part, so that none can be identified. Leave blank for 5.", value: values.minimumParticipants, error: errors.byField.minimumParticipants, width: 3, inputmode: "numeric" })}
  ${button("Open cycle")}
</form>`,
    hasErrors(errors) ? 400 : 200,
  );
};

const openErrors = (answer: ApiAnswer, label: string): FormErrors => {
  const detail = typeof answer.body?.detail === "string" ? answer.body.detail : undefined;
  if (answer.status === 409 && detail !== undefined) return singleError("label", detail);
  const problems: ReadonlyArray<{ field?: string }> = Array.isArray(answer.body?.errors)
    ? answer.body.errors
    : [];
  if (problems.some((problem) => problem.field === "body.schedule"))
    return singleError(
      "label",
      `standards-data has no schedule for ${label}. Add standards-data/schedules/${cycleParam(label)}.yaml first`,
    );
  return errorsFromProblem(answer, FIELDS);
};

const deadlinesTable = (
  cycle: CycleDetail,
  names: ReadonlyMap<string, string>,
) => html`<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption">Deadlines</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Area</th>
    <th scope="col" class="nhsuk-table__header">Due</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
    ${cycle.schedule.deadlines.map(
      (deadline) => html`<tr class="nhsuk-table__row">
      <td class="nhsuk-table__cell">${names.get(deadline.area) ?? deadline.area}</td>
      <td class="nhsuk-table__cell app-nowrap">${formatDate(deadline.due)}</td>
    </tr>`,
    )}
  </tbody>
</table>`;

const cyclePage = async (c: WebContext) => {
  const param = c.req.param("cycle") ?? "";
  const api = c.var.api;
  const cycle = expectOk<CycleDetail>(await api.get(apiPath`/api/v1/cycles/${param}`));
  const standards = expectOk<CycleStandards>(
    await api.get(apiPath`/api/v1/cycles/${param}/standards`),
  );
  const names = new Map(standards.areas.map((area) => [area.slug, area.name]));
  const schedule = cycle.schedule;
  return renderPage(
    c,
    {
      title: `Cycle ${cycle.label}`,
      crumbs: networkCrumbs({ text: "Cycles", href: "/portal/network/cycles" }),
    },
    html`${c.req.query("opened") === "1" ? notificationBanner(`Cycle ${cycle.label} is open.`, { success: true }) : ""}
<h1>Cycle ${cycle.label}</h1>
${summaryList([
  { key: "Standards", value: cycle.standardsVersion },
  { key: "Results shown from", value: `${cycle.minimumParticipants} services an area` },
  {
    key: "Schedule",
    value:
      schedule.kind === "monthly"
        ? "Monthly: every area has its own deadline"
        : `Quarterly: the deadlines below, plus ${schedule.choice.count} ${schedule.choice.count === 1 ? "area" : "areas"} of each service's choice by ${formatDate(schedule.choice.due)}; at least ${schedule.minimumAreas} areas in the year`,
  },
])}
${deadlinesTable(cycle, names)}
<ul class="nhsuk-list">
  <li><a href="${cyclePath(cycle.label, "/behind")}">Who is behind</a></li>
  <li><a href="${cyclePath(cycle.label, "/peer-review")}">Peer review</a></li>
  <li><a href="${cyclePath(cycle.label, "/results")}">Network results</a></li>
</ul>`,
  );
};

export const registerNetworkCycles = (web: Hono<WebEnv>): void => {
  web.get(
    "/network/cycles",
    adminPage((c, person) => listPage(c, person, { label: "", minimumParticipants: "" }, noErrors)),
  );

  web.post(
    "/network/cycles",
    adminPage(async (c, person) => {
      const form = await readForm(c);
      const values = {
        label: field(form, "label"),
        minimumParticipants: field(form, "minimumParticipants"),
      };
      // People write 2022-23 as often as 2022/23.
      const label = values.label.trim().replace(/^(\d{4})-(\d{2})$/u, "$1/$2");
      const minimum = numberOrText(values.minimumParticipants);
      const answer = await c.var.api.post("/api/v1/cycles", {
        label,
        ...(minimum === undefined ? {} : { minimumParticipants: minimum }),
      });
      if (isOk(answer)) return seeOther(c, `${cyclePath(answer.body.label)}?opened=1`);
      return listPage(c, person, values, openErrors(answer, label));
    }),
  );

  web.get("/network/cycles/:cycle", adminPage(cyclePage));
};
