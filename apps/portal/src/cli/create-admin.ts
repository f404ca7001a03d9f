#!/usr/bin/env node
// First run: creates a network admin and prints a one-time password (changed at first sign-in).
//   pnpm --filter @sequin/portal create-admin -- --login lead@network.nhs.uk --name "Network lead"
// With the embedded database, run it while the portal is stopped: PGlite is one process at a time.
import { parseArgs } from "node:util";
import { schema } from "@sequin/db";
import { eq } from "drizzle-orm";
import { Result } from "effect";
import { hashPassword, oneTimePassword } from "../auth/Passwords.ts";
import { readConfig } from "../Config.ts";
import { openConfiguredDatabase } from "../database.ts";

const { values } = parseArgs({
  options: { login: { type: "string" }, name: { type: "string" } },
  allowPositionals: false,
});
const config = readConfig(process.env);
if (Result.isFailure(config)) {
  console.error(config.failure.message);
  process.exit(1);
}
const login = (values.login ?? "admin").trim().toLowerCase();
const displayName = (values.name ?? "Network admin").trim();
if (login === "" || login.length > 320) {
  console.error("--login: give a sign-in name or email address (at most 320 characters)");
  process.exit(1);
}

const database = await openConfiguredDatabase(config.success);
try {
  await database.migrate();
  const existing = await database.db
    .select()
    .from(schema.accounts)
    .where(eq(schema.accounts.login, login));
  if (existing.length > 0) {
    console.error(`--login: an account "${login}" already exists`);
    process.exitCode = 1;
  } else {
    const password = oneTimePassword();
    await database.db.insert(schema.accounts).values({
      login,
      displayName,
      role: "network-admin",
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
    console.log(
      `Network admin "${login}" created.\nOne-time password: ${password}\nSign in and choose a new password.`,
    );
  }
} finally {
  await database.close();
}
