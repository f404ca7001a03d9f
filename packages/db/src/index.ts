export {
  type CompiledStatement,
  compileStatement,
  type Database,
  type DatabaseHandle,
  migrationsFolder,
  openEmbedded,
  openPostgres,
} from "./Database.ts";
export * as schema from "./schema.ts";
