import { exampleFundOrder, exampleMarketStockOrder, exampleStockOrder } from "@kakunin/contracts/examples";
import { orderCheckSchema } from "@kakunin/contracts/trading";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, cashBalances, marginPositions, orders, positions } from "../../db/schema.ts";
import { grantHolding } from "../../domain/orders/ledger.ts";
import { createTaro } from "../../test/customers.ts";
import { createTestCore, readAs, readError, TEST_OPS_TOKEN, testBackends, testClient } from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

// Issue 17 B2: an order is checked before its confirmation by the same rules that place it,
// so nothing the customer could correct is first heard of after the 執行パスワード.
describe.each(testBackends)("POST /v1/customers/:id/order-checks ($name)", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
    // トヨタ自動車 (7203): previous close 1,950, so 値幅制限 1,550–2,350 and a tick of 1 yen.
    const res = await core.call("/ops/market/instruments/7203/price", {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_OPS_TOKEN}` },
      json: { operator: "qa", price: 1_950 },
    });
    if (res.status !== 200) throw new Error(`set price failed: ${res.status}`);
  });
  afterAll(() => core.close());

  const check = (customerId: string, request: Record<string, unknown>) =>
    core.call(`/v1/customers/${customerId}/order-checks`, {
      method: "POST",
      json: { request, client: testClient },
    });
  const place = (customerId: string, request: Record<string, unknown>) =>
    core.call(`/v1/customers/${customerId}/orders`, {
      method: "POST",
      json: { request, requestKey: `key-${crypto.randomUUID()}`, client: testClient },
    });

  /** Everything an order could touch. */
  const stateOf = async (customerId: string) => ({
    cash: await core.db.select().from(cashBalances).where(eq(cashBalances.customerId, customerId)),
    positions: await core.db.select().from(positions).where(eq(positions.customerId, customerId)),
    margin: await core.db.select().from(marginPositions).where(eq(marginPositions.customerId, customerId)),
    orders: await core.db.select().from(orders).where(eq(orders.customerId, customerId)),
  });

  const limit = (limitPrice: number) => ({ ...exampleStockOrder, limitPrice });
  const refused: [string, Record<string, unknown>, { path: string; reason: string; message: string }][] = [
    [
      "a limit above the 値幅制限 shown on the screen",
      limit(2_400),
      { path: "limitPrice", reason: "price_limit", message: "値幅制限（1,550円～2,350円）の範囲外です。" },
    ],
    [
      "a 1-yen limit",
      limit(1),
      { path: "limitPrice", reason: "price_limit", message: "値幅制限（1,550円～2,350円）の範囲外です。" },
    ],
    [
      "a quantity off the 100-share unit",
      { ...exampleStockOrder, quantity: 150 },
      { path: "quantity", reason: "lot", message: "数量は100株単位で入力してください。" },
    ],
    [
      "selling more than held",
      { ...exampleStockOrder, side: "sell", quantity: 300 },
      { path: "quantity", reason: "holdings", message: "売却可能な数量（200株）を超えています。" },
    ],
    [
      "buying beyond 買付余力 (a 成行 holds back the upper limit)",
      { ...exampleMarketStockOrder, quantity: 500 },
      { path: "quantity", reason: "buying_power", message: "買付余力（¥1,000,000）を超えています。" },
    ],
    [
      "信用新規 without a 信用取引口座",
      { ...exampleStockOrder, account: "margin", marginAction: "open" },
      {
        path: "account",
        reason: "margin_account",
        message: "信用取引口座が開設されていないため、信用取引の新規建てのご注文はお受けできません。",
      },
    ],
    [
      "返済 without a position",
      { ...exampleStockOrder, account: "margin", marginAction: "close", side: "sell" },
      { path: "quantity", reason: "margin_position", message: "返済できる建玉がありません（数量をご確認ください）。" },
    ],
    [
      "a fund buy beyond 買付余力",
      { ...exampleFundOrder, amount: 1_000_001 },
      { path: "amount", reason: "buying_power", message: "買付余力（¥1,000,000）を超えています。" },
    ],
    [
      "a fund sell beyond the units held",
      { ...exampleFundOrder, side: "sell", amount: null, units: 10_000 },
      { path: "units", reason: "holdings", message: "解約可能な口数（0口）を超えています。" },
    ],
    [
      "an unknown issue",
      { ...exampleStockOrder, instrumentCode: "9999" },
      { path: "instrumentCode", reason: "unknown_instrument", message: "該当する銘柄がありません。" },
    ],
  ];

  it.each(refused)(
    "refuses %s on its field, exactly as placing it does, and stores nothing",
    async (_l, request, field) => {
      const c = await createTaro(core, { cash: 1_000_000 });
      await grantHolding(core.db, c.id, "7203", 200, 360_000);
      const before = await stateOf(c.id);

      const res = await check(c.id, request);
      expect(res.status).toBe(422);
      const error = await readError(res);
      expect(error).toMatchObject({ code: "order_rejected", fields: [field] });
      expect(await stateOf(c.id)).toEqual(before);

      // One rule function: placing the same order is refused with the same fields.
      const placed = await place(c.id, request);
      expect(placed.status).toBe(422);
      expect((await readError(placed)).fields).toEqual(error.fields);
      expect(await stateOf(c.id)).toEqual(before);

      const events = await core.db.select().from(auditEvents).where(eq(auditEvents.customerId, c.id));
      expect(events.map((e) => [e.eventType, e.outcome, e.detail?.reason])).toEqual([
        ["order_check", "failure", [field.reason]],
        ["order_place", "failure", [field.reason]],
      ]);
    },
  );

  it("answers ok for an order that may be confirmed, and stores nothing (no order, no reservation, no audit)", async () => {
    const c = await createTaro(core, { cash: 1_000_000 });
    await grantHolding(core.db, c.id, "7203", 200, 360_000);
    const before = await stateOf(c.id);
    for (const request of [
      exampleStockOrder,
      exampleMarketStockOrder,
      { ...exampleStockOrder, side: "sell", quantity: 200 },
      exampleFundOrder,
    ]) {
      const res = await check(c.id, request);
      expect(res.status).toBe(200);
      expect(await readAs(res, orderCheckSchema)).toEqual({ ok: true });
    }
    expect(await stateOf(c.id)).toEqual(before);
    expect(await core.db.select().from(auditEvents).where(eq(auditEvents.customerId, c.id))).toEqual([]);
  });

  it("counts what other open orders hold back: a second sell of the same shares is refused before its confirmation", async () => {
    const c = await createTaro(core, { cash: 0 });
    await grantHolding(core.db, c.id, "7203", 200, 360_000);
    const first = await place(c.id, { ...exampleStockOrder, side: "sell", quantity: 200, limitPrice: 2_300 });
    expect(first.status).toBe(201);
    const res = await check(c.id, { ...exampleStockOrder, side: "sell", quantity: 100, limitPrice: 2_300 });
    expect(await readError(res)).toMatchObject({
      fields: [{ path: "quantity", reason: "holdings", message: "売却可能な数量（0株）を超えています。" }],
    });
  });

  it("refuses a stopped account (取引停止) with its message, as placing would", async () => {
    const c = await createTaro(core);
    expect(
      (await core.call(`/v1/customers/${c.id}/trading-stop`, { method: "POST", json: { client: testClient } })).status,
    ).toBe(200);
    const res = await check(c.id, exampleStockOrder);
    expect(res.status).toBe(403);
    expect(await readError(res)).toMatchObject({ code: "account_stopped" });
  });

  it("bad input gets field errors from the shared schema, and an unknown customer 404", async () => {
    const c = await createTaro(core);
    const bad = await check(c.id, { ...exampleStockOrder, quantity: -1 });
    expect(bad.status).toBe(400);
    expect(await readError(bad)).toMatchObject({ code: "validation_failed", fields: [{ path: "request.quantity" }] });
    const unknown = await check(crypto.randomUUID(), exampleStockOrder);
    expect(unknown.status).toBe(404);
  });
});
