import { readFile } from "node:fs/promises";
import { exampleStockOrder } from "@kakunin/contracts/examples";
import { orderSchema } from "@kakunin/contracts/trading";
import { withdrawalOverviewSchema, withdrawalSchema } from "@kakunin/contracts/withdrawals";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestKeys } from "../db/schema.ts";
import { createTaro } from "../test/customers.ts";
import { createTestCore, readAs, readError, testClient } from "../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

const newKey = () => `key-${crypto.randomUUID()}`;
const order = { ...exampleStockOrder, limitPrice: 1_700 };

/** The statement of migration 0007 that copies the keys used before it into request_keys. */
async function backfillStatement(): Promise<string> {
  const file = await readFile(new URL("../../drizzle/0007_request-keys.sql", import.meta.url), "utf8");
  const statement = file.split("--> statement-breakpoint").find((s) => s.includes('INSERT INTO "request_keys"'));
  if (!statement) throw new Error("no backfill in 0007_request-keys.sql");
  return statement;
}

describe("request keys recorded before fingerprints (migration 0007)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  const post = (path: string, json: unknown, method = "POST") => core.call(path, { method, json });

  it("are copied from withdrawals and orders with their operation, replay on it, and refuse any other", async () => {
    const c = await createTaro(core, { cash: 1_000_000 });
    const base = `/v1/customers/${c.id}`;
    const keys = { placeA: newKey(), placeB: newKey(), modifyB: newKey(), cancelA: newKey(), withdrawal: newKey() };
    const a = await readAs(
      await post(`${base}/orders`, { request: order, requestKey: keys.placeA, client: testClient }),
      orderSchema,
    );
    const b = await readAs(
      await post(`${base}/orders`, { request: order, requestKey: keys.placeB, client: testClient }),
      orderSchema,
    );
    const modifyB = {
      request: { orderNumber: b.orderNumber, quantity: 200, limitPrice: 1_700 },
      requestKey: keys.modifyB,
      client: testClient,
    };
    expect((await post(`${base}/orders/${b.orderNumber}`, modifyB, "PUT")).status).toBe(200);
    const cancelA = { requestKey: keys.cancelA, client: testClient };
    expect((await post(`${base}/orders/${a.orderNumber}/cancellation`, cancelA)).status).toBe(200);
    const { bankAccount } = await readAs(await core.call(`${base}/withdrawal-overview`), withdrawalOverviewSchema);
    const withdrawal = {
      request: { amount: 5_000, bankAccountId: bankAccount?.id },
      requestKey: keys.withdrawal,
      client: testClient,
    };
    const first = await readAs(await post(`${base}/withdrawals`, withdrawal), withdrawalSchema);

    // As before the migration: the keys only on the withdrawal and the orders.
    await core.db.delete(requestKeys).where(eq(requestKeys.customerId, c.id));
    await core.db.execute(sql.raw(await backfillStatement()));
    const rows = await core.db.select().from(requestKeys).where(eq(requestKeys.customerId, c.id));
    expect(new Map(rows.map((r) => [r.requestKey, [r.operation, r.fingerprint]]))).toEqual(
      new Map([
        [keys.placeA, ["place_order", null]],
        [keys.placeB, ["place_order", null]],
        [keys.modifyB, ["modify_order", null]],
        [keys.cancelA, ["cancel_order", null]],
        [keys.withdrawal, ["withdrawal", null]],
      ]),
    );

    const replayed = await post(`${base}/withdrawals`, withdrawal);
    expect(replayed.status).toBe(200);
    expect(await readAs(replayed, withdrawalSchema)).toEqual(first);
    expect((await post(`${base}/orders/${b.orderNumber}`, modifyB, "PUT")).status).toBe(200);
    expect((await post(`${base}/orders/${a.orderNumber}/cancellation`, cancelA)).status).toBe(200);

    const asOrder = await post(`${base}/orders`, { request: order, requestKey: keys.withdrawal, client: testClient });
    expect(asOrder.status).toBe(422);
    expect((await readError(asOrder)).code).toBe("idempotency_key_reused");
    const asCancel = await post(`${base}/orders/${b.orderNumber}/cancellation`, {
      ...cancelA,
      requestKey: keys.modifyB,
    });
    expect(asCancel.status).toBe(422);
    expect((await readError(asCancel)).code).toBe("idempotency_key_reused");
  });
});
