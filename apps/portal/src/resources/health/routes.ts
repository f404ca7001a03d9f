import type { DatabaseHandle } from "@sequin/db";
import type { Hono } from "hono";
import type { AppEnv } from "../../http/Api.ts";

/** `/healthz`: the process answers. `/readyz`: the database answers too (within 2 s). */
export const registerHealthRoutes = (app: Hono<AppEnv>, database: DatabaseHandle): void => {
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const timeout = new Promise<"timeout">((resolve) =>
      setTimeout(() => resolve("timeout"), 2000).unref(),
    );
    try {
      const outcome = await Promise.race([database.ping().then(() => "ok" as const), timeout]);
      return outcome === "ok"
        ? c.json({ status: "ready", database: database.driver })
        : c.json({ status: "not ready", reason: "database did not answer in 2 s" }, 503);
    } catch {
      return c.json({ status: "not ready", reason: "database unreachable" }, 503);
    }
  });
};
