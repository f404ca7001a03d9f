// Background jobs: recomputing the benchmarks and building the network pack. Queuing one leads to
// its page, which shows progress as a bar with words; without JavaScript a "Check progress" link
// reloads it, with JavaScript static/jobs.js follows the API's event stream and updates it live.
import type { Hono } from "hono";
import { type ApiAnswer, apiPath, expectOk, isOk } from "../../api.ts";
import { button, type TagColour, tag } from "../../components/basics.ts";
import { select } from "../../components/fields.ts";
import type { WebContext, WebEnv } from "../../env.ts";
import { cycleLabel, cycleParam, formatDateTime } from "../../format.ts";
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
import { type Html, html } from "../../html.ts";
import { type Person, renderPage, seeOther } from "../../render.ts";
import type { CycleView } from "../../views.ts";
import { adminPage, type JobStatus, type JobView, jobPath, networkCrumbs } from "./views.ts";

const FIELDS = {
  "recompute-cycle": { label: "Cycle to recompute" },
  "pack-cycle": { label: "Cycle of the pack", message: "Choose the cycle" },
};

const STATUS: Record<JobStatus, { readonly text: string; readonly colour: TagColour }> = {
  queued: { text: "Waiting to start", colour: "grey" },
  running: { text: "Running", colour: "blue" },
  succeeded: { text: "Finished", colour: "green" },
  failed: { text: "Failed", colour: "red" },
};

const payloadCycle = (job: JobView): string | undefined => {
  const cycle = (job.payload as { cycle?: unknown } | null)?.cycle;
  return typeof cycle === "string" ? cycleLabel(cycle) : undefined;
};

export const jobTitle = (job: JobView): string => {
  const cycle = payloadCycle(job);
  if (job.kind === "network-pack") return `Network pack, ${cycle ?? "a cycle"}`;
  if (job.kind === "recompute-benchmarks")
    return cycle === undefined
      ? "Recompute every cycle's benchmarks"
      : `Recompute the benchmarks of ${cycle}`;
  return job.kind;
};

/** The sentence under the bar; static/jobs.js writes the same words as the job moves on. */
const statusLine = (job: JobView): string => {
  if (job.status === "failed") return `Failed: ${job.error ?? "the job stopped"}`;
  if (job.status === "succeeded") return "Finished";
  if (job.status === "queued") return "Waiting to start";
  const percent = job.progress.percent === null ? "" : ` ${job.progress.percent}%`;
  return `Running${percent}${job.progress.message === "" ? "" : ` – ${job.progress.message}`}`;
};

const downloadLink = (job: JobView): Html | "" =>
  job.artifact === null
    ? ""
    : html`<a class="nhsuk-button" data-module="nhsuk-button" href="${job.artifact.href}" download>Download ${job.artifact.name}</a>`;

const jobPage = async (c: WebContext) => {
  const jobId = c.req.param("jobId") ?? "";
  const job = expectOk<JobView>(await c.var.api.get(apiPath`/api/v1/jobs/${jobId}`));
  const finished = job.status === "succeeded" || job.status === "failed";
  const percent = job.progress.percent;
  return renderPage(
    c,
    {
      title: jobTitle(job),
      crumbs: networkCrumbs({ text: "Background jobs", href: "/portal/network/jobs" }),
      styles: ["network.css"],
      scripts: finished ? [] : ["jobs.js"],
    },
    html`<h1>${jobTitle(job)}</h1>
<div class="app-job" data-job-events="${job.links.events}">
  <label class="nhsuk-label" for="job-progress">Progress</label>
  <progress class="app-progress" id="job-progress" max="100"${percent === null ? "" : html` value="${percent}"`}>${percent === null ? "Not known yet" : `${percent}%`}</progress>
  <p class="nhsuk-body-l" role="status" data-job-status>${statusLine(job)}</p>
  <div data-job-download>${downloadLink(job)}</div>
  ${finished ? "" : html`<p data-job-check><a href="${jobPath(job.id)}">Check progress</a></p>`}
</div>
<p class="nhsuk-body-s">Queued ${formatDateTime(job.createdAt)}${job.finishedAt === null ? "" : `, finished ${formatDateTime(job.finishedAt)}`}. You can leave this page: the job carries on.</p>
<p><a href="/portal/network/jobs">All background jobs</a></p>`,
  );
};

const jobsTable = (
  jobs: ReadonlyArray<JobView>,
) => html`<table class="nhsuk-table app-table-compact">
  <caption class="nhsuk-table__caption">Recent jobs</caption>
  <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th scope="col" class="nhsuk-table__header">Job</th>
    <th scope="col" class="nhsuk-table__header">Queued</th>
    <th scope="col" class="nhsuk-table__header">Status</th>
  </tr></thead>
  <tbody class="nhsuk-table__body">
    ${jobs.map(
      (job) => html`<tr class="nhsuk-table__row">
      <td class="nhsuk-table__cell"><a href="${jobPath(job.id)}">${jobTitle(job)}</a></td>
      <td class="nhsuk-table__cell">${formatDateTime(job.createdAt)}</td>
      <td class="nhsuk-table__cell">${tag(STATUS[job.status].text, STATUS[job.status].colour)}</td>
    </tr>`,
    )}
  </tbody>
</table>`;

const jobsPage = async (
  c: WebContext,
  person: Person,
  values: Readonly<Record<string, string>>,
  errors: FormErrors,
) => {
  const api = c.var.api;
  const [list, cycles] = await Promise.all([
    api.get("/api/v1/jobs").then((a) => expectOk<{ jobs: ReadonlyArray<JobView> }>(a)),
    api.get("/api/v1/cycles").then((a) => expectOk<ReadonlyArray<CycleView>>(a)),
  ]);
  const cycleChoices = cycles.map((cycle) => ({
    value: cycleParam(cycle.label),
    text: cycle.label,
  }));
  return renderPage(
    c,
    { title: "Background jobs", crumbs: networkCrumbs(), hasErrors: hasErrors(errors) },
    html`${errorSummary(errors)}
<h1>Background jobs</h1>
<form method="post" action="/portal/network/jobs" novalidate>
  ${csrfField(person.csrfToken)}
  <input type="hidden" name="kind" value="recompute-benchmarks">
  <h2>Recompute the benchmarks</h2>
  <p>Benchmarks update by themselves when results change. Recompute them after correcting data, to be sure every page shows the new figures.</p>
  ${select({ name: "cycle", id: "recompute-cycle", label: FIELDS["recompute-cycle"].label, value: values["recompute-cycle"], error: errors.byField["recompute-cycle"], choices: [{ value: "", text: "Every cycle" }, ...cycleChoices] })}
  ${button("Recompute", { secondary: true })}
</form>
<form method="post" action="/portal/network/jobs" novalidate>
  ${csrfField(person.csrfToken)}
  <input type="hidden" name="kind" value="network-pack">
  <h2>Build the network pack</h2>
  <p>A PDF of the network's anonymised results and best-practice themes for a cycle, for the annual forum.</p>
  ${select({ name: "cycle", id: "pack-cycle", label: FIELDS["pack-cycle"].label, value: values["pack-cycle"], error: errors.byField["pack-cycle"], choices: [{ value: "", text: "Choose a cycle" }, ...cycleChoices] })}
  ${button("Build the pack", { secondary: true })}
</form>
${list.jobs.length === 0 ? html`<p>No jobs have run yet.</p>` : jobsTable(list.jobs)}`,
    hasErrors(errors) ? 400 : 200,
  );
};

/** Queues a job as the visitor; the answer is the API's (202 with the job, or a problem). */
export const queueJob = (c: WebContext, kind: string, cycle: string): Promise<ApiAnswer> =>
  c.var.api.post("/api/v1/jobs", { kind, ...(cycle === "" ? {} : { cycle }) });

export const registerNetworkJobs = (web: Hono<WebEnv>): void => {
  web.get(
    "/network/jobs",
    adminPage((c, person) => jobsPage(c, person, {}, noErrors)),
  );

  web.post(
    "/network/jobs",
    adminPage(async (c, person) => {
      const form = await readForm(c);
      const kind = field(form, "kind");
      const cycle = field(form, "cycle");
      const answer = await queueJob(c, kind, cycle);
      if (isOk(answer)) return seeOther(c, jobPath(answer.body.id));
      const cycleField = kind === "network-pack" ? "pack-cycle" : "recompute-cycle";
      return jobsPage(
        c,
        person,
        { [cycleField]: cycle },
        errorsFromProblem(answer, FIELDS, (apiField) =>
          apiField === "body.cycle" ? cycleField : undefined,
        ),
      );
    }),
  );

  web.get("/network/jobs/:jobId", adminPage(jobPage));
};
