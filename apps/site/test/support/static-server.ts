// A tiny static file server for the built site, the way a plain web server would serve it:
// `/x/` serves `/x/index.html`, unknown paths get 404.html with status 404.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

export interface StaticServer {
  readonly origin: string;
  readonly close: () => Promise<void>;
}

const fileFor = async (root: string, pathname: string): Promise<string | undefined> => {
  const path = normalize(join(root, decodeURIComponent(pathname)));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) {
    return undefined;
  }
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory() && pathname.endsWith("/")) {
      const index = join(path, "index.html");
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    return undefined;
  }
  return undefined;
};

export const PORTAL_PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** Serves `root` on a random loopback port. */
export const serveStatic = async (root: string): Promise<StaticServer> => {
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    void fileFor(root, pathname).then(async (file) => {
      const status = file === undefined ? 404 : 200;
      const served = file ?? (await fileFor(root, "/404.html"));
      response.writeHead(status, {
        "content-type": TYPES[extname(served ?? "")] ?? "application/octet-stream",
        // The policy the portal serves the site under (apps/portal/src/http/Security.ts PAGE_CSP):
        // an inline script would be blocked there, so the browser tests must see it blocked too.
        "content-security-policy": PORTAL_PAGE_CSP,
      });
      if (served === undefined || request.method === "HEAD") {
        response.end();
        return;
      }
      createReadStream(served).pipe(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
};
