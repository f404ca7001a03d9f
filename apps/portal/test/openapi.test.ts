import { testDrivers } from "@sequin/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, type Harness, startHarness } from "./support/harness.ts";

describe.each(testDrivers().slice(0, 1))("the API description on %s", (driver) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(driver);
  });
  afterAll(() => harness.close());

  it("is an OpenAPI 3.1 document listing every route with its schemas", async () => {
    const answer = await new Client(harness).get("/api/v1/openapi.json");
    expect(answer.status).toBe(200);
    const document = answer.body;
    expect(document.openapi).toBe("3.1.0");
    for (const route of harness.app.router.routes) {
      const path = route.path.replace(/:(\w+)/gu, "{$1}");
      const operation = document.paths[path]?.[route.method];
      expect(operation, `${route.method} ${path}`).toBeDefined();
      expect(operation.summary).toBe(route.summary);
      if (route.body !== undefined)
        expect(operation.requestBody.content["application/json"].schema).toBeDefined();
      // Downloads say what they are, not "application/json".
      const success = operation.responses[String(route.successStatus)];
      if (route.produces !== undefined)
        expect(Object.keys(success.content ?? {}), `${route.method} ${path}`).toEqual(
          route.produces,
        );
    }
    const report =
      document.paths["/api/v1/services/{serviceId}/cycles/{cycle}/areas/{area}/report.pdf"].get;
    expect(report.responses["200"].content["application/pdf"].schema.format).toBe("binary");
    const exported = document.paths["/api/v1/cycles/{cycle}/export"].get.responses["200"].content;
    expect(Object.keys(exported)).toContain("text/csv");
    expect(exported["application/json"].schema).not.toEqual({ type: "string" });
    // Every $ref resolves.
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/gu) ?? [];
    for (const ref of new Set(refs)) {
      const name = /#\/components\/schemas\/([^"]+)/u.exec(ref)?.[1];
      expect(name, ref).toBeDefined();
      expect(document.components.schemas[name as string], ref).toBeDefined();
    }
    const login =
      document.paths["/api/v1/session"].post.requestBody.content["application/json"].schema;
    expect(login.required).toEqual(["login", "password"]);
  });

  it("serves an interactive reference with its own assets under a CSP", async () => {
    const client = new Client(harness);
    const page = await client.get("/api/docs");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.body).toContain('src="/api/docs/assets/swagger-ui-bundle.js"');
    expect(page.body).not.toMatch(/https?:\/\/(?!localhost)/u);
    for (const asset of ["swagger-ui-bundle.js", "swagger-ui.css", "init.js"]) {
      expect((await client.get(`/api/docs/assets/${asset}`)).status, asset).toBe(200);
    }
    expect((await client.get("/api/docs/assets/../../package.json")).status).toBe(404);
  });
});
