// Editing one area's best-practice themes for a cycle: what the network team saw working, in their
// own words, printed in the network pack. A title per theme, an optional detail; blank rows are
// left out, so three spare rows are offered each time (up to the API's 20).
import type { Hono } from "hono";
import { type ApiAnswer, apiPath, expectOk, isOk } from "../../api.ts";
import { button, insetText } from "../../components/basics.ts";
import { textarea, textInput } from "../../components/fields.ts";
import type { WebContext, WebEnv } from "../../env.ts";
import {
  csrfField,
  errorSummary,
  type FormErrors,
  field,
  hasErrors,
  noErrors,
  readForm,
} from "../../forms.ts";
import { html } from "../../html.ts";
import { type Person, renderPage, seeOther } from "../../render.ts";
import { notFoundPage } from "../errors.ts";
import {
  adminPage,
  type CycleThemesView,
  cyclePath,
  networkCrumbs,
  type ThemeView,
} from "./views.ts";

const MAX_THEMES = 20;
const SPARE_ROWS = 3;

interface Row {
  readonly title: string;
  readonly detail: string;
}

const themesPage = async (
  c: WebContext,
  person: Person,
  rows: ReadonlyArray<Row> | undefined,
  errors: FormErrors,
) => {
  const param = c.req.param("cycle") ?? "";
  const slug = c.req.param("area") ?? "";
  const all = expectOk<CycleThemesView>(
    await c.var.api.get(apiPath`/api/v1/cycles/${param}/themes`),
  );
  const area = all.areas.find((entry) => entry.area === slug);
  if (area === undefined) return notFoundPage(c);
  const filled =
    rows ?? area.themes.map((theme) => ({ title: theme.title, detail: theme.detail ?? "" }));
  const shown = [
    ...filled,
    ...Array.from(
      { length: Math.max(0, Math.min(SPARE_ROWS, MAX_THEMES - filled.length)) },
      () => ({
        title: "",
        detail: "",
      }),
    ),
  ];
  const results = cyclePath(all.cycle, "/results");
  return renderPage(
    c,
    {
      title: `Best-practice themes: ${area.name}`,
      crumbs: networkCrumbs({ text: `Network results ${all.cycle}`, href: results }),
      hasErrors: hasErrors(errors),
    },
    html`${errorSummary(errors)}
<span class="nhsuk-caption-l">${all.cycle}</span>
<h1>Best-practice themes: ${area.name}</h1>
<p>What the network saw working in this area, in a few words each. They are printed in the network pack.</p>
${insetText("Write them so that no service and no person can be identified.")}
<form method="post" action="${cyclePath(all.cycle, `/themes/${encodeURIComponent(area.area)}`)}" novalidate>
  ${csrfField(person.csrfToken)}
  ${shown.map(
    (row, index) => html`<fieldset class="nhsuk-fieldset">
    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Theme ${index + 1}</legend>
    ${textInput({ name: `title-${index}`, label: "Title", value: row.title, error: errors.byField[`title-${index}`] })}
    ${textarea({ name: `detail-${index}`, label: "Detail (optional)", value: row.detail, rows: 2, error: errors.byField[`detail-${index}`] })}
  </fieldset>`,
  )}
  <p>Leave a theme's title and detail empty to remove it. Save to get more empty rows.</p>
  ${button("Save themes")}
</form>`,
    hasErrors(errors) ? 400 : 200,
  );
};

/** The API's problems per theme, beside the row they are about. */
const themeErrors = (answer: ApiAnswer): FormErrors => {
  const problems: ReadonlyArray<{ field?: unknown; message?: unknown }> = Array.isArray(
    answer.body?.errors,
  )
    ? answer.body.errors
    : [];
  const items: Array<{ href: string | undefined; text: string }> = [];
  const byField: Record<string, string> = {};
  for (const problem of problems) {
    const match = /^body\.themes\.(\d+)\.(title|detail)$/u.exec(String(problem.field ?? ""));
    if (match === null) {
      items.push({ href: undefined, text: String(problem.message ?? "is not valid") });
      continue;
    }
    const row = Number(match[1]);
    const name = `${match[2]}-${row}`;
    const text =
      match[2] === "title"
        ? `The title of theme ${row + 1} must be 160 characters or fewer`
        : `The detail of theme ${row + 1} must be 1,200 characters or fewer`;
    byField[name] ??= text;
    items.push({ href: `#${name}`, text });
  }
  if (items.length === 0)
    items.push({
      href: undefined,
      text:
        typeof answer.body?.detail === "string"
          ? answer.body.detail
          : "The themes could not be saved",
    });
  return { items, byField };
};

const save = async (c: WebContext, person: Person) => {
  const param = c.req.param("cycle") ?? "";
  const slug = c.req.param("area") ?? "";
  const form = await readForm(c);
  // Blank rows are dropped, so theme i sent to the API is row i shown again after an error.
  const kept: Array<Row> = [];
  for (let index = 0; index < MAX_THEMES + SPARE_ROWS; index++) {
    const row = {
      title: field(form, `title-${index}`).trim(),
      detail: field(form, `detail-${index}`).trim(),
    };
    if (row.title !== "" || row.detail !== "") kept.push(row);
  }
  const untitled = kept.findIndex((row) => row.title === "");
  if (untitled >= 0)
    return themesPage(c, person, kept, {
      items: [
        {
          href: `#title-${untitled}`,
          text: `Enter a title for theme ${untitled + 1}, or clear its detail`,
        },
      ],
      byField: { [`title-${untitled}`]: "Enter a title, or clear the detail" },
    });
  const themes: Array<ThemeView> = kept.map((row) =>
    row.detail === "" ? { title: row.title } : { title: row.title, detail: row.detail },
  );
  const answer = await c.var.api.put(apiPath`/api/v1/cycles/${param}/areas/${slug}/themes`, {
    themes,
  });
  if (isOk(answer))
    return seeOther(
      c,
      `${cyclePath(param, "/results")}?themes-saved=1#area-${encodeURIComponent(slug)}`,
    );
  return themesPage(c, person, kept, themeErrors(answer));
};

export const registerNetworkThemes = (web: Hono<WebEnv>): void => {
  web.get(
    "/network/cycles/:cycle/themes/:area",
    adminPage((c, person) => themesPage(c, person, undefined, noErrors)),
  );
  web.post("/network/cycles/:cycle/themes/:area", adminPage(save));
};
