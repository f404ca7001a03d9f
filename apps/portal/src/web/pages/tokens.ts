// API tokens for a service's other systems: created with a name (the secret is shown once),
// listed without secrets, and revoked.
import type { Hono } from "hono";
import { apiPath, expectOk } from "../api.ts";
import { button, insetText, notificationBanner, tag } from "../components/basics.ts";
import { textInput } from "../components/fields.ts";
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
import { html } from "../html.ts";
import { type Person, renderPage, seeOther, signedIn } from "../render.ts";

interface TokenView {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revoked: boolean;
}

const base = (c: WebContext) => `/portal/services/${c.req.param("serviceId") ?? ""}/tokens`;

const page = async (c: WebContext, person: Person, errors: FormErrors, name = "") => {
  const tokens = expectOk<ReadonlyArray<TokenView>>(
    await c.var.api.get(apiPath`/api/v1/services/${c.req.param("serviceId") ?? ""}/tokens`),
  );
  return renderPage(
    c,
    {
      title: "API tokens",
      hasErrors: errors.items.length > 0,
      wide: true,
      crumbs: [
        { text: "Dashboard", href: "/portal/" },
        { text: "Accounts", href: `/portal/services/${c.req.param("serviceId") ?? ""}/accounts` },
      ],
    },
    html`${errorSummary(errors)}
${c.req.query("revoked") === "1" ? notificationBanner("The token has been revoked.", { success: true }) : ""}
<h1>API tokens</h1>
<p>A token lets another system read and write your service's data through the API (see the <a href="/api/docs">API reference</a>). Give each system its own token so you can revoke one without the others.</p>
${
  tokens.length === 0
    ? html`<p>No tokens yet.</p>`
    : html`<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Your service's API tokens</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><th scope="col" class="nhsuk-table__header">Name</th><th scope="col" class="nhsuk-table__header">Created</th><th scope="col" class="nhsuk-table__header">Last used</th><th scope="col" class="nhsuk-table__header"><span class="nhsuk-u-visually-hidden">Actions</span></th></tr></thead>
  <tbody class="nhsuk-table__body">${tokens.map(
    (token) => html`<tr class="nhsuk-table__row">
    <td class="nhsuk-table__cell">${token.name} ${token.revoked ? tag("Revoked", "grey") : ""}</td>
    <td class="nhsuk-table__cell">${formatDateTime(token.createdAt)}</td>
    <td class="nhsuk-table__cell">${token.lastUsedAt === null ? "Never" : formatDateTime(token.lastUsedAt)}</td>
    <td class="nhsuk-table__cell">${token.revoked ? "" : html`<form method="post" action="${base(c)}/${token.id}/revoke" novalidate>${csrfField(person.csrfToken)}<button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" data-module="nhsuk-button" type="submit">Revoke<span class="nhsuk-u-visually-hidden"> ${token.name}</span></button></form>`}</td>
  </tr>`,
  )}</tbody>
</table>`
}
<h2>Create a token</h2>
<form method="post" action="${base(c)}" novalidate>
  ${csrfField(person.csrfToken)}
  ${textInput({ name: "name", label: "What will use it", hint: "For example: Ward dashboard", value: name, error: errors.byField.name })}
  ${button("Create the token", { secondary: true })}
</form>`,
    errors.items.length > 0 ? 400 : 200,
  );
};

export const registerTokenPages = (web: Hono<WebEnv>): void => {
  web.get(
    "/services/:serviceId/tokens",
    signedIn((c, person) => page(c, person, noErrors)),
  );
  web.post(
    "/services/:serviceId/tokens",
    signedIn(async (c, person) => {
      const name = field(await readForm(c), "name");
      const answer = await c.var.api.post(
        apiPath`/api/v1/services/${c.req.param("serviceId") ?? ""}/tokens`,
        { name },
      );
      if (answer.status !== 201)
        return page(
          c,
          person,
          errorsFromProblem(answer, {
            name: { label: "What will use it", message: "Say what will use the token" },
          }),
          name,
        );
      const created = answer.body as { token: string; details: TokenView };
      return renderPage(
        c,
        {
          title: "Token created",
          crumbs: [
            { text: "Dashboard", href: "/portal/" },
            { text: "API tokens", href: base(c) },
          ],
        },
        html`<h1>Token created: ${created.details.name}</h1>
<p>Copy it into the other system now. It is shown only once.</p>
<p><code class="app-secret">${created.token}</code></p>
${insetText("Keep it secret, like a password. Send it as: Authorization: Bearer <token>.")}
<p><a href="${base(c)}">Back to API tokens</a></p>`,
      );
    }),
  );
  web.post(
    "/services/:serviceId/tokens/:tokenId/revoke",
    signedIn(async (c) => {
      expectOk(
        await c.var.api.delete(
          apiPath`/api/v1/services/${c.req.param("serviceId") ?? ""}/tokens/${c.req.param("tokenId") ?? ""}`,
        ),
      );
      return seeOther(c, `${base(c)}?revoked=1`);
    }),
  );
};
