// The real portal on a random loopback port for browser tests: the shared harness (fresh migrated
// database, movable clock) with the public origin the browser actually uses.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { TestDriver } from "@sequin/db/testing";
import { type Harness, startHarness } from "../../support/harness.ts";

export interface WebServer {
  readonly harness: Harness;
  readonly origin: string;
  readonly close: () => Promise<void>;
}

export const startWebServer = async (driver: TestDriver = "pglite"): Promise<WebServer> => {
  // The port must be known before the app is built (it is the app's public origin), so the server
  // starts first and forwards to the app once it exists.
  let harness: Harness | undefined;
  const server = serve({
    fetch: (request, env) =>
      harness === undefined
        ? new Response("starting", { status: 503 })
        : harness.app.app.fetch(request, env),
    port: 0,
    hostname: "127.0.0.1",
  });
  if (!server.listening) await new Promise((resolve) => server.once("listening", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  harness = await startHarness(driver, { publicOrigin: origin });
  const started = harness;
  return {
    harness: started,
    origin,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await started.close();
    },
  };
};
