// A cycle's peer-review rounds and generating a new draft: reciprocal pairs across organisations
// among the services taking part in an area, avoiding last cycle's pairs (the API's pairing).
import type { Hono } from "hono";
import { apiPath, expectOk, isOk } from "../../api.ts";
import { button, notificationBanner, tag } from "../../components/basics.ts";
import { select } from "../../components/fields.ts";
import type { WebContext, WebEnv } from "../../env.ts";
import { formatDateTime } from "../../format.ts";
import {
  csrfField,
  errorSummary,
  errorsFromProblem,
  type FormErrors,
  field,
  hasErrors,
  noErrors,
  readForm,
} from "../../forms.ts";
import { html } from "../../html.ts";
import { type Person, renderPage, seeOther } from "../../render.ts";
import type { CycleStandards } from "../benchmarkViews.ts";
import { adminPage, cyclePath, networkCrumbs, type RoundSummary, roundPath } from "./views.ts";

const FIELDS = { area: { label: "Area the pairs review", message: "Choose an area" } };

const roundsPage = async (c: WebContext, person: Person, area: string, errors: FormErrors) => {
  const param = c.req.param("cycle") ?? "";
  const api = c.var.api;
  const rounds = expectOk<ReadonlyArray<RoundSummary>>(
    await api.get(apiPath`/api/v1/cycles/${param}/peer-review-rounds`),
  );
  const standards = expectOk<CycleStandards>(
    await api.get(apiPath`/api/v1/cycles/${param}/standards`),
  );
  const cycle = rounds[0]?.cycle ?? param.replace("-", "/");
  const published = rounds.find((round) => round.status === "published");
  return renderPage(
    c,
    {
      title: `Peer review in ${cycle}`,
      crumbs: networkCrumbs({ text: `Cycle ${cycle}`, href: cyclePath(cycle) }),
      hasErrors: hasErrors(errors),
    },
    html`${errorSummary(errors)}
${c.req.query("deleted") === "1" ? notificationBanner("The draft round has been deleted.", { success: true }) : ""}
<span class="nhsuk-caption-l">Cycle ${cycle}</span>
<h1>Peer review</h1>
<p>In a round, services review each other in pairs: each pair joins two different organisations and reviews the same area. A cycle has one published round; drafts can be changed until then.</p>
${
  rounds.length === 0
    ? html`<p>There are no rounds for this cycle yet.</p>`
    : html`<ul class="nhsuk-list nhsuk-list--border">${rounds.map(
        (round) =>
          html`<li><a href="${roundPath(round.id)}">Round made ${formatDateTime(round.createdAt)}</a> ${round.status === "published" ? tag("Published", "green") : tag("Draft", "blue")} – ${round.pairCount} ${round.pairCount === 1 ? "pair" : "pairs"}</li>`,
      )}</ul>`
}
${
  published === undefined
    ? html`<form method="post" action="${cyclePath(cycle, "/peer-review")}" novalidate>
  ${csrfField(person.csrfToken)}
  <h2>Generate a draft round</h2>
  ${select({
    name: "area",
    label: FIELDS.area.label,
    hint: "Every service that takes part in this area this cycle is paired; you can change single pairs before publishing.",
    value: area,
    error: errors.byField.area,
    choices: [
      { value: "", text: "Choose an area" },
      ...standards.areas.map((item) => ({ value: item.slug, text: item.name })),
    ],
  })}
  ${button("Generate draft round")}
</form>`
    : html`<p>This cycle's round has been published.</p>`
}`,
    hasErrors(errors) ? 400 : 200,
  );
};

export const registerNetworkPeerReview = (web: Hono<WebEnv>): void => {
  web.get(
    "/network/cycles/:cycle/peer-review",
    adminPage((c, person) => roundsPage(c, person, "", noErrors)),
  );

  web.post(
    "/network/cycles/:cycle/peer-review",
    adminPage(async (c, person) => {
      const param = c.req.param("cycle") ?? "";
      const area = field(await readForm(c), "area");
      const answer = await c.var.api.post(apiPath`/api/v1/cycles/${param}/peer-review-rounds`, {
        area,
      });
      if (isOk(answer)) return seeOther(c, `${roundPath(answer.body.id)}?generated=1`);
      return roundsPage(c, person, area, errorsFromProblem(answer, FIELDS));
    }),
  );
};
