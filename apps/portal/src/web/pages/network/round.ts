// One peer-review round: its pairs and the services in no pair (with the reason), and for a draft,
// changing pairs, adding one, publishing and deleting. Every change carries the version the admin
// saw; if someone else changed the round meanwhile, the page shows the round as it is now.
import type { Hono } from "hono";
import { type ApiAnswer, apiPath, expectOk, isOk } from "../../api.ts";
import { button, notificationBanner, tag, warningCallout } from "../../components/basics.ts";
import { select } from "../../components/fields.ts";
import type { WebContext, WebEnv } from "../../env.ts";
import { cycleParam, formatDateTime } from "../../format.ts";
import {
  csrfField,
  errorSummary,
  type FormData,
  type FormErrors,
  field,
  fields,
  hasErrors,
  noErrors,
  readForm,
  singleError,
} from "../../forms.ts";
import { type Html, html } from "../../html.ts";
import { type Person, renderPage, seeOther } from "../../render.ts";
import type { CycleStandards } from "../benchmarkViews.ts";
import {
  adminPage,
  cyclePath,
  networkCrumbs,
  type RoundView,
  roundPath,
  type ServiceRef,
} from "./views.ts";

const serviceText = (service: ServiceRef) => `${service.name} (${service.organisation.name})`;

const pairText = (pair: RoundView["pairs"][number]) =>
  `${serviceText(pair.services[0])} and ${serviceText(pair.services[1])}`;

interface Areas {
  readonly choices: ReadonlyArray<{ readonly value: string; readonly text: string }>;
}

const removeBox = (
  index: number,
  pair: RoundView["pairs"][number],
  checked: boolean,
) => html`<div class="nhsuk-checkboxes nhsuk-checkboxes--small">
  <div class="nhsuk-checkboxes__item">
    <input class="nhsuk-checkboxes__input" id="remove-${index}" name="remove" type="checkbox" value="${index}"${checked ? " checked" : ""}>
    <label class="nhsuk-label nhsuk-checkboxes__label" for="remove-${index}">Remove<span class="nhsuk-u-visually-hidden"> the pair ${pairText(pair)}</span></label>
  </div>
</div>`;

const pairsTable = (
  round: RoundView,
  editable: Areas | undefined,
  form: FormData,
) => html`<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption">Pairs (${round.pairs.length})</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Services (each reviews the other)</th>
    <th scope="col" class="nhsuk-table__header">Area</th>
    <th scope="col" class="nhsuk-table__header">Paired last cycle too</th>
    ${editable === undefined ? "" : html`<th scope="col" class="nhsuk-table__header">Change</th>`}
  </tr></thead>
  <tbody class="nhsuk-table__body">
    ${round.pairs.map(
      (pair, index) => html`<tr class="nhsuk-table__row">
      <td class="nhsuk-table__cell">${serviceText(pair.services[0])}<br>${serviceText(pair.services[1])}</td>
      <td class="nhsuk-table__cell">${
        editable === undefined
          ? pair.area.name
          : select({
              name: `area-${index}`,
              label: `Area for ${pairText(pair)}`,
              labelClass: "nhsuk-u-visually-hidden",
              value: field(form, `area-${index}`) || pair.area.slug,
              choices: editable.choices,
            })
      }</td>
      <td class="nhsuk-table__cell">${pair.repeatsPreviousCycle ? tag("Yes", "yellow") : "No"}</td>
      ${editable === undefined ? "" : html`<td class="nhsuk-table__cell">${removeBox(index, pair, fields(form, "remove").includes(String(index)))}</td>`}
    </tr>`,
    )}
  </tbody>
</table>`;

const addPair = (round: RoundView, areas: Areas, form: FormData, errors: FormErrors) => {
  const services = [
    { value: "", text: "Choose a service" },
    ...round.unpaired.map((entry) => ({
      value: entry.service.id,
      text: serviceText(entry.service),
    })),
  ];
  if (round.unpaired.length < 2) return html``;
  return html`<h2>Add a pair</h2>
<p>From the services in no pair. To pair a service that is in a pair now, remove that pair first and save.</p>
${select({ name: "new-a", label: "First service", value: field(form, "new-a"), error: errors.byField["new-a"], choices: services })}
${select({ name: "new-b", label: "Second service", value: field(form, "new-b"), error: errors.byField["new-b"], choices: services })}
${select({ name: "new-area", label: "Area they review", value: field(form, "new-area") || (round.pairs[0]?.area.slug ?? ""), error: errors.byField["new-area"], choices: areas.choices })}`;
};

const unpairedList = (round: RoundView) =>
  round.unpaired.length === 0
    ? html`<p>Every service is in a pair.</p>`
    : html`<ul class="nhsuk-list nhsuk-list--border">${round.unpaired.map(
        (entry) =>
          html`<li><strong>${serviceText(entry.service)}</strong><br><span class="nhsuk-body-s">${entry.reason}</span></li>`,
      )}</ul>`;

const banner = (c: WebContext): Html | "" => {
  const done = {
    generated: "The draft round has been generated. Check the pairs, then publish it.",
    saved: "The round's pairs have been saved.",
    published:
      "The round has been published: each pair can now open the other's assessment of its area.",
  } as const;
  for (const [flag, message] of Object.entries(done))
    if (c.req.query(flag) === "1") return notificationBanner(message, { success: true });
  return "";
};

const roundPage = async (
  c: WebContext,
  person: Person,
  options: {
    readonly round?: RoundView;
    readonly form?: FormData;
    readonly errors?: FormErrors;
    readonly stale?: boolean;
  } = {},
) => {
  const roundId = c.req.param("roundId") ?? "";
  const api = c.var.api;
  const round =
    options.round ??
    expectOk<RoundView>(await api.get(apiPath`/api/v1/peer-review-rounds/${roundId}`));
  const errors = options.errors ?? noErrors;
  const form = options.form ?? {};
  const standards = expectOk<CycleStandards>(
    await api.get(apiPath`/api/v1/cycles/${cycleParam(round.cycle)}/standards`),
  );
  const areas = { choices: standards.areas.map((area) => ({ value: area.slug, text: area.name })) };
  const draft = round.status === "draft";
  const here = roundPath(round.id);
  return renderPage(
    c,
    {
      title: `Peer-review round, ${round.cycle}`,
      crumbs: networkCrumbs(
        { text: `Cycle ${round.cycle}`, href: cyclePath(round.cycle) },
        { text: "Peer review", href: cyclePath(round.cycle, "/peer-review") },
      ),
      hasErrors: hasErrors(errors),
      wide: true,
    },
    html`${errorSummary(errors)}
${banner(c)}
${options.stale ? warningCallout("Someone else changed this round", html`<p>It changed while you were editing it. This is the round as it is now: make your changes again.</p>`) : ""}
<span class="nhsuk-caption-l">Cycle ${round.cycle}</span>
<h1>Peer-review round ${draft ? tag("Draft", "blue") : tag("Published", "green")}</h1>
<p>Made ${formatDateTime(round.createdAt)}${round.publishedAt === null ? "" : `, published ${formatDateTime(round.publishedAt)}`}.</p>
${
  draft
    ? html`<form method="post" action="${here}" novalidate>
  ${csrfField(person.csrfToken)}
  <input type="hidden" name="version" value="${round.version}">
  ${pairsTable(round, areas, options.stale ? {} : form)}
  <div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">
  ${addPair(round, areas, options.stale ? {} : form, errors)}
  ${button("Save changes", { secondary: true })}
  </div></div>
</form>`
    : pairsTable(round, undefined, {})
}
<h2>Services in no pair</h2>
${unpairedList(round)}
${
  draft
    ? html`<h2>Publish</h2>
<p>Publishing lets each pair open the other's assessment of its area. A published round cannot be changed.</p>
<form method="post" action="${here}/publish" novalidate>
  ${csrfField(person.csrfToken)}
  <input type="hidden" name="version" value="${round.version}">
  ${button("Publish this round")}
</form>
<form method="post" action="${here}/delete" novalidate>
  ${csrfField(person.csrfToken)}
  ${button("Delete this draft", { warning: true })}
</form>`
    : ""
}`,
    hasErrors(errors) ? 400 : 200,
  );
};

/** The API names pairs by their place in the list it was sent; the page speaks of services. */
const plainMessage = (message: string): string => {
  const text = message
    .replace(/\bpairs\.\d+\b/gu, "another pair")
    .replace(/\bservices\.0\b/gu, "the first service");
  const sentence = text.startsWith("is ") ? `This service ${text}` : text;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`.replace(/[.]?$/u, "");
};

/** Maps the API's problems about the sent pairs back to the form: the new pair's fields by name. */
const pairErrors = (answer: ApiAnswer, newIndex: number | undefined): FormErrors => {
  const problems: ReadonlyArray<{ field?: unknown; message?: unknown }> = Array.isArray(
    answer.body?.errors,
  )
    ? answer.body.errors
    : [];
  if (problems.length === 0) {
    const detail =
      typeof answer.body?.detail === "string"
        ? answer.body.detail
        : "The round could not be changed";
    return singleError(undefined, detail);
  }
  const items: Array<{ href: string | undefined; text: string }> = [];
  const byField: Record<string, string> = {};
  for (const problem of problems) {
    const apiField = typeof problem.field === "string" ? problem.field : "";
    const text = plainMessage(
      typeof problem.message === "string" ? problem.message : "is not valid",
    );
    const match = /^body\.pairs\.(\d+)\.(services\.(\d)|area)$/u.exec(apiField);
    const name =
      match !== null && Number(match[1]) === newIndex
        ? match[2] === "area"
          ? "new-area"
          : match[3] === "0"
            ? "new-a"
            : "new-b"
        : undefined;
    if (name !== undefined && byField[name] === undefined) {
      byField[name] = text;
      items.push({ href: `#${name}`, text });
    } else items.push({ href: undefined, text });
  }
  return { items, byField };
};

const save = async (c: WebContext, person: Person) => {
  const roundId = c.req.param("roundId") ?? "";
  const form = await readForm(c);
  const round = expectOk<RoundView>(
    await c.var.api.get(apiPath`/api/v1/peer-review-rounds/${roundId}`),
  );
  const removed = new Set(fields(form, "remove"));
  const kept = round.pairs.flatMap((pair, index) =>
    removed.has(String(index))
      ? []
      : [
          {
            services: [pair.services[0].id, pair.services[1].id] as const,
            area: field(form, `area-${index}`) || pair.area.slug,
          },
        ],
  );
  const [first, second] = [field(form, "new-a"), field(form, "new-b")];
  if ((first === "") !== (second === ""))
    return roundPage(c, person, {
      round,
      form,
      errors: singleError(first === "" ? "new-a" : "new-b", "Choose both services of the new pair"),
    });
  if (first !== "" && first === second)
    return roundPage(c, person, {
      round,
      form,
      errors: singleError("new-b", "Choose two different services: a service never reviews itself"),
    });
  const adding = first !== "";
  const pairs = adding
    ? [...kept, { services: [first, second] as const, area: field(form, "new-area") }]
    : kept;
  const answer = await c.var.api.patch(apiPath`/api/v1/peer-review-rounds/${roundId}`, {
    version: Number(field(form, "version")),
    pairs,
  });
  if (isOk(answer)) return seeOther(c, `${roundPath(roundId)}?saved=1`);
  if (answer.status === 409 && answer.body?.current != null)
    return roundPage(c, person, { round: answer.body.current as RoundView, stale: true });
  return roundPage(c, person, {
    round,
    form,
    errors: pairErrors(answer, adding ? kept.length : undefined),
  });
};

const publish = async (c: WebContext, person: Person) => {
  const roundId = c.req.param("roundId") ?? "";
  const form = await readForm(c);
  const answer = await c.var.api.post(apiPath`/api/v1/peer-review-rounds/${roundId}/publish`, {
    version: Number(field(form, "version")),
  });
  if (isOk(answer)) return seeOther(c, `${roundPath(roundId)}?published=1`);
  if (answer.status === 409 && answer.body?.current != null)
    return roundPage(c, person, { round: answer.body.current as RoundView, stale: true });
  return roundPage(c, person, { errors: pairErrors(answer, undefined) });
};

const remove = async (c: WebContext, person: Person) => {
  const roundId = c.req.param("roundId") ?? "";
  const round = expectOk<RoundView>(
    await c.var.api.get(apiPath`/api/v1/peer-review-rounds/${roundId}`),
  );
  const answer = await c.var.api.delete(apiPath`/api/v1/peer-review-rounds/${roundId}`);
  if (isOk(answer)) return seeOther(c, `${cyclePath(round.cycle, "/peer-review")}?deleted=1`);
  return roundPage(c, person, { round, errors: pairErrors(answer, undefined) });
};

export const registerNetworkRound = (web: Hono<WebEnv>): void => {
  web.get(
    "/network/peer-review/:roundId",
    adminPage((c, person) => roundPage(c, person)),
  );
  web.post("/network/peer-review/:roundId", adminPage(save));
  web.post("/network/peer-review/:roundId/publish", adminPage(publish));
  web.post("/network/peer-review/:roundId/delete", adminPage(remove));
};
