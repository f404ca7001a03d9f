import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openEmbedded, schema } from "../src/index.ts";
import { openTestDatabase, testDrivers } from "../src/testing.ts";

describe.each(testDrivers())("database on %s", (driver) => {
  it("migrates and round-trips a tenant row", async () => {
    const database = await openTestDatabase(driver);
    try {
      await database.ping();
      const [organisation] = await database.db
        .insert(schema.organisations)
        .values({ name: "Demo Health Partnership" })
        .returning();
      expect(organisation?.id).toMatch(/^[0-9a-f-]{36}$/u);
      const [service] = await database.db
        .insert(schema.services)
        .values({ organisationId: organisation!.id, name: "Alder House" })
        .returning();
      const found = await database.db
        .select()
        .from(schema.services)
        .where(eq(schema.services.id, service!.id));
      expect(found[0]?.namedInBenchmarks).toBe(false);
    } finally {
      await database.dispose();
    }
  });

  it("rolls back a failed transaction whole", async () => {
    const database = await openTestDatabase(driver);
    try {
      await expect(
        database.db.transaction(async (tx) => {
          await tx.insert(schema.organisations).values({ name: "One" });
          await tx.insert(schema.organisations).values({ name: "One" });
        }),
      ).rejects.toThrow();
      expect(await database.db.select().from(schema.organisations)).toEqual([]);
    } finally {
      await database.dispose();
    }
  });
});

describe("embedded database on disk", () => {
  const dirs: Array<string> = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("keeps its data across a restart", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sequin-pglite-"));
    dirs.push(dir);
    const first = await openEmbedded(dir);
    await first.migrate();
    await first.db.insert(schema.organisations).values({ name: "Kept" });
    await first.close();
    const second = await openEmbedded(dir);
    await second.migrate();
    expect((await second.db.select().from(schema.organisations)).map((o) => o.name)).toEqual([
      "Kept",
    ]);
    await second.close();
  });
});
