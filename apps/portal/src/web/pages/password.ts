// Changing one's password; forced after a one-time password (the API refuses everything else until
// then, and every page sends such accounts here).
import type { Hono } from "hono";
import { button, insetText } from "../components/basics.ts";
import { passwordInput } from "../components/fields.ts";
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
import { type Person, renderPage, safeNext, seeOther, signedIn } from "../render.ts";

const fieldsFor = (forced: boolean) => ({
  currentPassword: forced
    ? { label: "One-time password", message: "Enter the one-time password you were given" }
    : { label: "Current password", message: "Enter your current password" },
  newPassword: { label: "New password", message: "Enter a new password" },
});

const passwordForm = (c: WebContext, person: Person, next: string, errors: FormErrors) => {
  const forced = person.mustChangePassword;
  const title = forced ? "Choose your own password" : "Change your password";
  const labels = fieldsFor(forced);
  return renderPage(
    c,
    {
      title,
      hasErrors: errors.items.length > 0,
      ...(forced ? {} : { back: { href: "/portal/" } }),
    },
    html`${errorSummary(errors)}
<h1>${title}</h1>
${forced ? insetText("You signed in with a one-time password. Choose a password only you know before you continue.") : ""}
<form method="post" action="/portal/password" novalidate>
  ${csrfField(person.csrfToken)}
  <input type="hidden" name="next" value="${next}">
  ${passwordInput({ name: "currentPassword", label: labels.currentPassword.label, autocomplete: "current-password", error: errors.byField.currentPassword })}
  ${passwordInput({ name: "newPassword", label: labels.newPassword.label, hint: "Use at least 8 characters. A few unrelated words are easy to remember and hard to guess. Common passwords are refused.", autocomplete: "new-password", error: errors.byField.newPassword })}
  ${button(forced ? "Save and continue" : "Change password")}
</form>
<p>Changing your password signs you out everywhere else.</p>`,
    errors.items.length > 0 ? 400 : 200,
  );
};

export const registerPassword = (web: Hono<WebEnv>): void => {
  web.get(
    "/password",
    signedIn((c, person) => passwordForm(c, person, safeNext(c.req.query("next")), noErrors), {
      allowPasswordChange: true,
    }),
  );

  web.post(
    "/password",
    signedIn(
      async (c, person) => {
        const form = await readForm(c);
        const answer = await c.var.api.post("/api/v1/session/password", {
          currentPassword: field(form, "currentPassword"),
          newPassword: field(form, "newPassword"),
        });
        const next = safeNext(field(form, "next"));
        // The dashboard confirms the change; any other page asked for before signing in just opens.
        if (answer.status === 204)
          return seeOther(c, next === "/portal/" ? "/portal/?password-changed=1" : next);
        return passwordForm(
          c,
          person,
          next,
          errorsFromProblem(answer, fieldsFor(person.mustChangePassword)),
        );
      },
      { allowPasswordChange: true },
    ),
  );
};
