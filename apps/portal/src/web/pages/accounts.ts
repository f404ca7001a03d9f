// A service lead's people: the service's accounts with their roles, inviting someone (they get a
// one-time password, shown once), and revoking an account.
import type { Hono } from "hono";
import { apiPath, expectOk } from "../api.ts";
import { button, insetText, notificationBanner, summaryList, tag } from "../components/basics.ts";
import { radios, textInput } from "../components/fields.ts";
import type { WebContext, WebEnv } from "../env.ts";
import {
  csrfField,
  errorSummary,
  errorsFromProblem,
  type FormErrors,
  field,
  noErrors,
  readForm,
} from "../forms.ts";
import { html } from "../html.ts";
import { type Person, renderPage, seeOther, signedIn } from "../render.ts";

interface AccountView {
  readonly id: string;
  readonly login: string;
  readonly displayName: string;
  readonly role: string;
  readonly revoked: boolean;
}

export const ROLE_NAMES: Record<string, string> = {
  "service-login": "Service login (shared)",
  "service-lead": "Service lead",
  staff: "Staff",
  "service-user-rep": "Service user representative",
  "network-admin": "Network admin",
};

const FIELDS = {
  email: {
    label: "Email address",
    message: "Enter an email address in the right format, like name@example.nhs.uk",
  },
  displayName: { label: "Name", message: "Enter their name" },
  role: { label: "Role", message: "Choose a role" },
};

const base = (c: WebContext) => `/portal/services/${c.req.param("serviceId") ?? ""}/accounts`;

const listPage = async (c: WebContext, person: Person) => {
  const serviceId = c.req.param("serviceId") ?? "";
  const accounts = expectOk<ReadonlyArray<AccountView>>(
    await c.var.api.get(apiPath`/api/v1/services/${serviceId}/accounts`),
  );
  return renderPage(
    c,
    { title: "Accounts", wide: true, crumbs: [{ text: "Dashboard", href: "/portal/" }] },
    html`${c.req.query("revoked") === "1" ? notificationBanner("The account has been revoked.", { success: true }) : ""}
<h1>Accounts</h1>
<p>People who can sign in for your service. Invite individual accounts so changes show who made them.</p>
<p><a class="nhsuk-button" data-module="nhsuk-button" role="button" draggable="false" href="${base(c)}/new">Invite someone</a></p>
<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Your service's accounts</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><th scope="col" class="nhsuk-table__header">Name</th><th scope="col" class="nhsuk-table__header">Sign-in name</th><th scope="col" class="nhsuk-table__header">Role</th><th scope="col" class="nhsuk-table__header"><span class="nhsuk-u-visually-hidden">Actions</span></th></tr></thead>
  <tbody class="nhsuk-table__body">
  ${accounts.map(
    (account) => html`<tr class="nhsuk-table__row">
    <td class="nhsuk-table__cell">${account.displayName}</td>
    <td class="nhsuk-table__cell">${account.login}</td>
    <td class="nhsuk-table__cell">${ROLE_NAMES[account.role] ?? account.role} ${account.revoked ? tag("Revoked", "grey") : ""}</td>
    <td class="nhsuk-table__cell">${
      account.revoked || account.id === person.accountId
        ? ""
        : html`<form method="post" action="${base(c)}/${account.id}/revoke" novalidate>${csrfField(person.csrfToken)}<button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" data-module="nhsuk-button" type="submit">Revoke<span class="nhsuk-u-visually-hidden"> ${account.displayName}</span></button></form>`
    }</td>
  </tr>`,
  )}
  </tbody>
</table>
<p><a href="/portal/services/${serviceId}/tokens">API tokens for other systems</a></p>`,
  );
};

const inviteForm = (
  c: WebContext,
  person: Person,
  values: Record<string, string>,
  errors: FormErrors,
) =>
  renderPage(
    c,
    {
      title: "Invite someone",
      hasErrors: errors.items.length > 0,
      crumbs: [
        { text: "Dashboard", href: "/portal/" },
        { text: "Accounts", href: base(c) },
      ],
    },
    html`${errorSummary(errors)}
<h1>Invite someone</h1>
<form method="post" action="${base(c)}/new" novalidate>
  ${csrfField(person.csrfToken)}
  ${textInput({ name: "email", label: FIELDS.email.label, hint: "They sign in with it.", type: "email", autocomplete: "off", spellcheck: false, value: values.email, error: errors.byField.email })}
  ${textInput({ name: "displayName", label: FIELDS.displayName.label, value: values.displayName, error: errors.byField.displayName })}
  ${radios({
    name: "role",
    legend: FIELDS.role.label,
    value: values.role,
    error: errors.byField.role,
    choices: [
      { value: "staff", text: "Staff", hint: "Scores, evidence and actions; can submit." },
      {
        value: "service-user-rep",
        text: "Service user representative",
        hint: "Takes part fully; the lead or staff press submit.",
      },
      {
        value: "service-lead",
        text: "Service lead",
        hint: "Everything, including accounts, tokens and calendar feeds.",
      },
    ],
  })}
  ${button("Invite")}
</form>`,
    errors.items.length > 0 ? 400 : 200,
  );

export const registerAccountPages = (web: Hono<WebEnv>): void => {
  web.get("/services/:serviceId/accounts", signedIn(listPage));
  web.get(
    "/services/:serviceId/accounts/new",
    signedIn((c, person) =>
      inviteForm(c, person, { email: "", displayName: "", role: "staff" }, noErrors),
    ),
  );
  web.post(
    "/services/:serviceId/accounts/new",
    signedIn(async (c, person) => {
      const form = await readForm(c);
      const values = {
        email: field(form, "email"),
        displayName: field(form, "displayName"),
        role: field(form, "role"),
      };
      const answer = await c.var.api.post(
        apiPath`/api/v1/services/${c.req.param("serviceId") ?? ""}/accounts`,
        values,
      );
      if (answer.status !== 201)
        return inviteForm(c, person, values, errorsFromProblem(answer, FIELDS));
      // The one-time password exists only in this answer: shown once, never stored in clear.
      const created = answer.body as { account: AccountView; oneTimePassword: string };
      return renderPage(
        c,
        {
          title: "Account created",
          crumbs: [
            { text: "Dashboard", href: "/portal/" },
            { text: "Accounts", href: base(c) },
          ],
        },
        html`<div class="nhsuk-panel"><h1 class="nhsuk-panel__title">Account created</h1><div class="nhsuk-panel__body">${created.account.displayName} can now sign in</div></div>
${summaryList([
  { key: "Sign-in name", value: created.account.login },
  {
    key: "One-time password",
    value: html`<code class="app-secret">${created.oneTimePassword}</code>`,
  },
  { key: "Role", value: ROLE_NAMES[created.account.role] ?? created.account.role },
])}
${insetText("Give them the one-time password in person or by phone, not in the same email as the sign-in name. It is shown only now; they choose their own password when they first sign in.")}
<p><a href="${base(c)}">Back to accounts</a></p>`,
      );
    }),
  );
  web.post(
    "/services/:serviceId/accounts/:accountId/revoke",
    signedIn(async (c) => {
      const answer = await c.var.api.delete(
        apiPath`/api/v1/services/${c.req.param("serviceId") ?? ""}/accounts/${c.req.param("accountId") ?? ""}`,
      );
      expectOk(answer);
      return seeOther(c, `${base(c)}?revoked=1`);
    }),
  );
};
