// The services every repository and route may depend on. The app builds them once (createApp);
// tests build them over a fresh migrated database.
import type { Database, DatabaseHandle } from "@sequin/db";
import type { LoadedStandards } from "@sequin/standards";
import { Context } from "effect";
import type { Config } from "./Config.ts";
import type { Logger } from "./http/Logger.ts";
import type { Printer } from "./pdf/Printer.ts";

export class Db extends Context.Service<Db, Database>()("@sequin/portal/Db") {}

/** The open database behind `Db`: its driver and prepared-statement execution for hot paths. */
export class DbHandle extends Context.Service<DbHandle, DatabaseHandle>()(
  "@sequin/portal/DbHandle",
) {}

/** The current time. A service so tests can move the clock (session expiry, overdue actions). */
export class Now extends Context.Service<Now, () => Date>()("@sequin/portal/Now") {}

export class StandardsData extends Context.Service<StandardsData, LoadedStandards>()(
  "@sequin/portal/StandardsData",
) {}

export class AppConfig extends Context.Service<AppConfig, Config>()("@sequin/portal/AppConfig") {}

export class Log extends Context.Service<Log, Logger>()("@sequin/portal/Log") {}

/** Tells this instance's job worker that work was queued (it also polls, for other instances). */
export class JobSignal extends Context.Service<JobSignal, { readonly wake: () => void }>()(
  "@sequin/portal/JobSignal",
) {}

/** Prints the portal's PDFs (area reports, the network pack). */
export class Pdf extends Context.Service<Pdf, Printer>()("@sequin/portal/Pdf") {}
