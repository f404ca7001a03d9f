// The public site (apps/site, built by Astro) served at `/` beside the portal, so `pnpm start` gives
// one address for everything. Without a build, `/` says where the portal and the API are.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { AppEnv } from "./http/Api.ts";
import { PAGE_CSP } from "./http/Security.ts";

const withPageHeaders = (response: Response, cacheControl: string) => {
  response.headers.set("content-security-policy", PAGE_CSP);
  response.headers.set("cache-control", cacheControl);
};

export const registerPublicSite = (app: Hono<AppEnv>, siteDir: string): void => {
  if (!existsSync(join(siteDir, "index.html"))) {
    app.get("/", (c) => {
      const page = c.html(
        `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>SeQuIn</title></head><body><main><h1>SeQuIn</h1><p>The public site has not been built (<code>pnpm --filter @sequin/site build</code>).</p><ul><li><a href="/portal/">Sign in to the portal</a></li><li><a href="/api/docs">API reference</a></li></ul></main></body></html>`,
      );
      return page;
    });
    return;
  }
  const files = serveStatic<AppEnv>({ root: siteDir });
  app.use("/*", async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const found = await files(c, next);
    if (found instanceof Response && found.status === 200) {
      // Astro fingerprints its bundles under /_astro/; pages and PDFs may change with each build.
      withPageHeaders(
        found,
        c.req.path.startsWith("/_astro/")
          ? "public, max-age=31536000, immutable"
          : "public, max-age=300",
      );
    }
    return found;
  });
};
