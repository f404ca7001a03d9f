// One service as the network team runs it: its wards (and adding one), its accounts, and issuing the
// service's own login. The one-time password is shown once, on the answer to the post itself: it is
// never stored by the page, put in a URL or shown again.
import type { Hono } from "hono";
import { type ApiAnswer, apiPath, expectOk, isOk } from "../../api.ts";
import {
  button,
  notificationBanner,
  summaryList,
  tag,
  warningCallout,
} from "../../components/basics.ts";
import { textInput } from "../../components/fields.ts";
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
import type { ServiceView, WardView } from "../../views.ts";
import {
  type AccountView,
  adminPage,
  type IssuedLogin,
  networkCrumbs,
  type OrganisationView,
  servicePath,
} from "./views.ts";

const WARD_FIELDS = { wardName: { label: "Ward name", message: "Enter the ward's name" } };
const LOGIN_FIELDS = { login: { label: "Sign-in name" } };

const ROLES: Record<string, string> = {
  "service-login": "Service login",
  "service-lead": "Service lead",
  staff: "Staff",
  "service-user-rep": "Service user representative",
};

const crumbs = networkCrumbs({
  text: "Organisations and services",
  href: "/portal/network/organisations",
});

const loadService = async (c: WebContext, serviceId: string) => {
  const api = c.var.api;
  const service = expectOk<ServiceView>(await api.get(apiPath`/api/v1/services/${serviceId}`));
  const [organisations, wards, accounts] = await Promise.all([
    api.get("/api/v1/organisations").then((a) => expectOk<ReadonlyArray<OrganisationView>>(a)),
    api
      .get(apiPath`/api/v1/services/${serviceId}/wards`)
      .then((a) => expectOk<ReadonlyArray<WardView>>(a)),
    api
      .get(apiPath`/api/v1/services/${serviceId}/accounts`)
      .then((a) => expectOk<ReadonlyArray<AccountView>>(a)),
  ]);
  const organisation = organisations.find((item) => item.id === service.organisationId);
  return { service, organisation, wards, accounts };
};

const banner = (c: WebContext) => {
  if (c.req.query("created") === "1")
    return notificationBanner("The service has been added.", { success: true });
  if (c.req.query("ward-added") === "1")
    return notificationBanner("The ward has been added.", { success: true });
  return "";
};

const servicePage = async (
  c: WebContext,
  person: Person,
  values: { wardName: string; login: string },
  errors: FormErrors,
) => {
  const serviceId = c.req.param("serviceId") ?? "";
  const { service, organisation, wards, accounts } = await loadService(c, serviceId);
  const serviceLogin = accounts.find((account) => account.role === "service-login");
  const here = servicePath(service.id);
  return renderPage(
    c,
    { title: service.name, crumbs, hasErrors: hasErrors(errors) },
    html`${errorSummary(errors)}
${banner(c)}
<span class="nhsuk-caption-l">${organisation?.name ?? ""}</span>
<h1>${service.name}</h1>
${summaryList([
  { key: "Organisation", value: organisation?.name ?? "" },
  {
    key: "In other services' benchmarks",
    value: service.namedInBenchmarks
      ? "Named"
      : "Shown by its code (it has not chosen to be named)",
  },
])}
<p><a href="/portal/services/${service.id}">The service's dashboard</a> · <a href="/portal/services/${service.id}/benchmark">Its benchmark</a></p>
<h2>Wards</h2>
${
  wards.length === 0
    ? html`<p>No wards yet. A service without wards assesses as a whole.</p>`
    : html`<ul class="nhsuk-list nhsuk-list--border">${wards.map(
        (ward) => html`<li>${ward.name}${ward.active ? "" : html` ${tag("Closed", "grey")}`}</li>`,
      )}</ul>`
}
<form method="post" action="${here}/wards" novalidate>
  ${csrfField(person.csrfToken)}
  ${textInput({ name: "wardName", label: "Add a ward", hint: "The ward's name, for example Ash ward.", value: values.wardName, error: errors.byField.wardName })}
  ${button("Add ward", { secondary: true })}
</form>
<h2>Accounts</h2>
${
  accounts.length === 0
    ? html`<p>Nobody can sign in for this service yet.</p>`
    : html`<ul class="nhsuk-list nhsuk-list--border">${accounts.map(
        (account) =>
          html`<li>${account.displayName} – ${account.login} (${ROLES[account.role] ?? account.role})${account.revoked ? html` ${tag("Revoked", "grey")}` : ""}</li>`,
      )}</ul>`
}
<h2>The service's login</h2>
<p>${
      serviceLogin === undefined
        ? "The service's own login lets its lead sign in and invite the rest of the team."
        : html`The service signs in as <strong>${serviceLogin.login}</strong>. Issuing a new one-time password signs it out everywhere and it must choose a new password.`
    }</p>
<form method="post" action="${here}/login" novalidate>
  ${csrfField(person.csrfToken)}
  ${textInput({ name: "login", label: LOGIN_FIELDS.login.label, hint: serviceLogin === undefined ? "Leave blank to use the service's name, in lower case with hyphens." : "Leave blank to keep the current sign-in name.", value: values.login || (serviceLogin?.login ?? ""), error: errors.byField.login, autocomplete: "off", spellcheck: false })}
  ${button(serviceLogin === undefined ? "Issue a login" : "Issue a new one-time password", { secondary: true })}
</form>`,
    hasErrors(errors) ? 400 : 200,
  );
};

const issuedPage = (c: WebContext, service: ServiceView, issued: IssuedLogin) =>
  renderPage(
    c,
    { title: `Login for ${service.name}`, crumbs, styles: ["network.css"] },
    html`<h1>Login for ${service.name}</h1>
${warningCallout(
  "Copy the one-time password now",
  html`<p>It is shown only this once. If it is lost, issue a new one.</p>`,
)}
${summaryList([
  { key: "Sign-in name", value: html`<span class="app-secret">${issued.login}</span>` },
  {
    key: "One-time password",
    value: html`<span class="app-secret" id="one-time-password">${issued.oneTimePassword}</span>`,
  },
])}
<p>Give both to the service's lead in a safe way, for example by phone. When they first sign in they choose a password only they know.</p>
<p><a href="${servicePath(service.id)}">Back to ${service.name}</a></p>`,
  );

const loginErrors = (answer: ApiAnswer): FormErrors =>
  answer.status === 409 && typeof answer.body?.detail === "string"
    ? singleError("login", `${answer.body.detail} Choose another sign-in name.`)
    : errorsFromProblem(answer, LOGIN_FIELDS);

export const registerNetworkService = (web: Hono<WebEnv>): void => {
  web.get(
    "/network/services/:serviceId",
    adminPage((c, person) => servicePage(c, person, { wardName: "", login: "" }, noErrors)),
  );

  web.post(
    "/network/services/:serviceId/wards",
    adminPage(async (c, person) => {
      const serviceId = c.req.param("serviceId") ?? "";
      const wardName = field(await readForm(c), "wardName");
      const answer = await c.var.api.post(apiPath`/api/v1/services/${serviceId}/wards`, {
        name: wardName,
      });
      if (isOk(answer)) return seeOther(c, `${servicePath(serviceId)}?ward-added=1`);
      const errors =
        answer.status === 409 && typeof answer.body?.detail === "string"
          ? singleError("wardName", answer.body.detail)
          : errorsFromProblem(answer, WARD_FIELDS, (apiField) =>
              apiField === "body.name" ? "wardName" : undefined,
            );
      return servicePage(c, person, { wardName, login: "" }, errors);
    }),
  );

  web.post(
    "/network/services/:serviceId/login",
    adminPage(async (c, person) => {
      const serviceId = c.req.param("serviceId") ?? "";
      const login = field(await readForm(c), "login").trim();
      const answer = await c.var.api.post(
        apiPath`/api/v1/services/${serviceId}/login`,
        login === "" ? {} : { login },
      );
      if (!isOk(answer))
        return servicePage(c, person, { wardName: "", login }, loginErrors(answer));
      const service = expectOk<ServiceView>(
        await c.var.api.get(apiPath`/api/v1/services/${serviceId}`),
      );
      return issuedPage(c, service, answer.body as IssuedLogin);
    }),
  );
};
