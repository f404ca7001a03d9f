// The completed area report as a PDF, for the service (and network admins), printed on request.
import { Effect } from "effect";
import type { Router } from "../../http/Api.ts";
import { idParam } from "../../http/Params.ts";
import { findCycle } from "../../repositories/Cycles.ts";
import { Pdf } from "../../Services.ts";
import { visibleService } from "../network/routes.ts";
import { contentDisposition } from "../uploads/Filenames.ts";
import { areaReportInput } from "./areaReportInput.ts";

/** Prints a document; a failure to print is a defect (logged, a 500 with the request id). */
export const print = (kind: "area-report" | "network-pack", input: unknown) =>
  Pdf.use((printer) => Effect.promise(() => printer.print(kind, input)));

export const pdfResponse = (bytes: Uint8Array, filename: string): Response =>
  new Response(bytes, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": contentDisposition(filename),
      "content-length": String(bytes.byteLength),
      "cache-control": "private, no-store",
    },
  });

export const registerReportRoutes = (router: Router): void => {
  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/cycles/:cycle/areas/:area/report.pdf",
    produces: ["application/pdf"],
    summary:
      "The completed area report (PDF): scores per standard with ward breakdown and coverage, evidence, action plan, where the service stands",
    tag: "Reports",
    access: "signed-in",
    errors: [409],
    handler: ({ principal, params }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        const cycle = yield* findCycle(params.cycle ?? "");
        const input = yield* areaReportInput(serviceId, cycle, params.area ?? "");
        const bytes = yield* print("area-report", input);
        return {
          response: pdfResponse(
            bytes,
            `SeQuIn ${input.area.name} ${cycle.label.replace("/", "-")} report.pdf`,
          ),
        };
      }),
  });
};
