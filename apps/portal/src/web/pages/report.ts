// "Download the report": the completed area report PDF from the API, passed on as it is; when there
// is nothing submitted to print, a page that says so instead of a file.
import type { Hono } from "hono";
import { ApiFailure, apiPath } from "../api.ts";
import type { WebEnv } from "../env.ts";
import { html } from "../html.ts";
import { renderPage, signedIn } from "../render.ts";

export const registerReportDownload = (web: Hono<WebEnv>): void => {
  web.get(
    "/services/:serviceId/cycles/:cycle/areas/:area/report.pdf",
    signedIn(async (c) => {
      const serviceId = c.req.param("serviceId") ?? "";
      const cycle = c.req.param("cycle") ?? "";
      const area = c.req.param("area") ?? "";
      const response = await c.var.api.download(
        apiPath`/api/v1/services/${serviceId}/cycles/${cycle}/areas/${area}/report.pdf`,
      );
      if (response.status === 200) return response;
      const body: { detail?: string } | string = /json/u.test(
        response.headers.get("content-type") ?? "",
      )
        ? ((await response.json()) as { detail?: string })
        : await response.text();
      if (response.status === 409)
        return renderPage(
          c,
          {
            title: "There is no report yet",
            back: { href: `/portal/services/${serviceId}/cycles/${cycle}/areas/${area}` },
          },
          html`<h1>There is no report yet</h1>
<p>${(typeof body === "object" ? body.detail : undefined) ?? "The report is made from the submitted assessment."}</p>
<p>Submit the area first, then download its report.</p>`,
          409,
        );
      throw new ApiFailure({ status: response.status, body, headers: response.headers });
    }),
  );
};
