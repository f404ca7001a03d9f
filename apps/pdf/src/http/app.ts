// The renderer as an HTTP service, for running renderers as their own instances: JSON in,
// application/pdf out, problems named by field (problem+json, as the portal answers).
import type { Standards } from "@sequin/core";
import { loadStandards } from "@sequin/standards";
import { Effect, Result, type Schema } from "effect";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ChromiumUnavailable } from "../browser/chromium.ts";
import { createRenderer, type PdfRenderer, RendererClosed } from "../browser/Renderer.ts";
import type { PdfDocument } from "../documents.ts";
import { AreaReportInput } from "../input/AreaReportInput.ts";
import { AreaSlugInput, AreaToolInput, areaToolInput } from "../input/AreaToolInput.ts";
import { decodeInput, InvalidPdfInput } from "../input/decode.ts";
import { NetworkPackInput } from "../input/NetworkPackInput.ts";
import { areaReportModel } from "../model/areaReport.ts";
import { areaToolModelFrom } from "../model/areaTool.ts";
import { easyReadToolModelFrom } from "../model/easyReadTool.ts";
import { networkPackModel } from "../model/networkPack.ts";

export interface PdfServerOptions {
  /** The renderer to print with. Default: one started on the first request (never closed). */
  readonly renderer?: PdfRenderer;
  /**
   * The standards set that `{ "areaSlug": … }` requests name areas in. Default: `standards-data/`,
   * loaded on the first such request.
   */
  readonly standards?: Standards.StandardsSet;
  /** The largest request body accepted, in bytes. Default 10 MB. */
  readonly maxBodyBytes?: number;
}

type Problem = {
  readonly status: 400 | 413 | 415 | 500 | 503;
  readonly title: string;
  readonly detail: string;
  readonly errors?: ReadonlyArray<{ field: string; message: string }>;
};

const problem = (c: Context, body: Problem): Response =>
  c.body(JSON.stringify({ type: "about:blank", ...body }), body.status, {
    "content-type": "application/problem+json",
  });

const invalid = (c: Context, error: InvalidPdfInput): Response =>
  problem(c, {
    status: 400,
    title: "Invalid input",
    detail: error.message,
    errors: error.problems,
  });

const once = <A>(make: () => Promise<A>): (() => Promise<A>) => {
  let value: Promise<A> | undefined;
  return () => {
    value ??= make().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
};

/**
 * The PDF service: `POST /render/area-tool`, `/render/easy-read-tool`, `/render/area-report`,
 * `/render/network-pack` (JSON in, `application/pdf` out) and `GET /healthz`.
 *
 * @example
 * ```ts
 * import { serve } from "@hono/node-server"
 * import { createPdfServer, createRenderer } from "@sequin/pdf"
 * serve({ fetch: createPdfServer({ renderer: await createRenderer() }).fetch, port: 3100 })
 * ```
 */
export const createPdfServer = (options: PdfServerOptions = {}): Hono => {
  const renderer = once(async () => options.renderer ?? (await createRenderer()));
  const standards = once(async () =>
    options.standards !== undefined
      ? options.standards
      : (await Effect.runPromise(loadStandards())).set,
  );
  const app = new Hono();

  const readJson = async (c: Context): Promise<Result.Result<unknown, Response>> => {
    if (!/^application\/json(\s*;|$)/iu.test(c.req.header("content-type") ?? "")) {
      return Result.fail(
        problem(c, {
          status: 415,
          title: "Unsupported media type",
          detail: "send the input as application/json",
        }),
      );
    }
    try {
      return Result.succeed(JSON.parse(await c.req.text()));
    } catch {
      return Result.fail(
        invalid(
          c,
          new InvalidPdfInput({ problems: [{ field: "body", message: "is not valid JSON" }] }),
        ),
      );
    }
  };

  const send = async (c: Context, document: PdfDocument, filename: string): Promise<Response> => {
    try {
      const pdf = await (await renderer()).render(document);
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="${filename}"`,
        "cache-control": "no-store",
      });
    } catch (error) {
      const unavailable = error instanceof ChromiumUnavailable || error instanceof RendererClosed;
      console.error(
        JSON.stringify({
          level: "error",
          msg: "render failed",
          kind: document.kind,
          error: String(error),
        }),
      );
      return problem(c, {
        status: unavailable ? 503 : 500,
        title: unavailable ? "Renderer unavailable" : "Rendering failed",
        detail: (error as Error).message,
      });
    }
  };

  /** Registers a route that decodes its body, builds a document and renders it. */
  const route = <A>(
    path: string,
    decode: (body: unknown) => Promise<Result.Result<A, InvalidPdfInput>>,
    build: (input: A) => { document: PdfDocument; filename: string },
  ) => {
    app.post(path, async (c) => {
      const body = await readJson(c);
      if (Result.isFailure(body)) return body.failure;
      const input = await decode(body.success);
      if (Result.isFailure(input)) return invalid(c, input.failure);
      let built: { document: PdfDocument; filename: string };
      try {
        built = build(input.success);
      } catch (error) {
        if (error instanceof InvalidPdfInput) return invalid(c, error);
        throw error;
      }
      return send(c, built.document, built.filename);
    });
  };

  const decodeWith =
    <A>(schema: Schema.Codec<A, unknown>) =>
    async (body: unknown) =>
      decodeInput(schema, body);

  /** An area tool's input: a whole area, or an area of the loaded standards set by slug. */
  const decodeAreaTool = async (
    body: unknown,
  ): Promise<Result.Result<AreaToolInput, InvalidPdfInput>> => {
    const bySlug = typeof body === "object" && body !== null && "areaSlug" in body;
    if (!bySlug) return decodeInput(AreaToolInput, body);
    const slug = decodeInput(AreaSlugInput, body);
    if (Result.isFailure(slug)) return Result.fail(slug.failure);
    const set = await standards();
    try {
      return Result.succeed(areaToolInput(set, slug.success.areaSlug));
    } catch (error) {
      if (error instanceof InvalidPdfInput) {
        return Result.fail(
          new InvalidPdfInput({
            problems: error.problems.map((entry) => ({ ...entry, field: `body.${entry.field}` })),
          }),
        );
      }
      throw error;
    }
  };

  app.use(
    "/render/*",
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 10 * 1024 * 1024,
      onError: (c) =>
        problem(c, {
          status: 413,
          title: "Payload too large",
          detail: "the request body is too large",
        }),
    }),
  );

  app.get("/healthz", (c) => c.json({ status: "ok" }));

  route("/render/area-tool", decodeAreaTool, (input) => ({
    document: { kind: "area-tool", model: areaToolModelFrom(input) },
    filename: `${input.area.slug}.pdf`,
  }));
  route("/render/easy-read-tool", decodeAreaTool, (input) => ({
    document: { kind: "easy-read-tool", model: easyReadToolModelFrom(input) },
    filename: `${input.area.slug}-easy-read.pdf`,
  }));
  route("/render/area-report", decodeWith(AreaReportInput), (input) => ({
    document: { kind: "area-report", model: areaReportModel(input) },
    filename: `${input.area.slug}-report-${input.cycle.replace("/", "-")}.pdf`,
  }));
  route("/render/network-pack", decodeWith(NetworkPackInput), (input) => ({
    document: { kind: "network-pack", model: networkPackModel(input) },
    filename: `network-pack-${input.cycle.replace("/", "-")}.pdf`,
  }));

  app.notFound((c) =>
    c.body(
      JSON.stringify({
        type: "about:blank",
        status: 404,
        title: "Not found",
        detail: `no route ${c.req.method} ${c.req.path}`,
      }),
      404,
      { "content-type": "application/problem+json" },
    ),
  );
  app.onError((error, c) => {
    console.error(JSON.stringify({ level: "error", msg: "unhandled", error: String(error) }));
    return problem(c, {
      status: 500,
      title: "Internal error",
      detail: "the request could not be handled",
    });
  });
  return app;
};
