// A service's own completed area PDFs (as the original portal required): uploaded raw, checked for
// active content, kept with their SHA-256, every version retained, downloadable by the service and
// by network admins.
import { createHash } from "node:crypto";

import { schema } from "@sequin/db";
import { and, desc, eq } from "drizzle-orm";
import { Effect, Schema } from "effect";
import { belongsTo } from "../../auth/Principal.ts";
import { ok, type Reply, type Router } from "../../http/Api.ts";
import { Forbidden, NotFound, RejectedFile } from "../../http/Errors.ts";
import { idParam } from "../../http/Params.ts";
import { areaOfSet, findCycle, normaliseCycleLabel } from "../../repositories/Cycles.ts";
import { query } from "../../repositories/query.ts";
import { AppConfig, Now } from "../../Services.ts";
import { visibleService } from "../network/routes.ts";
import { contentDisposition, sanitiseFilename } from "./Filenames.ts";
import * as PdfInspection from "./PdfInspection.ts";
import { ListQuery, UploadQuery, UploadView } from "./schemas.ts";
import { readUpload } from "./UploadBody.ts";

// Everything but the content: lists must not pull every stored PDF out of the database.
const summary = {
  id: schema.uploads.id,
  cycle: schema.uploads.cycle,
  area: schema.uploads.area,
  filename: schema.uploads.filename,
  size: schema.uploads.size,
  sha256: schema.uploads.sha256,
  uploadedAt: schema.uploads.uploadedAt,
};

type Summary = { readonly [K in keyof typeof summary]: (typeof summary)[K]["_"]["data"] };

const uploadView = (row: Summary, uploader: string | null) => ({
  ...row,
  uploadedAt: row.uploadedAt.toISOString(),
  uploadedBy: uploader ?? "API token",
});

const matchesEtag = (header: string | undefined, etag: string): boolean =>
  (header ?? "").split(",").some((candidate) => {
    const tag = candidate.trim().replace(/^W\//u, "");
    return tag === "*" || tag === etag;
  });

export const registerUploadRoutes = (router: Router): void => {
  router.add({
    method: "post",
    path: "/api/v1/services/:serviceId/cycles/:cycle/areas/:area/upload",
    summary:
      "Upload the service's completed area PDF (the raw file as an application/pdf body; write 2021/22 as 2021-22). Earlier uploads are kept.",
    tag: "Uploads",
    access: "signed-in",
    query: UploadQuery,
    response: UploadView,
    successStatus: 201,
    errors: [400, 413, 415, 422],
    handler: ({ c, principal, params, query: options }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        const service = yield* visibleService(principal, serviceId);
        if (!belongsTo(principal, serviceId))
          return yield* new Forbidden({
            message: "Only the service itself uploads its area PDFs; network admins can read them.",
          });
        const cycle = yield* findCycle(params.cycle ?? "");
        const area = yield* areaOfSet(cycle.set, params.area ?? "", "path.area");
        const config = yield* AppConfig;
        const bytes = yield* readUpload(c, "application/pdf", config.maxUploadBytes);
        const refusal = PdfInspection.describe(PdfInspection.inspect(bytes));
        if (refusal !== undefined) return yield* new RejectedFile({ message: refusal });
        const now = (yield* Now)();
        const rows = yield* query((db) =>
          db
            .insert(schema.uploads)
            .values({
              organisationId: service.organisationId,
              serviceId,
              cycle: cycle.label,
              area: area.slug,
              filename: sanitiseFilename(
                options.filename,
                `${area.slug}-${cycle.label.replace("/", "-")}.pdf`,
              ),
              size: bytes.byteLength,
              sha256: createHash("sha256").update(bytes).digest("hex"),
              content: bytes,
              uploadedBy: principal.accountId,
              uploadedAt: now,
            })
            .returning(summary),
        );
        const row = rows[0] as Summary;
        const reply: Reply = {
          status: 201,
          body: uploadView(row, principal.accountId === null ? null : principal.displayName),
          headers: { location: `/api/v1/services/${serviceId}/uploads/${row.id}` },
        };
        return reply;
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/uploads",
    summary: "A service's uploaded area PDFs, newest first (optionally of one cycle or area)",
    tag: "Uploads",
    access: "signed-in",
    query: ListQuery,
    response: Schema.Array(UploadView),
    handler: ({ principal, params, query: filter }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        const rows = yield* query((db) =>
          db
            .select({ upload: summary, uploader: schema.accounts.displayName })
            .from(schema.uploads)
            .leftJoin(schema.accounts, eq(schema.accounts.id, schema.uploads.uploadedBy))
            .where(
              and(
                eq(schema.uploads.serviceId, serviceId),
                filter.cycle === undefined
                  ? undefined
                  : eq(schema.uploads.cycle, normaliseCycleLabel(filter.cycle)),
                filter.area === undefined ? undefined : eq(schema.uploads.area, filter.area),
              ),
            )
            .orderBy(desc(schema.uploads.uploadedAt), desc(schema.uploads.id)),
        );
        return ok(rows.map(({ upload, uploader }) => uploadView(upload, uploader)));
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/uploads/:uploadId",
    produces: ["application/pdf"],
    summary: "Download an uploaded area PDF (as an attachment, never shown inline)",
    tag: "Uploads",
    access: "signed-in",
    handler: ({ c, principal, params }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        const uploadId = yield* idParam(params, "uploadId", "upload");
        const rows = yield* query((db) =>
          db
            .select()
            .from(schema.uploads)
            .where(and(eq(schema.uploads.id, uploadId), eq(schema.uploads.serviceId, serviceId))),
        );
        const row = rows[0];
        if (row === undefined) return yield* new NotFound({ resource: "upload" });
        // Stored content never changes, so its hash is a strong validator.
        const etag = `"${row.sha256}"`;
        const headers = {
          etag,
          "cache-control": "private, no-cache",
          "x-content-type-options": "nosniff",
        };
        if (matchesEtag(c.req.header("if-none-match"), etag))
          return { response: new Response(null, { status: 304, headers }) } satisfies Reply;
        return {
          response: new Response(row.content, {
            status: 200,
            headers: {
              ...headers,
              "content-type": "application/pdf",
              "content-disposition": contentDisposition(row.filename),
              "content-length": String(row.content.byteLength),
            },
          }),
        } satisfies Reply;
      }),
  });
};
