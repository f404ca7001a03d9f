// The network's provider organisations with their services, adding an organisation, and adding a
// service to one.
import type { Hono } from "hono";
import { type ApiAnswer, expectOk, isOk } from "../../api.ts";
import { button, buttonLink, notificationBanner } from "../../components/basics.ts";
import { select, textInput } from "../../components/fields.ts";
import type { WebContext, WebEnv } from "../../env.ts";
import {
  csrfField,
  errorSummary,
  errorsFromProblem,
  type FormErrors,
  field,
  hasErrors,
  noErrors,
  readForm,
  singleError,
} from "../../forms.ts";
import { html } from "../../html.ts";
import { type Person, renderPage, seeOther } from "../../render.ts";
import type { ServiceView } from "../../views.ts";
import { adminPage, networkCrumbs, type OrganisationView, servicePath } from "./views.ts";

const ORGANISATION_FIELDS = {
  name: { label: "Organisation name", message: "Enter the organisation's name" },
};
const SERVICE_FIELDS = {
  organisationId: { label: "Organisation", message: "Choose the organisation" },
  name: { label: "Service name", message: "Enter the service's name" },
};

/** A 409 (the name is taken) belongs beside the name, not only at the top. */
const nameErrors = (
  answer: ApiAnswer,
  fields: Record<string, { label: string; message?: string }>,
): FormErrors =>
  answer.status === 409 && typeof answer.body?.detail === "string"
    ? singleError("name", answer.body.detail)
    : errorsFromProblem(answer, fields);

const load = async (c: WebContext) => {
  const api = c.var.api;
  const organisations = expectOk<ReadonlyArray<OrganisationView>>(
    await api.get("/api/v1/organisations"),
  );
  const services = expectOk<ReadonlyArray<ServiceView>>(await api.get("/api/v1/services"));
  return { organisations, services };
};

const listPage = async (c: WebContext, person: Person, name: string, errors: FormErrors) => {
  const { organisations, services } = await load(c);
  return renderPage(
    c,
    {
      title: "Organisations and services",
      crumbs: networkCrumbs(),
      hasErrors: hasErrors(errors),
      wide: true,
    },
    html`${errorSummary(errors)}
${c.req.query("added") === "1" ? notificationBanner("The organisation has been added.", { success: true }) : ""}
<h1>Organisations and services</h1>
${
  organisations.length === 0
    ? html`<p>There are no organisations yet. Add the first one below.</p>`
    : organisations.map((organisation) => {
        const own = services.filter((service) => service.organisationId === organisation.id);
        return html`<h2 class="nhsuk-heading-s">${organisation.name}</h2>
${
  own.length === 0
    ? html`<p>No services yet.</p>`
    : html`<ul class="nhsuk-list nhsuk-list--border">${own.map(
        (service) => html`<li><a href="${servicePath(service.id)}">${service.name}</a></li>`,
      )}</ul>`
}`;
      })
}
${organisations.length === 0 ? "" : buttonLink("Add a service", "/portal/network/services/new", true)}
<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">
<form method="post" action="/portal/network/organisations" novalidate>
  ${csrfField(person.csrfToken)}
  <h2>Add an organisation</h2>
  ${textInput({ name: "name", label: ORGANISATION_FIELDS.name.label, hint: "The provider trust or company, as it is usually written.", value: name, error: errors.byField.name })}
  ${button("Add organisation")}
</form>
</div></div>`,
    hasErrors(errors) ? 400 : 200,
  );
};

const newServicePage = async (
  c: WebContext,
  person: Person,
  values: { organisationId: string; name: string },
  errors: FormErrors,
) => {
  const { organisations } = await load(c);
  return renderPage(
    c,
    {
      title: "Add a service",
      crumbs: networkCrumbs({
        text: "Organisations and services",
        href: "/portal/network/organisations",
      }),
      hasErrors: hasErrors(errors),
    },
    html`${errorSummary(errors)}
<h1>Add a service</h1>
<p>A service is a hospital or unit that assesses itself and is benchmarked.</p>
<form method="post" action="/portal/network/services" novalidate>
  ${csrfField(person.csrfToken)}
  ${select({
    name: "organisationId",
    label: SERVICE_FIELDS.organisationId.label,
    value: values.organisationId,
    error: errors.byField.organisationId,
    choices: [
      { value: "", text: "Choose an organisation" },
      ...organisations.map((organisation) => ({ value: organisation.id, text: organisation.name })),
    ],
  })}
  ${textInput({ name: "name", label: SERVICE_FIELDS.name.label, value: values.name, error: errors.byField.name })}
  ${button("Add service")}
</form>`,
    hasErrors(errors) ? 400 : 200,
  );
};

export const registerNetworkOrganisations = (web: Hono<WebEnv>): void => {
  web.get(
    "/network/organisations",
    adminPage((c, person) => listPage(c, person, "", noErrors)),
  );

  web.post(
    "/network/organisations",
    adminPage(async (c, person) => {
      const name = field(await readForm(c), "name");
      const answer = await c.var.api.post("/api/v1/organisations", { name });
      if (isOk(answer)) return seeOther(c, "/portal/network/organisations?added=1");
      return listPage(c, person, name, nameErrors(answer, ORGANISATION_FIELDS));
    }),
  );

  web.get(
    "/network/services/new",
    adminPage((c, person) =>
      newServicePage(
        c,
        person,
        { organisationId: c.req.query("organisation") ?? "", name: "" },
        noErrors,
      ),
    ),
  );

  web.post(
    "/network/services",
    adminPage(async (c, person) => {
      const form = await readForm(c);
      const values = { organisationId: field(form, "organisationId"), name: field(form, "name") };
      if (values.organisationId === "")
        return newServicePage(
          c,
          person,
          values,
          singleError("organisationId", SERVICE_FIELDS.organisationId.message),
        );
      const answer = await c.var.api.post("/api/v1/services", values);
      if (isOk(answer)) return seeOther(c, `${servicePath(answer.body.id)}?created=1`);
      // An organisation deleted meanwhile is the API's 404: say it beside the choice.
      const errors =
        answer.status === 404
          ? singleError("organisationId", "That organisation no longer exists: choose another")
          : nameErrors(answer, SERVICE_FIELDS);
      return newServicePage(c, person, values, errors);
    }),
  );
};
