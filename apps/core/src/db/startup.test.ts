import { readdir } from "node:fs/promises";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueMissingInitialExecutionPasswords } from "../domain/credentials/initial-password.ts";
import { createTaro } from "../test/customers.ts";
import { createScratchDatabase } from "../test/scratch-database.ts";
import { createTestCore, type TwoHandles, twoInstanceBackends } from "../test/test-app.ts";
import { openPostgres } from "./client.ts";
import { customers, passwordHistory } from "./schema.ts";

// Issue 18: two core instances start at the same time on one database (a deploy, a restart
// of the cluster): both must come up, and what start-up does must happen once.

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

// PGlite is opened by one process only, so only a server can see two start-ups at once.
if (serverUrl)
  describe("two core instances migrating a new PostgreSQL database at once", () => {
    it("both succeed, and each migration is applied once", async () => {
      const scratch = await createScratchDatabase(serverUrl, "kakunin_test");
      const a = openPostgres(scratch.url);
      const b = openPostgres(scratch.url);
      try {
        // Without the start-up lock one of them fails on a duplicate table.
        await Promise.all([a.migrate(), b.migrate()]);
        const result = await a.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        const applied = (result as unknown as { rows: { n: number }[] }).rows[0]?.n;
        const migrations = (await readdir(new URL("../../drizzle", import.meta.url))).filter((f) => f.endsWith(".sql"));
        expect(applied).toBe(migrations.length);
      } finally {
        await Promise.all([a.close(), b.close()]);
        await scratch.drop();
      }
    });
  });

describe.each(twoInstanceBackends)(
  "initial execution passwords issued by two starting instances on $name",
  ({ open }) => {
    let handles: TwoHandles;
    beforeAll(async () => {
      handles = await open();
    });
    afterAll(() => handles.close());

    it("a customer without one gets exactly one, whichever instance issues it", async () => {
      const a = await createTestCore({ database: handles.a });
      const b = await createTestCore({ database: handles.b });
      const c = await createTaro(a);
      // As a customer created before the execution password existed.
      await a.db.delete(passwordHistory).where(eq(passwordHistory.customerId, c.id));
      await a.db.update(customers).set({ executionPasswordHash: null }).where(eq(customers.id, c.id));
      const issued = await Promise.all([
        issueMissingInitialExecutionPasswords(a.db, a.services),
        issueMissingInitialExecutionPasswords(b.db, b.services),
      ]);
      expect(issued[0] + issued[1]).toBe(1);
      const history = await a.db
        .select({ hash: passwordHistory.hash })
        .from(passwordHistory)
        .where(and(eq(passwordHistory.customerId, c.id), eq(passwordHistory.kind, "execution")));
      const [row] = await a.db.select().from(customers).where(eq(customers.id, c.id));
      // The password お知らせ shows is the one that was stored.
      expect(history.map((h) => h.hash)).toEqual([row?.executionPasswordHash]);
    });
  },
);
