// The public site is fully static. Build-time code in src/lib/ and the workspace packages run as
// plain Node modules (kept out of the bundle) so that they read standards-data/, the downloads and
// the results from their real locations, exactly as the tests import them.
import { fileURLToPath, pathToFileURL } from "node:url";
import { defineConfig } from "astro/config";
import { isNhsukCss, selfContainedNhsukCss } from "./src/build/nhsuk-css.ts";

const libDir = fileURLToPath(new URL("./src/lib/", import.meta.url));

export default defineConfig({
  trailingSlash: "always",
  // Compression drops the space between a line's text and a link that starts the next line.
  compressHTML: false,
  build: { format: "directory" },
  devToolbar: { enabled: false },
  vite: {
    // Scripts as files, never inline: the portal serves this site under a CSP without
    // 'unsafe-inline' (script-src 'self').
    build: { assetsInlineLimit: 0 },
    plugins: [
      {
        name: "sequin:external-build-modules",
        enforce: "pre",
        async resolveId(id, importer) {
          if (this.environment.name === "client") return null;
          if (id.startsWith("@sequin/")) return { id, external: true };
          const resolved = await this.resolve(id, importer, { skipSelf: true });
          // A file URL is kept as written, wherever the bundle that imports it ends up.
          return resolved?.id.startsWith(libDir)
            ? { id: pathToFileURL(resolved.id).href, external: true }
            : null;
        },
      },
      {
        // Before Vite's own CSS handling, so that the icons it bundles are the package's.
        name: "sequin:nhsuk-css",
        enforce: "pre",
        transform(code, id) {
          return isNhsukCss(id) ? { code: selfContainedNhsukCss(code), map: null } : null;
        },
      },
    ],
  },
});
