// Benchmarks of stored results: a service's standing with anonymised peers, the network admins'
// named view, and the public aggregates. Withholding below the minimum is done here, by the server.
import { createHash } from "node:crypto";
import { Effect, Schema } from "effect";
import { isAdmin } from "../../auth/Principal.ts";
import type { Reply, Router } from "../../http/Api.ts";
import { Forbidden } from "../../http/Errors.ts";
import { idParam } from "../../http/Params.ts";
import { visibleService } from "../network/routes.ts";
import {
  cachedReply,
  computeCycleBenchmark,
  cycleStatistics,
  networkView,
  publicView,
  serviceReply,
} from "./compute.ts";

const CycleQuery = Schema.Struct({
  cycle: Schema.String.pipe(Schema.check(Schema.isMaxLength(20))),
});

const etagOf = (text: string) =>
  `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;

/** A JSON answer with a strong ETag; a matching If-None-Match gets 304 and no body. */
const reply = (
  body: string | Uint8Array,
  etag: string,
  ifNoneMatch: string | undefined,
  visibility: "public" | "private",
): Reply => {
  const headers = {
    etag,
    "cache-control": `${visibility}, no-cache`,
    vary: "Cookie, Authorization",
  };
  if (ifNoneMatch?.split(",").some((tag) => tag.trim() === etag)) {
    return { response: new Response(null, { status: 304, headers }) };
  }
  return {
    response: new Response(body, {
      status: 200,
      headers: { ...headers, "content-type": "application/json; charset=utf-8" },
    }),
  };
};

const cacheable = (
  body: unknown,
  ifNoneMatch: string | undefined,
  visibility: "public" | "private",
): Reply => {
  const text = JSON.stringify(body);
  return reply(text, etagOf(text), ifNoneMatch, visibility);
};

export const registerBenchmarkRoutes = (router: Router): void => {
  router.add({
    method: "get",
    path: "/api/v1/services/:serviceId/benchmark",
    summary:
      "Where a service stands in each area: distribution, percentile, flags, change, anonymised peers, buddies",
    tag: "Benchmarks",
    access: "signed-in",
    query: CycleQuery,
    handler: ({ c, principal, params, query }) =>
      Effect.gen(function* () {
        const serviceId = yield* idParam(params, "serviceId", "service");
        yield* visibleService(principal, serviceId);
        const cached = yield* serviceReply(query.cycle, serviceId, etagOf);
        return reply(cached.body, cached.etag, c.req.header("if-none-match"), "private");
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/cycles/:cycle/benchmark",
    summary: "The whole network's benchmark, services named (network admins)",
    tag: "Benchmarks",
    access: "signed-in",
    handler: ({ c, principal, params }) =>
      Effect.gen(function* () {
        if (!isAdmin(principal))
          return yield* new Forbidden({ message: "Only network admins see every service named." });
        const benchmark = yield* computeCycleBenchmark(params.cycle ?? "");
        return cacheable(networkView(benchmark), c.req.header("if-none-match"), "private");
      }),
  });

  router.add({
    method: "get",
    path: "/api/v1/public/cycles/:cycle/benchmark",
    summary: "Anonymised network results for anyone: participants and distributions, or withheld",
    tag: "Benchmarks",
    access: "public",
    handler: ({ c, params }) =>
      Effect.gen(function* () {
        // The public answer depends on nothing but the results, so its text and ETag are cached too.
        const entry = yield* cycleStatistics(params.cycle ?? "");
        if (entry.publicReply === undefined) {
          const text = JSON.stringify(publicView(entry.statistics));
          entry.publicReply = cachedReply(text, etagOf);
        }
        return reply(
          entry.publicReply.body,
          entry.publicReply.etag,
          c.req.header("if-none-match"),
          "public",
        );
      }),
  });
};
