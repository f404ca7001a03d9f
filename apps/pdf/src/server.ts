// Starts the PDF service: `node src/server.ts` (PORT, default 3100; HOST, default 127.0.0.1 — the
// service has no authentication, so expose it only to the portal's network).
import { serve } from "@hono/node-server";
import { createRenderer } from "./browser/Renderer.ts";
import { createPdfServer } from "./http/app.ts";

const port = Number(process.env.PORT ?? 3100);
const hostname = process.env.HOST ?? "127.0.0.1";
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}

let renderer: Awaited<ReturnType<typeof createRenderer>>;
try {
  renderer = await createRenderer();
} catch (error) {
  console.error(`The PDF service cannot start: ${(error as Error).message}`);
  process.exit(1);
}

const server = serve({ fetch: createPdfServer({ renderer }).fetch, port, hostname }, (info) => {
  console.log(`PDF service listening on http://${hostname}:${info.port}`);
});

const stop = (signal: string) => {
  console.log(`${signal}: finishing the PDFs in progress, then stopping`);
  server.close();
  void renderer.close().then(() => process.exit(0));
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));
