import { exampleStockOrder } from "@kakunin/contracts/examples";
import { orderCheckSchema, orderReceiptSchema } from "@kakunin/contracts/trading";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, cashBalances, orders, positions } from "../../db/schema.ts";
import { grantHolding } from "../../domain/orders/ledger.ts";
import { createTaro } from "../../test/customers.ts";
import { createTestCore, readAs, readError, TEST_OPS_TOKEN, testBackends, testClient } from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

// Issue 17 B2 for 訂正: the new price and quantity are checked before 訂正確認 by the rules
// modifyOrder applies, so the customer hears of a refusal before typing the 執行パスワード.
describe.each(testBackends)("POST /v1/customers/:id/orders/:orderNumber/modification-checks ($name)", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
    // トヨタ自動車 (7203): previous close 1,950, so 値幅制限 1,550–2,350; the price stays at 1,950.
    const res = await core.call("/ops/market/instruments/7203/price", {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_OPS_TOKEN}` },
      json: { operator: "qa", price: 1_950 },
    });
    if (res.status !== 200) throw new Error(`set price failed: ${res.status}`);
  });
  afterAll(() => core.close());

  const place = async (customerId: string, request: Record<string, unknown>) => {
    const res = await core.call(`/v1/customers/${customerId}/orders`, {
      method: "POST",
      json: { request, requestKey: `key-${crypto.randomUUID()}`, client: testClient },
    });
    expect(res.status).toBe(201);
    return (await readAs(res, orderReceiptSchema)).orderNumber;
  };
  const check = (customerId: string, orderNumber: string, change: { quantity: number; limitPrice: number }) =>
    core.call(`/v1/customers/${customerId}/orders/${orderNumber}/modification-checks`, {
      method: "POST",
      json: { request: { orderNumber, ...change }, client: testClient },
    });
  const modify = (customerId: string, orderNumber: string, change: { quantity: number; limitPrice: number }) =>
    core.call(`/v1/customers/${customerId}/orders/${orderNumber}`, {
      method: "PUT",
      json: { request: { orderNumber, ...change }, requestKey: `key-${crypto.randomUUID()}`, client: testClient },
    });
  const stateOf = async (customerId: string) => ({
    cash: await core.db.select().from(cashBalances).where(eq(cashBalances.customerId, customerId)),
    positions: await core.db.select().from(positions).where(eq(positions.customerId, customerId)),
    orders: await core.db.select().from(orders).where(eq(orders.customerId, customerId)),
  });

  /** An open 指値 buy of 100 at 1,600 (holds back ¥160,000) and an open sell of 100 of the 200 held. */
  async function customerWithOpenOrders() {
    const c = await createTaro(core, { cash: 1_000_000 });
    await grantHolding(core.db, c.id, "7203", 200, 360_000);
    const buy = await place(c.id, { ...exampleStockOrder, quantity: 100, limitPrice: 1_600 });
    const sell = await place(c.id, { ...exampleStockOrder, side: "sell", quantity: 100, limitPrice: 2_300 });
    return { id: c.id, buy, sell };
  }

  const refused: [string, "buy" | "sell", { quantity: number; limitPrice: number }, Record<string, string>][] = [
    [
      "a price outside the 値幅制限",
      "buy",
      { quantity: 100, limitPrice: 2_400 },
      { path: "limitPrice", reason: "price_limit", message: "値幅制限（1,550円～2,350円）の範囲外です。" },
    ],
    [
      "a quantity off the 100-share unit",
      "buy",
      { quantity: 150, limitPrice: 1_600 },
      { path: "quantity", reason: "lot", message: "数量は100株単位で入力してください。" },
    ],
    [
      // 700 × 1,600 needs ¥960,000 more than the ¥160,000 already held back; ¥840,000 is free.
      "more cash than 買付余力 beyond what the order holds",
      "buy",
      { quantity: 700, limitPrice: 1_600 },
      { path: "quantity", reason: "buying_power", message: "買付余力（¥840,000）を超えています。" },
    ],
    [
      // The order holds 100 of the 200 shares; 300 is more than the 200 it could hold.
      "selling more than held",
      "sell",
      { quantity: 300, limitPrice: 2_300 },
      { path: "quantity", reason: "holdings", message: "売却可能な数量（200株）を超えています。" },
    ],
  ];

  it.each(refused)(
    "refuses %s on its field, exactly as the 訂正 itself does, and stores nothing",
    async (_l, which, change, field) => {
      const c = await customerWithOpenOrders();
      const orderNumber = c[which];
      const before = await stateOf(c.id);

      const res = await check(c.id, orderNumber, change);
      expect(res.status).toBe(422);
      const error = await readError(res);
      expect(error).toMatchObject({ code: "order_rejected", fields: [field] });
      expect(await stateOf(c.id)).toEqual(before);

      const modified = await modify(c.id, orderNumber, change);
      expect(modified.status).toBe(422);
      expect((await readError(modified)).fields).toEqual(error.fields);
      expect(await stateOf(c.id)).toEqual(before);

      const checks = await core.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.customerId, c.id), eq(auditEvents.eventType, "order_check")));
      expect(checks.map((e) => [e.outcome, e.detail?.orderNumber, e.detail?.reason])).toEqual([
        ["failure", orderNumber, [field.reason]],
      ]);
    },
  );

  it("answers ok for a 訂正 that may be confirmed (within what is free, or smaller), and stores nothing", async () => {
    const c = await customerWithOpenOrders();
    const before = await stateOf(c.id);
    const auditBefore = await core.db.select().from(auditEvents).where(eq(auditEvents.customerId, c.id));
    for (const [orderNumber, change] of [
      [c.buy, { quantity: 600, limitPrice: 1_600 }],
      [c.buy, { quantity: 100, limitPrice: 1_700 }],
      [c.sell, { quantity: 200, limitPrice: 2_350 }],
    ] as const) {
      const res = await check(c.id, orderNumber, change);
      expect(res.status).toBe(200);
      expect(await readAs(res, orderCheckSchema)).toEqual({ ok: true });
    }
    expect(await stateOf(c.id)).toEqual(before);
    expect(await core.db.select().from(auditEvents).where(eq(auditEvents.customerId, c.id))).toEqual(auditBefore);
  });

  it("an order no longer open is 409 order_not_open, another customer's or a missing one 404", async () => {
    const c = await customerWithOpenOrders();
    const cancelled = await core.call(`/v1/customers/${c.id}/orders/${c.buy}/cancellation`, {
      method: "POST",
      json: { requestKey: `key-${crypto.randomUUID()}`, client: testClient },
    });
    expect(cancelled.status).toBe(200);
    const res = await check(c.id, c.buy, { quantity: 100, limitPrice: 1_600 });
    expect(res.status).toBe(409);
    expect(await readError(res)).toMatchObject({ code: "order_not_open" });

    const other = await createTaro(core);
    expect((await check(other.id, c.sell, { quantity: 100, limitPrice: 2_300 })).status).toBe(404);
  });

  it("refuses a stopped account (取引停止), as the 訂正 would", async () => {
    const c = await customerWithOpenOrders();
    const stop = await core.call(`/v1/customers/${c.id}/trading-stop`, {
      method: "POST",
      json: { client: testClient },
    });
    expect(stop.status).toBe(200);
    const res = await check(c.id, c.buy, { quantity: 100, limitPrice: 1_700 });
    expect(res.status).toBe(403);
    expect(await readError(res)).toMatchObject({ code: "account_stopped" });
  });
});
