// The web layer's protections without a browser: CSRF and origin checks on form posts, the strict
// CSP, safe redirects, escaping, assets with long caching, and pages for what does not exist.
import { testDrivers } from "@sequin/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type Harness, startHarness } from "../support/harness.ts";
import { FormClient } from "./support/forms.ts";

describe.each(testDrivers())("web protections on %s", (driver) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(driver);
    await createAccount(harness, { login: "admin@network.test", role: "network-admin" });
  });
  afterAll(() => harness.close());

  const signIn = async () => {
    const client = new FormClient(harness);
    const answer = await client.post("/portal/sign-in", {
      login: "admin@network.test",
      password: "correct horse battery",
      next: "/portal/",
    });
    expect(answer.status).toBe(303);
    expect(answer.location).toBe("/portal/");
    const page = await client.get("/portal/");
    expect(page.status).toBe(200);
    return { client, csrf: FormClient.csrfOf(page.text) };
  };

  it("serves pages with a strict CSP and same-origin referrers", async () => {
    const page = await new FormClient(harness).get("/portal/sign-in");
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/u);
    expect(page.text).not.toMatch(/\sstyle="/u);
  });

  it("refuses form posts from another origin, even to sign in", async () => {
    const client = new FormClient(harness);
    const answer = await client.post(
      "/portal/sign-in",
      { login: "admin@network.test", password: "correct horse battery" },
      { origin: "https://evil.example" },
    );
    expect(answer.status).toBe(403);
    expect(answer.text).toContain("did not come from this website");
    expect(client.cookie).toBeUndefined();
  });

  it("refuses signed-in form posts without the session's CSRF token", async () => {
    const { client, csrf } = await signIn();
    const missing = await client.post("/portal/sign-out", {});
    expect(missing.status).toBe(403);
    const wrong = await client.post("/portal/sign-out", { _csrf: `${csrf}x` });
    expect(wrong.status).toBe(403);
    expect((await client.get("/portal/")).status).toBe(200);
    const right = await client.post("/portal/sign-out", { _csrf: csrf });
    expect(right.status).toBe(303);
    expect(right.location).toBe("/portal/sign-in?signed-out=1");
    const after = await client.get("/portal/");
    expect(after.status).toBe(303);
    expect(after.location).toBe("/portal/sign-in?next=%2Fportal%2F");
  });

  it("returns only to the portal's own pages after signing in", async () => {
    for (const next of [
      "https://evil.example/",
      "//evil.example/portal/",
      "/api/v1/session",
      "/portal/\\evil",
    ]) {
      const client = new FormClient(harness);
      const answer = await client.post("/portal/sign-in", {
        login: "admin@network.test",
        password: "correct horse battery",
        next,
      });
      expect(answer.location, next).toBe("/portal/");
    }
  });

  it("escapes what people typed", async () => {
    const { client } = await signIn();
    const admin = await import("../support/harness.ts").then((m) =>
      m.signedIn(harness, "admin@network.test"),
    );
    const organisation = (await admin.post("/api/v1/organisations", { name: "Org" })).body;
    await admin.post("/api/v1/services", {
      organisationId: organisation.id,
      name: `<script>alert("x")</script> & Sons`,
    });
    const page = await client.get("/portal/");
    expect(page.text).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons");
    expect(page.text).not.toContain("<script>alert");
  });

  it("answers unknown pages and other services' pages with a page, not JSON", async () => {
    const { client } = await signIn();
    const missing = await client.get("/portal/no-such-page");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("text/html");
    expect(missing.text).toContain("Page not found – SeQuIn");
    const traversal = await client.get("/portal/services/..%2F..%2Fcycles");
    expect(traversal.status).toBe(404);
    expect((await client.get("/portal")).location).toBe("/portal/");
  });

  it("serves nhsuk-frontend and our files with versioned URLs and long caching", async () => {
    const client = new FormClient(harness);
    const page = await client.get("/portal/sign-in");
    const urls = [...page.text.matchAll(/(?:href|src)="(\/portal\/assets\/[^"]+)"/gu)].map(
      (match) => match[1] as string,
    );
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) {
      const asset = await client.get(url);
      expect(asset.status, url).toBe(200);
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
    const css = await client.get(urls.find((url) => url.endsWith("nhsuk-frontend.min.css")) ?? "");
    expect(css.text).not.toContain("assets.nhs.uk");
    expect(css.text).not.toContain("url(/assets/");
    expect((await client.get("/portal/assets/nhsuk-0.0.0/x.css")).status).toBe(404);
  });
});
