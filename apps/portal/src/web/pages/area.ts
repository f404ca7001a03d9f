// One area of a cycle for a service: its assessments (whole service or ward by ward), starting one,
// the uploaded PDFs, uploading the service's own PDF, and the generated report.
import type { Hono } from "hono";
import { type ApiAnswer, apiPath, expectOk } from "../api.ts";
import { button, notificationBanner, tag } from "../components/basics.ts";
import { fileUpload, radios } from "../components/fields.ts";
import { symbolImage } from "../components/scores.ts";
import type { WebContext, WebEnv } from "../env.ts";
import { cycleLabel, cycleParam, formatDateTime } from "../format.ts";
import {
  csrfField,
  errorSummary,
  errorsFromProblem,
  type FormErrors,
  field,
  noErrors,
  readForm,
  singleError,
} from "../forms.ts";
import { html } from "../html.ts";
import { type Person, renderPage, seeOther, signedIn } from "../render.ts";
import type { AssessmentSummary, ServiceView, UploadView, WardView } from "../views.ts";
import { areaPath, assessmentPath, standardsOf } from "./assessmentData.ts";
import { notFoundPage } from "./errors.ts";

const render = async (
  c: WebContext,
  person: Person,
  errors: FormErrors,
  status: 200 | 400 | 422 = 200,
) => {
  const serviceId = c.req.param("serviceId") ?? "";
  const cycle = cycleLabel(c.req.param("cycle") ?? "");
  const slug = c.req.param("area") ?? "";
  const api = c.var.api;
  const service = expectOk<ServiceView>(await api.get(apiPath`/api/v1/services/${serviceId}`));
  const set = await standardsOf(c, cycle);
  const area = set.areas.find((candidate) => candidate.slug === slug);
  if (area === undefined) return notFoundPage(c);
  const [assessments, wards, uploads] = await Promise.all([
    api.get(`${apiPath`/api/v1/services/${serviceId}/assessments`}?cycle=${cycleParam(cycle)}`),
    api.get(apiPath`/api/v1/services/${serviceId}/wards`),
    api.get(
      `${apiPath`/api/v1/services/${serviceId}/uploads`}?cycle=${cycleParam(cycle)}&area=${encodeURIComponent(slug)}`,
    ),
  ]);
  const mine = expectOk<ReadonlyArray<AssessmentSummary>>(assessments).filter(
    (item) => item.area === slug,
  );
  const wardList = expectOk<ReadonlyArray<WardView>>(wards).filter((ward) => ward.active);
  const files = expectOk<ReadonlyArray<UploadView>>(uploads);
  const wardName = (id: string | null) =>
    id === null ? "Whole service" : (wardList.find((ward) => ward.id === id)?.name ?? "A ward");
  const startedLevels = new Set(mine.map((item) => item.wardId ?? "service"));
  const startChoices = [
    { value: "service", text: "The whole service" },
    ...wardList.map((ward) => ({ value: ward.id, text: ward.name })),
  ].filter((choice) => !startedLevels.has(choice.value));
  const member = person.serviceId === serviceId;
  const here = areaPath(serviceId, cycle, slug);
  return renderPage(
    c,
    {
      title: `${area.name} ${cycle}`,
      hasErrors: errors.items.length > 0,
      crumbs: [{ text: "Dashboard", href: member ? "/portal/" : `/portal/services/${serviceId}` }],
    },
    html`${errorSummary(errors)}
${c.req.query("uploaded") === "1" ? notificationBanner("Your PDF has been uploaded.", { success: true }) : ""}
<span class="nhsuk-caption-l">${service.name} · ${cycle}</span>
<h1>${symbolImage(area.symbol, "", 56)} ${area.name}</h1>
<p>${area.description}</p>
<h2>Assessments</h2>
${
  mine.length === 0
    ? html`<p>Nobody has started this area yet.</p>`
    : html`<ul class="nhsuk-list nhsuk-list--border">${mine.map(
        (item) =>
          html`<li><a href="${assessmentPath(item.id)}">${wardName(item.wardId)}</a> ${item.status === "submitted" ? tag("Submitted", "green") : tag("Draft", "blue")}</li>`,
      )}</ul>`
}
${
  member && startChoices.length > 0
    ? html`<form method="post" action="${here}/assessments" novalidate>
  ${csrfField(person.csrfToken)}
  ${radios({ name: "level", legend: "Start assessing", legendClass: "nhsuk-fieldset__legend--s", hint: "Assess the whole service together, or ward by ward (the service's score is then the mean of the wards').", value: startChoices[0]?.value, error: errors.byField.level, choices: startChoices })}
  ${button("Start")}
</form>`
    : ""
}
<h2 id="upload">The area's PDF</h2>
<p><a href="/portal/services/${serviceId}/cycles/${cycleParam(cycle)}/areas/${slug}/report.pdf">Download the report made from your answers (PDF)</a></p>
${
  files.length === 0
    ? html`<p>No PDF uploaded yet.</p>`
    : html`<ul class="nhsuk-list">${files.map((file) => html`<li><a href="${apiPath`/api/v1/services/${serviceId}/uploads/${file.id}`}" download>${file.filename}</a> (${Math.ceil(file.size / 1024)} KB, uploaded ${formatDateTime(file.uploadedAt)} by ${file.uploadedBy})</li>`)}</ul>`
}
${
  member
    ? html`<form method="post" action="${here}/upload" enctype="multipart/form-data" novalidate>
  ${csrfField(person.csrfToken)}
  ${fileUpload({ name: "file", label: "Upload your completed area PDF", hint: "A PDF file. Earlier uploads are kept.", accept: "application/pdf,.pdf", error: errors.byField.file })}
  ${button("Upload", { secondary: true })}
</form>`
    : ""
}`,
    status,
  );
};

const uploadError = (answer: ApiAnswer): FormErrors => {
  const detail = typeof answer.body?.detail === "string" ? answer.body.detail : undefined;
  if (answer.status === 415) return singleError("file", "The file must be a PDF");
  if (answer.status === 413)
    return singleError("file", `The file is too large. ${detail ?? ""}`.trim());
  if (answer.status === 422) return singleError("file", detail ?? "The file was refused");
  return errorsFromProblem(answer, { file: { label: "File" } });
};

export const registerAreaPage = (web: Hono<WebEnv>): void => {
  const path = "/services/:serviceId/cycles/:cycle/areas/:area";
  web.get(
    path,
    signedIn((c, person) => render(c, person, noErrors)),
  );

  web.post(
    `${path}/assessments`,
    signedIn(async (c, person) => {
      const serviceId = c.req.param("serviceId") ?? "";
      const cycle = cycleLabel(c.req.param("cycle") ?? "");
      const level = field(await readForm(c), "level");
      if (level === "")
        return render(c, person, singleError("level", "Choose what to assess"), 400);
      const answer = await c.var.api.post(apiPath`/api/v1/services/${serviceId}/assessments`, {
        cycle,
        area: c.req.param("area") ?? "",
        ...(level === "service" ? {} : { wardId: level }),
      });
      if (answer.status === 201) return seeOther(c, assessmentPath(answer.body.id));
      return render(
        c,
        person,
        errorsFromProblem(answer, { level: { label: "What to assess" } }, (apiField) =>
          apiField === "body.wardId" ? "level" : undefined,
        ),
        400,
      );
    }),
  );

  web.post(
    `${path}/upload`,
    signedIn(async (c, person) => {
      const serviceId = c.req.param("serviceId") ?? "";
      const cycle = c.req.param("cycle") ?? "";
      const slug = c.req.param("area") ?? "";
      const file = (await readForm(c)).file;
      if (!(file instanceof File) || file.size === 0)
        return render(c, person, singleError("file", "Choose a PDF file to upload"), 400);
      const answer = await c.var.api.send(
        "POST",
        `${apiPath`/api/v1/services/${serviceId}/cycles/${cycle}/areas/${slug}/upload`}?filename=${encodeURIComponent(file.name)}`,
        new Uint8Array(await file.arrayBuffer()),
        "application/pdf",
      );
      if (answer.status === 201)
        return seeOther(c, `${areaPath(serviceId, cycleLabel(cycle), slug)}?uploaded=1#upload`);
      return render(c, person, uploadError(answer), 422);
    }),
  );
};
