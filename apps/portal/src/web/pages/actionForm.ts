// Adding an action for a standard, and updating one: what, owner, due date, status (only the moves
// the API allows), what was done (for "You said, we did"), and dated progress notes.
import type { Hono } from "hono";
import { apiPath, expectOk } from "../api.ts";
import { button } from "../components/basics.ts";
import {
  type DateParts,
  dateInput,
  dateParts,
  isoDate,
  postedDate,
} from "../components/dateInput.ts";
import { radios, select, textarea, textInput } from "../components/fields.ts";
import type { WebContext, WebEnv } from "../env.ts";
import { cycleParam, formatDate } from "../format.ts";
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
import { html } from "../html.ts";
import { type Person, renderPage, seeOther, signedIn } from "../render.ts";
import type { ActionStatus, ActionView } from "../views.ts";
import { ACTION_STATUS, actionsPath, chosenCycle } from "./actionsList.ts";
import { standardsOf } from "./assessmentData.ts";

interface Values {
  readonly standardId: string;
  readonly what: string;
  readonly owner: string;
  readonly due: DateParts;
  readonly status: string;
  readonly outcome: string;
  readonly version: string;
}

const FIELDS = {
  standardId: { label: "Standard", message: "Choose the standard this action is for" },
  what: { label: "What will be done", message: "Say what will be done" },
  owner: { label: "Owner", message: "Enter who owns this action" },
  due: {
    label: "Due date",
    message: "Enter a real due date, for example 30 9 2021",
    id: "due-day",
  },
  status: { label: "Status", message: "Choose a status" },
  outcome: { label: "What was done", message: "What was done can be up to 2,000 characters" },
};

const posted = async (c: WebContext): Promise<Values> => {
  const form = await readForm(c);
  return {
    standardId: field(form, "standardId"),
    what: field(form, "what"),
    owner: field(form, "owner"),
    due: postedDate(form, "due"),
    status: field(form, "status"),
    outcome: field(form, "outcome"),
    version: field(form, "version"),
  };
};

const fields = (values: Values, errors: FormErrors, statuses: ReadonlyArray<ActionStatus>) => html`
  ${textarea({ name: "what", label: FIELDS.what.label, value: values.what, rows: 3, maxLength: 1000, error: errors.byField.what })}
  ${textInput({ name: "owner", label: FIELDS.owner.label, hint: "A role or a team is enough, for example Ward manager.", value: values.owner, width: 20, error: errors.byField.owner })}
  ${dateInput({ name: "due", legend: FIELDS.due.label, hint: "For example, 30 9 2021", value: values.due, error: errors.byField.due })}
  ${radios({ name: "status", legend: FIELDS.status.label, small: true, value: values.status, error: errors.byField.status, choices: statuses.map((status) => ({ value: status, text: ACTION_STATUS[status].text })) })}`;

const newForm = async (
  c: WebContext,
  person: Person,
  cycle: string,
  values: Values,
  errors: FormErrors,
) => {
  const serviceId = c.req.param("serviceId") ?? "";
  const set = await standardsOf(c, cycle);
  return renderPage(
    c,
    {
      title: "Add an action",
      hasErrors: errors.items.length > 0,
      crumbs: [
        { text: "Dashboard", href: "/portal/" },
        { text: "Action plan", href: actionsPath(serviceId) },
      ],
    },
    html`${errorSummary(errors)}
<span class="nhsuk-caption-l">Action plan ${cycle}</span>
<h1>Add an action</h1>
<form method="post" action="${actionsPath(serviceId, `/new?cycle=${cycleParam(cycle)}`)}" novalidate>
  ${csrfField(person.csrfToken)}
  ${select({
    name: "standardId",
    label: FIELDS.standardId.label,
    value: values.standardId,
    error: errors.byField.standardId,
    choices: [
      { value: "", text: "Choose a standard" },
      ...set.areas.flatMap((area) =>
        area.standards.map((standard) => ({
          value: standard.id,
          text: `${area.name} ${standard.id}: ${standard.text.length > 70 ? `${standard.text.slice(0, 70)}…` : standard.text}`,
        })),
      ),
    ],
  })}
  ${fields(values, errors, ["not-started", "in-progress", "done", "dropped"])}
  ${button("Add the action")}
</form>`,
    errors.items.length > 0 ? 400 : 200,
  );
};

const editForm = (
  c: WebContext,
  person: Person,
  action: ActionView,
  values: Values,
  errors: FormErrors,
) => {
  const serviceId = c.req.param("serviceId") ?? "";
  const statuses = [
    action.status,
    ...action.allowedStatuses.filter((status) => status !== action.status),
  ];
  const here = actionsPath(serviceId, `/${action.id}`);
  return renderPage(
    c,
    {
      title: "Update an action",
      hasErrors: errors.items.length > 0,
      crumbs: [
        { text: "Dashboard", href: "/portal/" },
        { text: "Action plan", href: actionsPath(serviceId) },
      ],
    },
    html`${errorSummary(errors)}
<span class="nhsuk-caption-l">${action.standardId} · ${action.cycle}${action.carriedFrom === null ? "" : ` · carried over from ${action.carriedFrom}`}</span>
<h1>Update an action</h1>
<form method="post" action="${here}" novalidate>
  ${csrfField(person.csrfToken)}
  <input type="hidden" name="version" value="${values.version}">
  ${fields(values, errors, statuses)}
  ${textarea({ name: "outcome", label: FIELDS.outcome.label, hint: 'In plain words for service users. It appears in "You said, we did" once the action is done.', value: values.outcome, rows: 3, maxLength: 2000, error: errors.byField.outcome })}
  ${button("Save")}
</form>
<h2>Progress notes</h2>
${action.notes.length === 0 ? html`<p>No notes yet.</p>` : html`<ul class="nhsuk-list nhsuk-list--border">${action.notes.map((note) => html`<li><strong>${formatDate(note.on)}</strong> ${note.text}</li>`)}</ul>`}
<form method="post" action="${here}/notes" novalidate>
  ${csrfField(person.csrfToken)}
  ${textarea({ name: "text", label: "Add a progress note", hint: "It is dated today.", rows: 2, error: errors.byField.text })}
  ${button("Add the note", { secondary: true })}
</form>`,
    errors.items.length > 0 ? 400 : 200,
  );
};

const valuesOf = (action: ActionView): Values => ({
  standardId: action.standardId,
  what: action.what,
  owner: action.owner,
  due: dateParts(action.due),
  status: action.status,
  outcome: action.outcome ?? "",
  version: String(action.version),
});

const loadAction = async (c: WebContext) =>
  expectOk<ActionView>(
    await c.var.api.get(
      apiPath`/api/v1/services/${c.req.param("serviceId") ?? ""}/actions/${c.req.param("actionId") ?? ""}`,
    ),
  );

export const registerActionForms = (web: Hono<WebEnv>): void => {
  web.get(
    "/services/:serviceId/actions/new",
    signedIn(async (c, person) => {
      const cycle = await chosenCycle(c);
      if (cycle === undefined) return seeOther(c, actionsPath(c.req.param("serviceId") ?? ""));
      const blank: Values = {
        standardId: c.req.query("standard") ?? "",
        what: "",
        owner: "",
        due: dateParts(""),
        status: "not-started",
        outcome: "",
        version: "",
      };
      return newForm(c, person, cycle, blank, noErrors);
    }),
  );

  web.post(
    "/services/:serviceId/actions/new",
    signedIn(async (c, person) => {
      const serviceId = c.req.param("serviceId") ?? "";
      const cycle = await chosenCycle(c);
      if (cycle === undefined) return seeOther(c, actionsPath(serviceId));
      const values = await posted(c);
      const answer = await c.var.api.post(apiPath`/api/v1/services/${serviceId}/actions`, {
        cycle,
        standardId: values.standardId,
        what: values.what,
        owner: values.owner,
        due: isoDate(values.due),
        ...(values.status === "" ? {} : { status: values.status }),
      });
      if (answer.status === 201)
        return seeOther(c, actionsPath(serviceId, `?cycle=${cycleParam(cycle)}&saved=1`));
      return newForm(c, person, cycle, values, errorsFromProblem(answer, FIELDS));
    }),
  );

  web.get(
    "/services/:serviceId/actions/:actionId",
    signedIn(async (c, person) => {
      const action = await loadAction(c);
      return editForm(c, person, action, valuesOf(action), noErrors);
    }),
  );

  web.post(
    "/services/:serviceId/actions/:actionId",
    signedIn(async (c, person) => {
      const serviceId = c.req.param("serviceId") ?? "";
      const values = await posted(c);
      const answer = await c.var.api.patch(
        apiPath`/api/v1/services/${serviceId}/actions/${c.req.param("actionId") ?? ""}`,
        {
          version: Number(values.version) || 0,
          what: values.what,
          owner: values.owner,
          due: isoDate(values.due),
          ...(values.status === "" ? {} : { status: values.status }),
          outcome: values.outcome.trim() === "" ? null : values.outcome,
        },
      );
      if (answer.status === 200)
        return seeOther(
          c,
          actionsPath(serviceId, `?cycle=${cycleParam((answer.body as ActionView).cycle)}&saved=1`),
        );
      if (answer.status === 409 && answer.body?.current !== undefined) {
        const theirs = answer.body.current as ActionView;
        return editForm(
          c,
          person,
          theirs,
          { ...values, version: String(theirs.version) },
          singleError(
            undefined,
            `Someone else changed this action while you were editing (now: "${theirs.what}", ${theirs.owner}, due ${formatDate(theirs.due)}, ${ACTION_STATUS[theirs.status].text.toLowerCase()}). Your changes are below: check them and save again to keep them.`,
          ),
        );
      }
      return editForm(c, person, await loadAction(c), values, errorsFromProblem(answer, FIELDS));
    }),
  );

  web.post(
    "/services/:serviceId/actions/:actionId/notes",
    signedIn(async (c, person) => {
      const serviceId = c.req.param("serviceId") ?? "";
      const actionId = c.req.param("actionId") ?? "";
      const text = field(await readForm(c), "text");
      const answer = await c.var.api.post(
        apiPath`/api/v1/services/${serviceId}/actions/${actionId}/notes`,
        { text },
      );
      if (answer.status === 201) return seeOther(c, actionsPath(serviceId, `/${actionId}`));
      const action = await loadAction(c);
      return editForm(
        c,
        person,
        action,
        valuesOf(action),
        errorsFromProblem(answer, {
          text: { label: "Progress note", message: "Write the note (up to 2,000 characters)" },
        }),
      );
    }),
  );
};
