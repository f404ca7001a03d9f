// One helper gives every test a fresh, migrated database: PGlite always, and PostgreSQL too when
// TEST_DATABASE_URL is set. In CI (CI=true) a missing or unreachable PostgreSQL fails loudly.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, openEmbedded, openPostgres } from "./Database.ts";

export type TestDriver = "pglite" | "postgres";

const environment = (name: string): string | undefined => {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
};

/** The drivers every data test runs on here. */
export const testDrivers = (): ReadonlyArray<TestDriver> => {
  const url = environment("TEST_DATABASE_URL");
  if (url === undefined && environment("CI") === "true") {
    throw new Error("CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests must run in CI");
  }
  return url === undefined ? ["pglite"] : ["pglite", "postgres"];
};

let template: Promise<Blob> | undefined;

/** A migrated PGlite, dumped once per process and cloned per test (a cold open costs ~3 s). */
const pgliteTemplate = (): Promise<Blob> => {
  template ??= (async () => {
    const handle = await openEmbedded(undefined);
    await handle.migrate();
    const client = (
      handle.db as unknown as { $client: { dumpDataDir: (c: "none") => Promise<Blob> } }
    ).$client;
    const dump = await client.dumpDataDir("none");
    await handle.close();
    return dump;
  })();
  return template;
};

/** A fresh database on `driver`; `dispose` closes it (and drops it on PostgreSQL). */
export const openTestDatabase = async (
  driver: TestDriver,
): Promise<DatabaseHandle & { readonly dispose: () => Promise<void> }> => {
  if (driver === "pglite") {
    const handle = await openEmbedded(undefined, await pgliteTemplate());
    return { ...handle, dispose: () => handle.close() };
  }
  const url = environment("TEST_DATABASE_URL");
  if (url === undefined) throw new Error("TEST_DATABASE_URL is not set");
  const name = `sequin_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    await admin.end();
    throw new Error(
      `cannot create a test database on TEST_DATABASE_URL: ${(error as Error).message}`,
    );
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openPostgres(target.toString(), { max: 5 });
  await handle.migrate();
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
};
