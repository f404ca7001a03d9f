#!/usr/bin/env node
// Starts the portal: configuration, standards, database (migrated), demo seed, HTTP server.
import { serve } from "@hono/node-server";
import { formatProblems, loadStandards, StandardsDataError } from "@sequin/standards";
import { Effect, Exit, Result } from "effect";
import { createApp, runWith } from "./app.ts";
import { readConfig } from "./Config.ts";
import { openConfiguredDatabase } from "./database.ts";
import { makeLogger } from "./http/Logger.ts";
import { ensureStandardsSet } from "./repositories/Cycles.ts";
import { isEmpty, seedDemoNetwork } from "./seed/demo.ts";

const config = readConfig(process.env);
if (Result.isFailure(config)) {
  console.error(config.failure.message);
  process.exit(1);
}
const logger = makeLogger(config.success.logLevel);

const standards = await Effect.runPromiseExit(loadStandards());
if (Exit.isFailure(standards)) {
  const failure = standards.cause.reasons.find((reason) => reason._tag === "Fail");
  const error = failure?.error;
  console.error(
    error instanceof StandardsDataError
      ? `standards-data is not valid:\n${formatProblems(error.problems)}`
      : String(standards.cause),
  );
  process.exit(1);
}

const database = await openConfiguredDatabase(config.success);
await database.migrate();
const portal = createApp({ database, standards: standards.value, config: config.success, logger });
await runWith(portal, ensureStandardsSet(standards.value.set));
if (config.success.seedDemo && (await runWith(portal, isEmpty))) {
  const seeded = await runWith(portal, seedDemoNetwork);
  logger.info("seeded the demo network (made-up data, every name marked demo)", seeded);
}

portal.jobs.start();

const server = serve(
  { fetch: portal.app.fetch, port: config.success.port, hostname: config.success.host },
  (info) => {
    logger.info("SeQuIn portal listening", {
      url: `http://localhost:${info.port}`,
      apiReference: `http://localhost:${info.port}/api/docs`,
      database:
        config.success.databaseUrl === undefined
          ? `embedded (${config.success.dataDir})`
          : "PostgreSQL",
    });
  },
);

const shutdown = async (signal: string) => {
  logger.info("shutting down", { signal });
  server.close();
  await portal.dispose();
  await database.close();
  process.exit(0);
};
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
