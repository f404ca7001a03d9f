// Bad input on every route, generated: never a 5xx, and every 400 names its fields.
import { testDrivers } from "@sequin/db/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildNetwork, type Harness, type Network, startHarness } from "./support/harness.ts";

const segment = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    "2021-22",
    "2021/22",
    "technology",
    "TEC-01",
    "%00",
    "..",
    "null",
    "-1",
    "1e309",
    "'; drop table services;--",
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);

/** Bodies that are almost right are the dangerous ones: mutate real shapes as well as random JSON. */
const badBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      "version",
      "name",
      "login",
      "password",
      "cycle",
      "area",
      "views",
      "agreed",
      "method",
      "attendance",
      "wardId",
      "organisationId",
      "due",
      "status",
      "standardId",
      "email",
      "role",
    ),
    fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.integer(),
      fc.double(),
      fc.constant(null),
      fc.string(),
      fc.constant("na"),
    ),
  ),
);

describe.each(testDrivers())("robustness on %s", (driver) => {
  let harness: Harness;
  let network: Network;
  beforeAll(async () => {
    harness = await startHarness(driver);
    network = await buildNetwork(harness);
  });
  afterAll(() => harness.close());

  it("never answers 5xx to generated bad input, and names the field of every 400", async () => {
    // Signing out would end the clients' sessions and turn every later case into a 401.
    const routes = harness.app.router.routes.filter(
      (route) =>
        !route.path.endsWith("/upload") &&
        !(route.method === "delete" && route.path === "/api/v1/session"),
    );

    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(segment, { minLength: 4, maxLength: 4 }),
          badBody,
          fc.dictionary(
            fc.constantFrom("cycle", "area", "status", "overdue"),
            fc.string({ maxLength: 20 }),
          ),
          fc.constantFrom(network.admin, network.leadA, network.repA),
          async (segments, body, query, client) => {
            let index = 0;
            const path = route.path.replace(
              /:(\w+)/gu,
              () => segments[index++ % segments.length] as string,
            );
            const search = new URLSearchParams(query).toString();
            const answer = await client.request(
              route.method.toUpperCase(),
              `${path}${search === "" ? "" : `?${search}`}`,
              route.method === "get" || route.method === "delete" ? undefined : body,
            );
            expect(
              answer.status,
              `${route.method} ${path} → ${JSON.stringify(answer.body)}`,
            ).toBeLessThan(500);
            if (answer.status === 400) {
              expect(answer.body.errors.length).toBeGreaterThan(0);
              for (const problem of answer.body.errors)
                expect(problem.field).toMatch(/^(body|query)\b/u);
            }
          },
        ),
        // endOnFailure: report the first failing case at once; shrinking HTTP cases can take hours.
        { numRuns: 25, seed: 20211122, endOnFailure: true },
      );
    }
    // The cases above were judged by the handlers, not turned away at the door.
    for (const client of [network.admin, network.leadA, network.repA])
      expect((await client.get("/api/v1/session")).status).toBe(200);
  }, 240_000);

  it("refuses malformed JSON and oversized bodies with problem documents", async () => {
    const broken = await network.admin.request("POST", "/api/v1/organisations", "{not json", {
      "content-type": "application/json",
    });
    expect(broken.status).toBe(400);
    expect(broken.body.errors).toEqual([{ field: "body", message: "is not valid JSON" }]);
    const huge = await network.admin.request(
      "POST",
      "/api/v1/organisations",
      JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }),
    );
    expect(huge.status).toBe(413);
    expect(huge.headers.get("content-type")).toContain("application/problem+json");
    // A declared length is judged before anything is read (Node's parser holds the body to it);
    // one within the limit goes through.
    const declaredHuge = await network.admin.request("POST", "/api/v1/organisations", "{}", {
      "content-type": "application/json",
      "content-length": String(2 * 1024 * 1024),
    });
    expect(declaredHuge.status).toBe(413);
    expect(declaredHuge.body.detail).toMatch(/^The limit is \d+ bytes\.$/u);
    const small = JSON.stringify({ name: "Declared length organisation" });
    const declaredSmall = await network.admin.request("POST", "/api/v1/organisations", small, {
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(small)),
    });
    expect(declaredSmall.status).toBe(201);
  });

  it("answers 404, not 500, for path segments no database could hold (NUL bytes)", async () => {
    // Every route with a path parameter, each parameter set to a NUL byte in turn.
    for (const route of harness.app.router.routes.filter((r) => r.path.includes(":"))) {
      if (route.method !== "get") continue;
      const path = route.path.replace(/:(\w+)/gu, "%00");
      const answer = await network.admin.request("GET", `${path}?cycle=%00&area=%00`);
      expect(answer.status, `${route.path} → ${answer.status}`).toBeLessThan(500);
    }
  });
});
