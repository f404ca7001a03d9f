// The public site's build served at `/` beside the portal and the API, which keep their own routes.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDrivers } from "@sequin/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness.ts";

const [driver] = testDrivers();

describe("the public site beside the portal", () => {
  let site: string;
  let harness: Harness;

  beforeAll(async () => {
    site = await mkdtemp(join(tmpdir(), "sequin-site-"));
    await mkdir(join(site, "_astro"));
    await mkdir(join(site, "areas", "technology"), { recursive: true });
    await writeFile(join(site, "index.html"), "<!doctype html><title>Home</title><h1>SeQuIn</h1>");
    await writeFile(join(site, "areas", "technology", "index.html"), "<h1>Technology</h1>");
    await writeFile(join(site, "_astro", "site.abc123.css"), "body{margin:0}");
    harness = await startHarness(driver!, { siteDir: site });
  });
  afterAll(async () => {
    await harness.close();
    await rm(site, { recursive: true, force: true });
  });

  const get = (path: string, method = "GET") => harness.app.app.request(path, { method });

  it("serves pages with a page policy and short caching, bundles for a year", async () => {
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("<h1>SeQuIn</h1>");
    expect(home.headers.get("content-security-policy")).toMatch(/script-src 'self'/u);
    expect(home.headers.get("cache-control")).toBe("public, max-age=300");
    expect((await get("/areas/technology/")).status).toBe(200);
    const bundle = await get("/_astro/site.abc123.css");
    expect(bundle.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(bundle.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("leaves the API alone and answers 404 for what is not there", async () => {
    expect((await get("/healthz")).status).toBe(200);
    expect((await get("/api/v1/openapi.json")).headers.get("content-type")).toMatch(/json/u);
    expect((await get("/no-such-page/")).status).toBe(404);
    expect((await get("/../../etc/passwd")).status).toBe(404);
    expect((await get("/", "POST")).status).toBe(404);
  });

  it("says where the portal is when the site has not been built", async () => {
    const bare = await startHarness(driver!, { siteDir: join(site, "missing") });
    try {
      const home = await bare.app.app.request("/");
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('href="/portal/"');
    } finally {
      await bare.close();
    }
  });
});
