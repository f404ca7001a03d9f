// The interactive API reference at /api/docs: Swagger UI served from the installed package (no CDN),
// under a CSP that allows only the portal's own scripts and styles.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Hono } from "hono";
import type { AppEnv } from "../http/Api.ts";
import { PAGE_CSP } from "../http/Security.ts";

const require = createRequire(import.meta.url);
const assetsDir = dirname(require.resolve("swagger-ui-dist/package.json"));

const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

const INIT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#reference", deepLinking: true });
});
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SeQuIn API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<main id="reference"></main>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script>
</body>
</html>
`;

export const registerApiReference = (app: Hono<AppEnv>): void => {
  const cache = new Map<string, string>();
  app.get("/api/docs", (c) =>
    c.html(PAGE, 200, { "content-security-policy": PAGE_CSP, "cache-control": "no-cache" }),
  );
  app.get("/api/docs/assets/init.js", (c) =>
    c.body(INIT, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "content-security-policy": PAGE_CSP,
    }),
  );
  app.get("/api/docs/assets/:file", async (c) => {
    const file = c.req.param("file");
    const type = ASSETS[file];
    if (type === undefined) return c.notFound();
    let body = cache.get(file);
    if (body === undefined) {
      body = await readFile(join(assetsDir, file), "utf8");
      cache.set(file, body);
    }
    return c.body(body, 200, {
      "content-type": type,
      "cache-control": "public, max-age=86400",
      "content-security-policy": PAGE_CSP,
    });
  });
};
