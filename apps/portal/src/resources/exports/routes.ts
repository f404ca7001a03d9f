// Exports: a service's scores, evidence and action plan (CSV, XLSX); the network's anonymised results
// (CSV, XLSX, JSON) for network admins and, aggregates only, for anyone. Who may ask and whether the
// cycle exists are settled before the first byte; the rows are then read as the file streams out.
import { Effect } from "effect";
import type { Context } from "hono";
import { isAdmin } from "../../auth/Principal.ts";
import type { AppEnv, Router, Services } from "../../http/Api.ts";
import { Forbidden } from "../../http/Errors.ts";
import { idParam } from "../../http/Params.ts";
import { findCycle } from "../../repositories/Cycles.ts";
import { Log, Now } from "../../Services.ts";
import { today } from "../actions/store.ts";
import { computeCycleBenchmark, cycleStatistics } from "../benchmarks/compute.ts";
import { visibleService } from "../network/routes.ts";
import { cycleForFilename, download, exportFilename, spreadsheet } from "./Download.ts";
import {
  jsonStream,
  networkAreas,
  publicAreas,
  resultsDocument,
  resultsSheets,
} from "./networkExport.ts";
import { NetworkExportQuery, NetworkResults, ServiceExportQuery } from "./schemas.ts";
import { type Run, serviceSheets } from "./serviceExport.ts";

const TAG = "Exports";

/** Runs effects for the stream with the request's services, and logs a failure mid-stream. */
const streamContext = (c: Context<AppEnv>, what: string) =>
  Effect.gen(function* () {
    const context = yield* Effect.context<Services>();
    const log = yield* Log;
    const run: Run = (effect) => Effect.runPromise(Effect.provideContext(effect, context));
    const onError = (error: unknown) =>
      log.error("export failed while streaming", {
        requestId: c.get("requestId"),
        export: what,
        error: String(error),
        stack: error instanceof Error ? error.stack : undefined,
      });
    return { run, onError };
  });

export const registerExportRoutes = (router: Router): void => {
  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/cycles/:cycle/export",
    produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    summary:
      "Download a service's scores, evidence, ward breakdown and action plan for a cycle (?format=csv|xlsx; text/csv or XLSX attachment)",
    tag: TAG,
    access: "signed-in",
    query: ServiceExportQuery,
    handler: ({ c, principal, params, query }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        const service = yield* visibleService(principal, serviceId);
        const cycle = yield* findCycle(params.cycle ?? "");
        const format = query.format ?? "csv";
        const { run, onError } = yield* streamContext(c, "service");
        const sheets = serviceSheets(run, serviceId, cycle, yield* today);
        return download(
          spreadsheet(format, sheets, onError),
          format,
          exportFilename(`${service.name} SeQuIn ${cycleForFilename(cycle.label)}`, format),
          "no-store",
        );
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/cycles/:cycle/export",
    produces: [
      "text/csv",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/json",
    ],
    summary:
      "Download the network's anonymised results for a cycle, services under their codes (network admins; ?format=csv|xlsx|json)",
    tag: TAG,
    access: "signed-in",
    query: NetworkExportQuery,
    response: NetworkResults,
    handler: ({ c, principal, params, query }) =>
      Effect.gen(function* () {
        if (!isAdmin(principal))
          return yield* new Forbidden({
            message: "Only network admins export every service's results.",
          });
        const benchmark = yield* computeCycleBenchmark(params.cycle ?? "");
        const document = resultsDocument(
          benchmark,
          "network",
          networkAreas(benchmark),
          (yield* Now)(),
        );
        const format = query.format ?? "csv";
        const filename = exportFilename(
          `SeQuIn network results ${cycleForFilename(benchmark.cycle.label)}`,
          format,
        );
        if (format === "json") return download(jsonStream(document), format, filename, "no-store");
        const { onError } = yield* streamContext(c, "network");
        return download(
          spreadsheet(format, resultsSheets(document), onError),
          format,
          filename,
          "no-store",
        );
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/public/cycles/:cycle/export",
    produces: [
      "text/csv",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/json",
    ],
    summary:
      "Download the network's public results for a cycle: per area, participants and the distribution, or withheld (?format=csv|xlsx|json)",
    tag: TAG,
    access: "public",
    query: NetworkExportQuery,
    response: NetworkResults,
    handler: ({ c, params, query }) =>
      Effect.gen(function* () {
        const { statistics } = yield* cycleStatistics(params.cycle ?? "");
        const document = resultsDocument(
          statistics,
          "public",
          publicAreas(statistics),
          (yield* Now)(),
        );
        const format = query.format ?? "csv";
        const filename = exportFilename(
          `SeQuIn public results ${cycleForFilename(statistics.cycle.label)}`,
          format,
        );
        // Results change only on submission: a minute's staleness is fine for anyone's copy.
        const caching = "public, max-age=60";
        if (format === "json") return download(jsonStream(document), format, filename, caching);
        const { onError } = yield* streamContext(c, "public");
        return download(
          spreadsheet(format, resultsSheets(document), onError),
          format,
          filename,
          caching,
        );
      }),
  });
};
