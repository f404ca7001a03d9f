// How an area was assessed (self-assessment, Involvement Group, peer review) and who took part,
// as counts by role — never names.
import type { Hono } from "hono";
import { apiPath } from "../api.ts";
import { button } from "../components/basics.ts";
import { radios, select, textarea, textInput } from "../components/fields.ts";
import type { WebContext, WebEnv } from "../env.ts";
import { cycleParam } from "../format.ts";
import {
  csrfField,
  errorSummary,
  errorsFromProblem,
  type FormErrors,
  field,
  noErrors,
  numberOrText,
  readForm,
  singleError,
} from "../forms.ts";
import { html } from "../html.ts";
import { type Person, renderPage, seeOther, signedIn } from "../render.ts";
import {
  areaPath,
  assessmentPath,
  type LoadedAssessment,
  levelText,
  loadAssessment,
} from "./assessmentData.ts";

interface Values {
  readonly version: string;
  readonly method: string;
  readonly reviewingServiceId: string;
  readonly serviceUsers: string;
  readonly staff: string;
  readonly carers: string;
  readonly reason: string;
}

const FIELDS = {
  method: { label: "How it was assessed", message: "Choose how the area was assessed" },
  reviewingServiceId: {
    label: "Reviewing service",
    message: "Choose the service that did the peer review",
  },
  serviceUsers: {
    label: "Service users",
    message: "Enter how many service users took part, as a number (0 if none)",
  },
  staff: { label: "Staff", message: "Enter how many staff took part, as a number (0 if none)" },
  carers: { label: "Carers", message: "Enter how many carers took part, as a number (0 if none)" },
  reason: {
    label: "Reason for the change",
    message: "Say why a submitted area is changed (it is kept in the audit trail)",
  },
};

const fieldOf = (apiField: string): string | undefined => {
  const path = apiField.replace(/^body\./u, "");
  if (path === "method.reviewingServiceId") return "reviewingServiceId";
  if (path.startsWith("method")) return "method";
  if (path.startsWith("attendance.")) return path.slice("attendance.".length);
  return path === "reason" ? "reason" : undefined;
};

/** The partners the network paired this service with for this area (peer reviewers). */
const reviewersFor = async (c: WebContext, loaded: LoadedAssessment) => {
  const { assessment } = loaded;
  const answer = await c.var.api.get(
    `${apiPath`/api/v1/services/${assessment.serviceId}/peer-reviews`}?cycle=${cycleParam(assessment.cycle)}`,
  );
  if (answer.status !== 200) return [];
  const reviews = answer.body as ReadonlyArray<{
    area: { slug: string };
    reviewedBy: { id: string; name: string };
  }>;
  return reviews
    .filter((review) => review.area.slug === assessment.area)
    .map((review) => review.reviewedBy);
};

const render = async (
  c: WebContext,
  person: Person,
  loaded: LoadedAssessment,
  values: Values,
  errors: FormErrors,
) => {
  const { assessment, area } = loaded;
  const reviewers = await reviewersFor(c, loaded);
  return renderPage(
    c,
    {
      title: `How ${area.name} was assessed`,
      hasErrors: errors.items.length > 0,
      crumbs: [
        { text: "Dashboard", href: "/portal/" },
        { text: area.name, href: areaPath(assessment.serviceId, assessment.cycle, area.slug) },
        { text: `${levelText(loaded)} assessment`, href: assessmentPath(assessment.id) },
      ],
    },
    html`${errorSummary(errors)}
<span class="nhsuk-caption-l">${area.name} · ${levelText(loaded)}</span>
<h1>How it was assessed</h1>
<form method="post" action="${assessmentPath(assessment.id, "/method")}" novalidate>
  ${csrfField(person.csrfToken)}
  <input type="hidden" name="version" value="${values.version}">
  ${radios({
    name: "method",
    legend: FIELDS.method.label,
    legendClass: "nhsuk-fieldset__legend--m",
    value: values.method,
    error: errors.byField.method,
    choices: [
      {
        value: "self-assessment",
        text: "Self-assessment",
        hint: "Nominated service users and staff led this area.",
      },
      {
        value: "involvement-group",
        text: "Involvement Group",
        hint: "The Involvement Group assessed it, perhaps ward by ward.",
      },
      {
        value: "peer-review",
        text: "Peer review",
        hint:
          reviewers.length === 0
            ? "Another service in the network assessed it. The network has not paired you with a service for this area yet."
            : "Another service in the network assessed it, in return for the same.",
      },
    ],
  })}
  ${
    reviewers.length === 0
      ? ""
      : select({
          name: "reviewingServiceId",
          label: "If peer review: the reviewing service",
          value: values.reviewingServiceId,
          error: errors.byField.reviewingServiceId,
          choices: [
            { value: "", text: "Choose a service" },
            ...reviewers.map((reviewer) => ({ value: reviewer.id, text: reviewer.name })),
          ],
        })
  }
  <fieldset class="nhsuk-fieldset">
    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"><h2 class="nhsuk-fieldset__heading">Who took part</h2></legend>
    <div class="nhsuk-hint">How many people of each group took part. Do not give names.</div>
    ${textInput({ name: "serviceUsers", label: FIELDS.serviceUsers.label, value: values.serviceUsers, width: 3, inputmode: "numeric", error: errors.byField.serviceUsers })}
    ${textInput({ name: "staff", label: FIELDS.staff.label, value: values.staff, width: 3, inputmode: "numeric", error: errors.byField.staff })}
    ${textInput({ name: "carers", label: FIELDS.carers.label, value: values.carers, width: 3, inputmode: "numeric", error: errors.byField.carers })}
  </fieldset>
  ${assessment.status === "submitted" ? textarea({ name: "reason", label: FIELDS.reason.label, hint: "This area has been submitted: say why you are changing it. It is kept in the audit trail.", value: values.reason, rows: 2, error: errors.byField.reason }) : ""}
  ${button("Save")}
</form>`,
    errors.items.length > 0 ? 400 : 200,
  );
};

const valuesOf = (loaded: LoadedAssessment): Values => {
  const { method, attendance, version } = loaded.assessment;
  return {
    version: String(version),
    method: method?.kind ?? "",
    reviewingServiceId: method?.kind === "peer-review" ? method.reviewingServiceId : "",
    serviceUsers: String(attendance.serviceUsers),
    staff: String(attendance.staff),
    carers: String(attendance.carers),
    reason: "",
  };
};

export const registerAssessmentMethod = (web: Hono<WebEnv>): void => {
  const path = "/assessments/:assessmentId/method";
  web.get(
    path,
    signedIn(async (c, person) => {
      const loaded = await loadAssessment(c, c.req.param("assessmentId") ?? "");
      return render(c, person, loaded, valuesOf(loaded), noErrors);
    }),
  );

  web.post(
    path,
    signedIn(async (c, person) => {
      const id = c.req.param("assessmentId") ?? "";
      const form = await readForm(c);
      const values: Values = {
        version: field(form, "version"),
        method: field(form, "method"),
        reviewingServiceId: field(form, "reviewingServiceId"),
        serviceUsers: field(form, "serviceUsers"),
        staff: field(form, "staff"),
        carers: field(form, "carers"),
        reason: field(form, "reason"),
      };
      const method =
        values.method === ""
          ? null
          : values.method === "peer-review"
            ? { kind: "peer-review", reviewingServiceId: values.reviewingServiceId }
            : { kind: values.method };
      const answer = await c.var.api.patch(apiPath`/api/v1/assessments/${id}`, {
        version: numberOrText(values.version) ?? 0,
        method,
        attendance: {
          serviceUsers: numberOrText(values.serviceUsers) ?? "",
          staff: numberOrText(values.staff) ?? "",
          carers: numberOrText(values.carers) ?? "",
        },
        ...(values.reason.trim() === "" ? {} : { reason: values.reason }),
      });
      if (answer.status === 200)
        return seeOther(
          c,
          assessmentPath(id, `?saved=${encodeURIComponent("How it was assessed")}`),
        );
      const loaded = await loadAssessment(c, id);
      if (answer.status === 409)
        return render(
          c,
          person,
          loaded,
          { ...values, version: String(loaded.assessment.version) },
          singleError(
            undefined,
            "Someone else changed how this area was assessed while you were editing. Your answers are below: check them and save again.",
          ),
        );
      return render(c, person, loaded, values, errorsFromProblem(answer, FIELDS, fieldOf));
    }),
  );
};
