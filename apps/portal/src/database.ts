import { type DatabaseHandle, openEmbedded, openPostgres } from "@sequin/db";
import type { Config } from "./Config.ts";

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded database in SEQUIN_DATA_DIR. */
export const openConfiguredDatabase = (config: Config): Promise<DatabaseHandle> =>
  config.databaseUrl === undefined
    ? openEmbedded(config.dataDir)
    : openPostgres(config.databaseUrl);
