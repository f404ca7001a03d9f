// Signing in and out. The API sets and clears the session cookie; the page passes its Set-Cookie on.
import type { Hono } from "hono";
import { button, notificationBanner } from "../components/basics.ts";
import { passwordInput, textInput } from "../components/fields.ts";
import type { WebContext, WebEnv } from "../env.ts";
import {
  errorSummary,
  errorsFromProblem,
  type FormErrors,
  field,
  noErrors,
  readForm,
} from "../forms.ts";
import { html } from "../html.ts";
import { personOf, renderPage, safeNext, seeOther, signedIn } from "../render.ts";

const FIELDS = {
  login: { label: "Sign-in name", message: "Enter your sign-in name" },
  password: { label: "Password", message: "Enter your password" },
};

const signInForm = (
  c: WebContext,
  values: { login: string; next: string },
  errors: FormErrors,
  notice?: string,
) =>
  renderPage(
    c,
    { title: "Sign in", hasErrors: errors.items.length > 0 },
    html`${notice === undefined ? "" : notificationBanner(notice, { success: true })}
${errorSummary(errors)}
<h1>Sign in to SeQuIn</h1>
<p>Use the sign-in name and password your network team or service lead gave you.</p>
<form method="post" action="/portal/sign-in" novalidate>
  <input type="hidden" name="next" value="${values.next}">
  ${textInput({ name: "login", label: FIELDS.login.label, value: values.login, autocomplete: "username", spellcheck: false, error: errors.byField.login })}
  ${passwordInput({ name: "password", label: FIELDS.password.label, autocomplete: "current-password", error: errors.byField.password })}
  ${button("Sign in")}
</form>`,
    errors.items.length > 0 ? 400 : 200,
  );

export const registerSignIn = (web: Hono<WebEnv>): void => {
  web.get("/sign-in", (c) => {
    if (personOf(c) !== undefined) return seeOther(c, "/portal/");
    return signInForm(
      c,
      { login: "", next: safeNext(c.req.query("next")) },
      noErrors,
      c.req.query("signed-out") === "1" ? "You have signed out." : undefined,
    );
  });

  web.post("/sign-in", async (c) => {
    const form = await readForm(c);
    const values = { login: field(form, "login"), next: safeNext(field(form, "next")) };
    const answer = await c.var.api.post("/api/v1/session", {
      login: values.login,
      password: field(form, "password"),
    });
    if (answer.status === 200) {
      const response = seeOther(
        c,
        answer.body.mustChangePassword === true
          ? `/portal/password?next=${encodeURIComponent(values.next)}`
          : values.next,
      );
      const cookie = answer.headers.get("set-cookie");
      if (cookie !== null) response.headers.set("set-cookie", cookie);
      return response;
    }
    if (answer.status === 401) {
      // The same words whether the name or the password was wrong: nothing is revealed.
      const text = String(answer.body?.detail ?? "The sign-in name or password is not right.");
      return signInForm(c, values, {
        items: [{ href: "#login", text }],
        byField: { login: text },
      });
    }
    return signInForm(c, values, errorsFromProblem(answer, FIELDS));
  });

  web.post(
    "/sign-out",
    signedIn(
      async (c) => {
        const answer = await c.var.api.delete("/api/v1/session");
        const response = seeOther(c, "/portal/sign-in?signed-out=1");
        const cookie = answer.headers.get("set-cookie");
        if (cookie !== null) response.headers.set("set-cookie", cookie);
        return response;
      },
      { allowPasswordChange: true },
    ),
  );
};
