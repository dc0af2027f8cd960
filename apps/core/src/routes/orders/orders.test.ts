import { exampleMarketStockOrder } from "@kakunin/contracts/examples";
import { opsMarketResultSchema } from "@kakunin/contracts/ops";
import { accountOpeningListSchema } from "@kakunin/contracts/registered-info";
import { createTestCustomerResponseSchema } from "@kakunin/contracts/test-support";
import {
  balancesSchema,
  instrumentListSchema,
  orderListSchema,
  orderReceiptSchema,
  orderSchema,
} from "@kakunin/contracts/trading";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountOpenings, auditEvents, cashBalances, marginPositions, orders, outbox } from "../../db/schema.ts";
import { jstDate } from "../../domain/customers.ts";
import { marketDraw, nextPrice, priceLimits, tickSize } from "../../domain/market.ts";
import { grantHolding } from "../../domain/orders/ledger.ts";
import { createTaro } from "../../test/customers.ts";
import { createTestCore, readAs, readError, TEST_OPS_TOKEN, testBackends, testClient } from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

interface NewCustomerOptions {
  cash?: number;
  tradeMail?: boolean;
  fundMail?: boolean;
  /** 信用取引口座: true = 開設済, "審査中" = applied for; default 未開設, as for every new customer. */
  marginAccount?: true | "審査中";
}

async function newCustomer(core: Core, options: NewCustomerOptions = {}) {
  return createTaro(core, {
    cash: options.cash ?? 1_000_000,
    mailSettings: [
      ...(options.tradeMail ? [{ type: "trade_execution" as const, enabled: true, destination: 1 as const }] : []),
      ...(options.fundMail ? [{ type: "fund_execution" as const, enabled: true, destination: 1 as const }] : []),
    ],
    ...(options.marginAccount ? { accountOpenings: [marginAccountRow(options.marginAccount)] } : {}),
  });
}

function marginAccountRow(status: true | "審査中") {
  return status === true
    ? ({ kind: "信用取引口座", status: "開設済", appliedOn: "2026-01-05", openedOn: "2026-01-13" } as const)
    : ({ kind: "信用取引口座", status: "審査中", appliedOn: "2026-11-20", openedOn: null } as const);
}

/** Changes the 信用取引口座 of an existing customer (as an operator's review would). */
const setMarginAccount = (core: Core, customerId: string, status: "開設済" | "審査中" | "未開設") =>
  core.db
    .update(accountOpenings)
    .set({ status })
    .where(and(eq(accountOpenings.customerId, customerId), eq(accountOpenings.kind, "信用取引口座")));

const newKey = () => `key-${crypto.randomUUID()}`;

const stock = (o: Record<string, unknown>) => ({ ...exampleMarketStockOrder, ...o });

const place = (core: Core, customerId: string, request: Record<string, unknown>, requestKey = newKey()) =>
  core.call(`/v1/customers/${customerId}/orders`, {
    method: "POST",
    json: { request, requestKey, client: testClient },
  });

const placeOk = async (core: Core, customerId: string, request: Record<string, unknown>) => {
  const res = await place(core, customerId, request);
  if (res.status !== 201) throw new Error(`place failed: ${res.status} ${await res.text()}`);
  return readAs(res, orderReceiptSchema);
};

const cancel = (core: Core, customerId: string, orderNumber: string, requestKey = newKey()) =>
  core.call(`/v1/customers/${customerId}/orders/${orderNumber}/cancellation`, {
    method: "POST",
    json: { requestKey, client: testClient },
  });

const modify = (
  core: Core,
  customerId: string,
  orderNumber: string,
  quantity: number,
  limitPrice: number,
  requestKey = newKey(),
) =>
  core.call(`/v1/customers/${customerId}/orders/${orderNumber}`, {
    method: "PUT",
    json: { request: { orderNumber, quantity, limitPrice }, requestKey, client: testClient },
  });

const ops = (core: Core, path: string, json: unknown) =>
  core.call(path, { method: "POST", headers: { authorization: `Bearer ${TEST_OPS_TOKEN}` }, json });

const setPrice = async (core: Core, code: string, price: number) => {
  const res = await ops(core, `/ops/market/instruments/${code}/price`, { operator: "qa", price });
  if (res.status !== 200) throw new Error(`set price failed: ${res.status} ${await res.text()}`);
  return readAs(res, opsMarketResultSchema);
};

const withdrawable = async (core: Core, customerId: string) =>
  (await core.db.select().from(cashBalances).where(eq(cashBalances.customerId, customerId)))[0]?.withdrawable;

const balancesOf = async (core: Core, customerId: string) =>
  readAs(await core.call(`/v1/customers/${customerId}/balances`), balancesSchema);

const orderOf = async (core: Core, customerId: string, orderNumber: string) => {
  const { orders: list } = await readAs(await core.call(`/v1/customers/${customerId}/orders`), orderListSchema);
  const found = list.find((o) => o.orderNumber === orderNumber);
  if (!found) throw new Error(`no order ${orderNumber}`);
  return found;
};

const mails = (core: Core, customerId: string) =>
  core.db.select().from(outbox).where(eq(outbox.customerId, customerId)).orderBy(outbox.id);

describe("market rules", () => {
  it("uses the TSE tick and price-limit tables", () => {
    expect([3_000, 3_001, 5_000, 5_001, 30_000, 30_001, 50_001, 300_001].map(tickSize)).toEqual([
      1, 5, 5, 10, 10, 50, 100, 500,
    ]);
    expect(priceLimits(1_950)).toEqual({ limitDown: 1_550, limitUp: 2_350 });
    expect(priceLimits(2_000)).toEqual({ limitDown: 1_500, limitUp: 2_500 });
    expect(priceLimits(99)).toEqual({ limitDown: 69, limitUp: 129 });
  });

  it("steps prices deterministically from the seed, on the tick and within the limits", () => {
    const row = { code: "6758", kind: "stock" as const, price: 10_500, previousClose: 10_500, step: 0 };
    expect(nextPrice(row, 42)).toBe(nextPrice(row, 42));
    expect(marketDraw(1, "6758", 1)).not.toBe(marketDraw(2, "6758", 1));
    let current = row;
    for (let i = 0; i < 200; i++) {
      const price = nextPrice(current, 7);
      expect(price % tickSize(price)).toBe(0);
      expect(price).toBeGreaterThanOrEqual(7_500);
      expect(price).toBeLessThanOrEqual(13_500);
      current = { ...current, price, step: current.step + 1 };
    }
  });
});

describe("注文 (R17, R18, R19)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  it("lists about 20 stocks and 5 funds with prices and daily limits", async () => {
    const { instruments } = await readAs(await core.call("/v1/instruments"), instrumentListSchema);
    expect(instruments.filter((i) => i.kind === "stock")).toHaveLength(20);
    expect(instruments.filter((i) => i.kind === "fund").map((i) => i.code)).toEqual([
      "F001",
      "F002",
      "F003",
      "F004",
      "F005",
    ]);
    expect(instruments.find((i) => i.code === "7203")).toMatchObject({
      name: "トヨタ自動車",
      lotSize: 100,
      limitUp: 2_350,
      limitDown: 1_550,
    });
    expect((await core.call("/v1/instruments", { headers: { authorization: "Bearer nope" } })).status).toBe(401);
  });

  it("fills a market buy at the current price, debits exactly and mails 取引(約定)通知 when on", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core, { tradeMail: true });
    const order = await placeOk(core, c.id, stock({}));
    expect(order).toMatchObject({
      orderNumber: expect.stringMatching(/^O\d{8}$/),
      status: "filled",
      filledPrice: 1_950,
      filledQuantity: 100,
      instrumentName: "トヨタ自動車",
      // Issue 17 B7: where the 取引(約定)通知 went, for the completion screen.
      executionMailTo: expect.stringMatching(/^.\*\*\*@/),
    });
    expect(await withdrawable(core, c.id)).toBe(805_000);
    const b = await balancesOf(core, c.id);
    expect(b.positions).toEqual([
      {
        code: "7203",
        name: "トヨタ自動車",
        quantity: 100,
        reservedQuantity: 0,
        averagePrice: 1_950,
        price: 1_950,
        marketValue: 195_000,
        unrealizedPnl: 0,
      },
    ]);
    expect(b).toMatchObject({ cash: 805_000, buyingPower: 805_000, totalValuation: 1_000_000 });
    const queued = await mails(core, c.id);
    expect(queued.map((m) => m.mailType)).toEqual(["trade_execution"]);
    expect(queued[0]?.bodyText).toContain(`注文番号: ${order.orderNumber}`);
    expect(queued[0]?.bodyText).toContain("数量: 100株");
  });

  it("queues no mail on a fill when 取引(約定)通知 is off", async () => {
    const c = await newCustomer(core);
    const order = await placeOk(core, c.id, stock({}));
    expect(order.status).toBe("filled");
    expect(order.executionMailTo).toBeNull();
    expect(await mails(core, c.id)).toHaveLength(0);
  });

  it("keeps a limit buy open, fills it when the price crosses and refunds the difference", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core);
    const order = await placeOk(core, c.id, stock({ priceType: "limit", limitPrice: 1_900 }));
    expect(order.status).toBe("open");
    expect(await withdrawable(core, c.id)).toBe(810_000);
    expect(await balancesOf(core, c.id)).toMatchObject({ cash: 1_000_000, buyingPower: 810_000 });
    expect((await setPrice(core, "7203", 1_901)).filledOrders).toBe(0);
    expect((await setPrice(core, "7203", 1_880)).filledOrders).toBe(1);
    expect(await orderOf(core, c.id, order.orderNumber)).toMatchObject({ status: "filled", filledPrice: 1_880 });
    expect(await withdrawable(core, c.id)).toBe(812_000);
    expect((await cancel(core, c.id, order.orderNumber)).status).toBe(409);
  });

  it("fills a limit order at placement when the price is already crossed (at the current price)", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core);
    const order = await placeOk(core, c.id, stock({ priceType: "limit", limitPrice: 2_000 }));
    expect(order).toMatchObject({ status: "filled", filledPrice: 1_950 });
    expect(await withdrawable(core, c.id)).toBe(805_000);
  });

  it.each([
    ["lot", stock({ quantity: 150 }), "quantity", "数量は100株単位で入力してください。"],
    [
      "tick",
      stock({ instrumentCode: "9432", priceType: "limit", limitPrice: 3_901 }),
      "limitPrice",
      "この価格帯の呼値は5円単位です。",
    ],
    [
      "price_limit",
      stock({ priceType: "limit", limitPrice: 2_400 }),
      "limitPrice",
      "値幅制限（1,550円～2,350円）の範囲外です。",
    ],
    ["unknown_instrument", stock({ instrumentCode: "1234" }), "instrumentCode", "該当する銘柄がありません。"],
    ["holdings", stock({ side: "sell" }), "quantity", "売却可能な数量（0株）を超えています。"],
    [
      "margin_position",
      stock({ account: "margin", marginAction: "close", side: "sell" }),
      "quantity",
      "返済できる建玉がありません（数量をご確認ください）。",
    ],
  ])("refuses %s with a field error and stores nothing", async (reason, request, path, message) => {
    await setPrice(core, "7203", 1_950);
    // 信用取引口座 開設済, so the margin case is refused for its position, not for the account.
    const c = await newCustomer(core, { marginAccount: true });
    const res = await place(core, c.id, request);
    expect(res.status).toBe(422);
    expect(await readError(res)).toMatchObject({ code: "order_rejected", fields: [{ path, message, reason }] });
    expect(await withdrawable(core, c.id)).toBe(1_000_000);
    expect(await core.db.select().from(orders).where(eq(orders.customerId, c.id))).toHaveLength(0);
  });

  it("refuses more than 買付余力, stating it in yen", async () => {
    const c = await newCustomer(core, { cash: 100_000 });
    const res = await place(core, c.id, stock({ priceType: "limit", limitPrice: 1_900 }));
    expect(res.status).toBe(422);
    expect(await readError(res)).toMatchObject({
      code: "order_rejected",
      fields: [{ path: "quantity", message: "買付余力（¥100,000）を超えています。", reason: "buying_power" }],
    });
    expect(await withdrawable(core, c.id)).toBe(100_000);
  });

  it("places one order per request key (idempotent submit)", async () => {
    const c = await newCustomer(core);
    const key = newKey();
    const request = stock({ priceType: "limit", limitPrice: 1_800 });
    const first = await place(core, c.id, request, key);
    expect(first.status).toBe(201);
    const again = await Promise.all([place(core, c.id, request, key), place(core, c.id, request, key)]);
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    const numbers = await Promise.all([first, ...again].map(async (r) => (await readAs(r, orderSchema)).orderNumber));
    expect(new Set(numbers).size).toBe(1);
    expect(await withdrawable(core, c.id)).toBe(820_000);
    expect(await core.db.select().from(orders).where(eq(orders.customerId, c.id))).toHaveLength(1);
  });

  it("a key reused for another order, or for a 取消, is refused with 422 idempotency_key_reused; nothing else happens", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core);
    const key = newKey();
    const first = await place(core, c.id, stock({ priceType: "limit", limitPrice: 1_800 }), key);
    expect(first.status).toBe(201);
    const placed = await readAs(first, orderSchema);

    const other = await place(core, c.id, stock({ priceType: "limit", limitPrice: 1_900 }), key);
    expect(other.status).toBe(422);
    expect((await readError(other)).code).toBe("idempotency_key_reused");
    const asCancel = await cancel(core, c.id, placed.orderNumber, key);
    expect(asCancel.status).toBe(422);
    expect((await readError(asCancel)).code).toBe("idempotency_key_reused");

    expect(await withdrawable(core, c.id)).toBe(820_000);
    const rows = await core.db.select().from(orders).where(eq(orders.customerId, c.id));
    expect(rows.map((o) => [o.limitPrice, o.status])).toEqual([[1_800, "open"]]);
    const refusals = await core.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.customerId, c.id),
          eq(auditEvents.eventType, "order_place"),
          eq(auditEvents.outcome, "failure"),
        ),
      );
    expect(refusals.map((a) => a.detail)).toEqual([
      { request: stock({ priceType: "limit", limitPrice: 1_900 }), reason: "idempotency_key_reused" },
    ]);
    // The first order itself, retried with its key in another key order, still gets the first answer.
    const { instrumentCode, ...rest } = stock({ priceType: "limit", limitPrice: 1_800 });
    const replay = await place(core, c.id, { ...rest, instrumentCode }, key);
    expect(replay.status).toBe(200);
    expect(await readAs(replay, orderSchema)).toEqual(placed);
  });

  it("a 訂正's key: another price is refused; its retry after a later 訂正 answers without applying it again", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core);
    const order = await placeOk(core, c.id, stock({ priceType: "limit", limitPrice: 1_900 }));
    const key = newKey();
    expect((await modify(core, c.id, order.orderNumber, 200, 1_800, key)).status).toBe(200);
    expect(await withdrawable(core, c.id)).toBe(640_000);

    const otherPrice = await modify(core, c.id, order.orderNumber, 200, 1_850, key);
    expect(otherPrice.status).toBe(422);
    expect((await readError(otherPrice)).code).toBe("idempotency_key_reused");
    expect(await orderOf(core, c.id, order.orderNumber)).toMatchObject({ quantity: 200, limitPrice: 1_800 });

    expect((await modify(core, c.id, order.orderNumber, 100, 1_800)).status).toBe(200);
    expect(await withdrawable(core, c.id)).toBe(820_000);
    const late = await modify(core, c.id, order.orderNumber, 200, 1_800, key);
    expect(late.status).toBe(200);
    expect(await readAs(late, orderSchema)).toMatchObject({ quantity: 100, limitPrice: 1_800, status: "open" });
    expect(await withdrawable(core, c.id)).toBe(820_000);
  });

  it("取消 with the key of another order's 取消 is refused, and that order stays open", async () => {
    const c = await newCustomer(core);
    const a = await placeOk(core, c.id, stock({ priceType: "limit", limitPrice: 1_700 }));
    const b = await placeOk(core, c.id, stock({ priceType: "limit", limitPrice: 1_700 }));
    const key = newKey();
    expect((await cancel(core, c.id, a.orderNumber, key)).status).toBe(200);
    const reused = await cancel(core, c.id, b.orderNumber, key);
    expect(reused.status).toBe(422);
    expect((await readError(reused)).code).toBe("idempotency_key_reused");
    expect((await orderOf(core, c.id, b.orderNumber)).status).toBe("open");
    expect(await withdrawable(core, c.id)).toBe(830_000);
  });

  it("訂正 re-reserves the difference, refuses beyond 買付余力 and then fills when crossed", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core);
    const order = await placeOk(core, c.id, stock({ priceType: "limit", limitPrice: 1_900 }));
    expect(await withdrawable(core, c.id)).toBe(810_000);
    const res = await modify(core, c.id, order.orderNumber, 200, 1_800);
    expect(res.status).toBe(200);
    expect(await readAs(res, orderSchema)).toMatchObject({ status: "open", quantity: 200, limitPrice: 1_800 });
    expect(await withdrawable(core, c.id)).toBe(640_000);
    const tooMuch = await modify(core, c.id, order.orderNumber, 600, 1_800);
    expect(tooMuch.status).toBe(422);
    expect((await readError(tooMuch)).fields?.[0]?.reason).toBe("buying_power");
    expect((await readError(await modify(core, c.id, order.orderNumber, 150, 1_800))).fields?.[0]?.reason).toBe("lot");
    expect(await withdrawable(core, c.id)).toBe(640_000);
    const smaller = await modify(core, c.id, order.orderNumber, 100, 1_950);
    expect(await readAs(smaller, orderSchema)).toMatchObject({ status: "filled", filledPrice: 1_950 });
    expect(await withdrawable(core, c.id)).toBe(805_000);
    expect((await modify(core, c.id, order.orderNumber, 100, 1_900)).status).toBe(409);
  });

  it("取消 releases the reservation; a retry with the same key answers the same; others get 409", async () => {
    const c = await newCustomer(core);
    const order = await placeOk(core, c.id, stock({ priceType: "limit", limitPrice: 1_700 }));
    expect(await withdrawable(core, c.id)).toBe(830_000);
    const key = newKey();
    const res = await cancel(core, c.id, order.orderNumber, key);
    expect(res.status).toBe(200);
    expect((await readAs(res, orderSchema)).status).toBe("cancelled");
    expect((await cancel(core, c.id, order.orderNumber, key)).status).toBe(200);
    const other = await cancel(core, c.id, order.orderNumber);
    expect(other.status).toBe(409);
    expect((await readError(other)).code).toBe("order_not_open");
    expect(await withdrawable(core, c.id)).toBe(1_000_000);
    expect((await cancel(core, c.id, "O99999999")).status).toBe(404);
  });

  it("sells holdings: reserves the shares, refuses more than free, credits the proceeds on fill", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core, { cash: 0 });
    await grantHolding(core.db, c.id, "7203", 200, 360_000);
    const order = await placeOk(core, c.id, stock({ side: "sell", priceType: "limit", limitPrice: 2_000 }));
    expect(order.status).toBe("open");
    expect((await balancesOf(core, c.id)).positions[0]).toMatchObject({ quantity: 200, reservedQuantity: 100 });
    const over = await place(core, c.id, stock({ side: "sell", quantity: 200 }));
    expect(await readError(over)).toMatchObject({
      fields: [{ path: "quantity", reason: "holdings", message: "売却可能な数量（100株）を超えています。" }],
    });
    expect((await setPrice(core, "7203", 2_010)).filledOrders).toBe(1);
    expect(await withdrawable(core, c.id)).toBe(201_000);
    expect((await balancesOf(core, c.id)).positions[0]).toMatchObject({
      quantity: 100,
      reservedQuantity: 0,
      averagePrice: 1_800,
    });
    const all = await placeOk(core, c.id, stock({ side: "sell" }));
    expect(all.status).toBe("filled");
    expect((await balancesOf(core, c.id)).positions).toEqual([]);
    expect(await withdrawable(core, c.id)).toBe(402_000);
  });

  it("opens a margin long with 30 % margin and realizes the P&L on 返済", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core, { marginAccount: true });
    const open = await placeOk(core, c.id, stock({ account: "margin", marginAction: "open" }));
    expect(open.status).toBe("filled");
    expect(await withdrawable(core, c.id)).toBe(1_000_000 - 58_500);
    await setPrice(core, "7203", 2_050);
    let b = await balancesOf(core, c.id);
    expect(b.marginPositions).toEqual([
      expect.objectContaining({
        side: "buy",
        quantity: 100,
        openPrice: 1_950,
        unrealizedPnl: 10_000,
        requiredMargin: 58_500,
      }),
    ]);
    expect(b.cash).toBe(1_000_000);
    expect(b.totalValuation).toBe(1_010_000);
    const close = await placeOk(core, c.id, stock({ account: "margin", marginAction: "close", side: "sell" }));
    expect(close).toMatchObject({ status: "filled", filledPrice: 2_050 });
    expect(await withdrawable(core, c.id)).toBe(1_010_000);
    b = await balancesOf(core, c.id);
    expect(b.marginPositions).toEqual([]);
  });

  it("opens a margin short and a losing 返済 takes the loss from the released margin", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core, { marginAccount: true });
    await placeOk(core, c.id, stock({ account: "margin", marginAction: "open", side: "sell" }));
    expect(await withdrawable(core, c.id)).toBe(1_000_000 - 58_500);
    // 返済 needs the opposite side: a buy closes the short; another sell would open nothing to close.
    expect((await place(core, c.id, stock({ account: "margin", marginAction: "close", side: "sell" }))).status).toBe(
      422,
    );
    await setPrice(core, "7203", 2_100);
    const closing = await placeOk(
      core,
      c.id,
      stock({ account: "margin", marginAction: "close", side: "buy", priceType: "limit", limitPrice: 2_050 }),
    );
    expect(closing.status).toBe("open");
    expect((await balancesOf(core, c.id)).marginPositions[0]?.unrealizedPnl).toBe(-15_000);
    await setPrice(core, "7203", 2_050);
    expect(await orderOf(core, c.id, closing.orderNumber)).toMatchObject({ status: "filled", filledPrice: 2_050 });
    // 58,500 of margin released, less the 10,000 loss.
    expect(await withdrawable(core, c.id)).toBe(990_000);
    expect((await balancesOf(core, c.id)).marginPositions).toEqual([]);
  });

  it("executes a fund buy and a fund sell at the next NAV run, with 投信約定通知メール when on", async () => {
    const c = await newCustomer(core, { fundMail: true });
    const buy = await placeOk(core, c.id, {
      kind: "fund",
      fundCode: "F001",
      side: "buy",
      amount: 100_000,
      units: null,
    });
    expect(buy.status).toBe("open");
    expect(await withdrawable(core, c.id)).toBe(900_000);
    const run = await readAs(await ops(core, "/ops/market/nav-run", { operator: "qa" }), opsMarketResultSchema);
    expect(run.filledOrders).toBeGreaterThanOrEqual(1);
    const filled = await orderOf(core, c.id, buy.orderNumber);
    const nav = filled.filledPrice ?? 0;
    const units = Math.floor((100_000 * 10_000) / nav);
    expect(filled).toMatchObject({ status: "filled", filledQuantity: units });
    expect((await balancesOf(core, c.id)).fundHoldings).toEqual([
      expect.objectContaining({ code: "F001", units, nav }),
    ]);
    const over = await place(core, c.id, {
      kind: "fund",
      fundCode: "F001",
      side: "sell",
      amount: null,
      units: units + 1,
    });
    expect((await readError(over)).fields?.[0]).toMatchObject({ path: "units", reason: "holdings" });
    const sell = await placeOk(core, c.id, { kind: "fund", fundCode: "F001", side: "sell", amount: null, units });
    await ops(core, "/ops/market/nav-run", { operator: "qa" });
    const sold = await orderOf(core, c.id, sell.orderNumber);
    expect(await withdrawable(core, c.id)).toBe(900_000 + Math.floor((units * (sold.filledPrice ?? 0)) / 10_000));
    expect((await balancesOf(core, c.id)).fundHoldings).toEqual([]);
    expect((await mails(core, c.id)).map((m) => m.mailType)).toEqual(["fund_execution", "fund_execution"]);
  });

  it("moves every stock one deterministic step on market tick", async () => {
    const before = await readAs(await core.call("/v1/instruments"), instrumentListSchema);
    const res = await ops(core, "/ops/market/tick", { operator: "qa" });
    expect(res.status).toBe(200);
    const after = await readAs(await core.call("/v1/instruments"), instrumentListSchema);
    for (const i of after.instruments.filter((x) => x.kind === "stock")) {
      expect(i.price).toBeGreaterThanOrEqual(i.limitDown ?? 0);
      expect(i.price).toBeLessThanOrEqual(i.limitUp ?? 0);
    }
    expect(after.instruments.map((i) => i.price)).not.toEqual(before.instruments.map((i) => i.price));
  });

  it("refuses a set price off the tick or outside the limits", async () => {
    const off = await ops(core, "/ops/market/instruments/9432/price", { operator: "qa", price: 3_901 });
    expect(off.status).toBe(400);
    expect((await readError(off)).fields?.[0]?.reason).toBe("tick");
    const unknown = await ops(core, "/ops/market/instruments/1234/price", { operator: "qa", price: 100 });
    expect(unknown.status).toBe(404);
  });
});

describe("信用取引口座: 信用新規 only when it is 開設済; 返済 always", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ enableTestApi: true });
  });
  afterAll(() => core.close());

  const MESSAGE = "信用取引口座が開設されていないため、信用取引の新規建てのご注文はお受けできません。";
  const refusal = { code: "order_rejected", fields: [{ path: "account", message: MESSAGE, reason: "margin_account" }] };
  const marginOrders = [
    ["信用新規買", stock({ account: "margin", marginAction: "open", side: "buy" })],
    ["信用新規売", stock({ account: "margin", marginAction: "open", side: "sell" })],
    ["信用新規買 (指値)", stock({ account: "margin", marginAction: "open", priceType: "limit", limitPrice: 1_900 })],
  ] as const;

  /** Everything an order could touch: free cash, holdings, margin positions, orders. */
  const stateOf = async (customerId: string) => ({
    withdrawable: await withdrawable(core, customerId),
    balances: await balancesOf(core, customerId),
    marginRows: await core.db.select().from(marginPositions).where(eq(marginPositions.customerId, customerId)),
    orders: await core.db.select().from(orders).where(eq(orders.customerId, customerId)),
  });

  describe.each([
    ["未開設", {}],
    ["審査中", { marginAccount: "審査中" }],
  ] as const)("信用取引口座 %s", (_status, options) => {
    it.each(marginOrders)("refuses %s on 取引区分, reserving and storing nothing", async (_label, request) => {
      await setPrice(core, "7203", 1_950);
      const c = await newCustomer(core, options);
      await grantHolding(core.db, c.id, "7203", 100, 190_000);
      const before = await stateOf(c.id);
      const res = await place(core, c.id, request);
      expect(res.status).toBe(422);
      expect(await readError(res)).toMatchObject(refusal);
      const after = await stateOf(c.id);
      expect(after).toEqual(before);
      expect(after.withdrawable).toBe(1_000_000);
      expect(after.orders).toEqual([]);
      expect(after.balances.positions).toEqual([expect.objectContaining({ quantity: 100, reservedQuantity: 0 })]);
      // Audited as a refused order, like every other validation refusal.
      const events = await core.db.select().from(auditEvents).where(eq(auditEvents.customerId, c.id));
      expect(events.map((e) => [e.eventType, e.outcome, e.detail?.reason])).toEqual([
        ["order_place", "failure", ["margin_account"]],
      ]);
    });

    it("still takes 現物 orders, and balances say marginAccountOpen: false", async () => {
      await setPrice(core, "7203", 1_950);
      const c = await newCustomer(core, options);
      expect((await placeOk(core, c.id, stock({}))).status).toBe("filled");
      expect(await balancesOf(core, c.id)).toMatchObject({ buyingPower: 805_000, marginAccountOpen: false });
    });
  });

  it("開設済: the same orders are accepted and balances say marginAccountOpen: true", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core, { marginAccount: true });
    expect((await balancesOf(core, c.id)).marginAccountOpen).toBe(true);
    const long = await placeOk(core, c.id, stock({ account: "margin", marginAction: "open", side: "buy" }));
    const short = await placeOk(core, c.id, stock({ account: "margin", marginAction: "open", side: "sell" }));
    const limit = await placeOk(
      core,
      c.id,
      stock({ account: "margin", marginAction: "open", priceType: "limit", limitPrice: 1_900 }),
    );
    expect([long.status, short.status, limit.status]).toEqual(["filled", "filled", "open"]);
    expect((await balancesOf(core, c.id)).marginPositions).toHaveLength(2);
    const closeLong = await placeOk(core, c.id, stock({ account: "margin", marginAction: "close", side: "sell" }));
    const closeShort = await placeOk(core, c.id, stock({ account: "margin", marginAction: "close", side: "buy" }));
    expect([closeLong.status, closeShort.status]).toEqual(["filled", "filled"]);
    const b = await balancesOf(core, c.id);
    expect(b.marginPositions).toEqual([]);
    // Only the open 指値 新規 holds its margin: 30 % of 1,900 × 100.
    expect(b.buyingPower).toBe(1_000_000 - 57_000);
  });

  it("still takes 返済 of a held position once the account is no longer 開設済: closing only lowers the risk", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core, { marginAccount: true });
    await placeOk(core, c.id, stock({ account: "margin", marginAction: "open" }));
    await setMarginAccount(core, c.id, "審査中");
    expect((await stateOf(c.id)).marginRows).toEqual([expect.objectContaining({ quantity: 100 })]);
    // 新規 is refused now …
    expect(await readError(await place(core, c.id, stock({ account: "margin", marginAction: "open" })))).toMatchObject(
      refusal,
    );
    // … while 返済 closes the position.
    const close = await placeOk(core, c.id, stock({ account: "margin", marginAction: "close", side: "sell" }));
    expect(close.status).toBe("filled");
    expect((await stateOf(c.id)).marginRows).toEqual([]);
    expect((await balancesOf(core, c.id)).marginAccountOpen).toBe(false);
  });

  it("refuses 返済 without a position for that reason, not for the account", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core);
    const res = await place(core, c.id, stock({ account: "margin", marginAction: "close", side: "sell" }));
    expect(res.status).toBe(422);
    const error = await readError(res);
    expect(error.code).toBe("order_rejected");
    expect(error.fields?.map((f) => f.reason)).not.toContain("margin_account");
  });

  it("refuses a 訂正 of an open 信用 order once the account is no longer 開設済; 取消 still releases it", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core, { marginAccount: true });
    const order = await placeOk(
      core,
      c.id,
      stock({ account: "margin", marginAction: "open", priceType: "limit", limitPrice: 1_900 }),
    );
    expect(await withdrawable(core, c.id)).toBe(1_000_000 - 57_000);
    await setMarginAccount(core, c.id, "未開設");
    const res = await modify(core, c.id, order.orderNumber, 200, 1_900);
    expect(res.status).toBe(422);
    expect(await readError(res)).toMatchObject(refusal);
    expect(await orderOf(core, c.id, order.orderNumber)).toMatchObject({ status: "open", quantity: 100 });
    expect(await withdrawable(core, c.id)).toBe(1_000_000 - 57_000);
    // A 現物 order's 訂正 does not depend on the margin account.
    const cash = await placeOk(core, c.id, stock({ priceType: "limit", limitPrice: 1_800 }));
    expect((await modify(core, c.id, cash.orderNumber, 100, 1_850)).status).toBe(200);
    expect((await cancel(core, c.id, order.orderNumber)).status).toBe(200);
    expect(await withdrawable(core, c.id)).toBe(1_000_000 - 185_000);
  });

  it("the test API opens the 信用取引口座 on the creation date with marginAccount: true, and only then", async () => {
    await setPrice(core, "7203", 1_950);
    const create = async (json: object) =>
      readAs(await core.call("/test/customers", { method: "POST", json }), createTestCustomerResponseSchema);
    const opened = await create({ marginAccount: true });
    const plain = await create({});
    const marginAccountOf = async (customerId: string) =>
      (
        await readAs(await core.call(`/v1/customers/${customerId}/account-openings`), accountOpeningListSchema)
      ).accounts.find((a) => a.kind === "信用取引口座");
    const today = jstDate(core.services.clock.now());
    expect(await marginAccountOf(opened.customer.id)).toEqual({
      kind: "信用取引口座",
      status: "開設済",
      appliedOn: today,
      openedOn: today,
    });
    expect((await marginAccountOf(plain.customer.id))?.status).toBe("未開設");
    const request = stock({ account: "margin", marginAction: "open" });
    expect((await place(core, opened.customer.id, request)).status).toBe(201);
    expect(await readError(await place(core, plain.customer.id, request))).toMatchObject(refusal);
  });
});

describe("失効 (expire-orders)", () => {
  it("expires open stock orders, releasing cash and shares, and leaves fund orders", async () => {
    const core = await createTestCore();
    try {
      const c = await newCustomer(core);
      await grantHolding(core.db, c.id, "7203", 100, 190_000);
      await placeOk(core, c.id, stock({ priceType: "limit", limitPrice: 1_900 }));
      await placeOk(core, c.id, stock({ side: "sell", priceType: "limit", limitPrice: 2_100 }));
      const fund = await placeOk(core, c.id, {
        kind: "fund",
        fundCode: "F002",
        side: "buy",
        amount: 10_000,
        units: null,
      });
      expect(await withdrawable(core, c.id)).toBe(800_000);
      const res = await ops(core, "/ops/orders/expire", { operator: "qa" });
      expect(await readAs(res, opsMarketResultSchema)).toMatchObject({ done: "2 orders expired" });
      expect(await withdrawable(core, c.id)).toBe(990_000);
      expect((await balancesOf(core, c.id)).positions[0]).toMatchObject({ reservedQuantity: 0 });
      const { orders: list } = await readAs(await core.call(`/v1/customers/${c.id}/orders`), orderListSchema);
      expect(list.map((o) => o.status).sort()).toEqual(["expired", "expired", "open"]);
      expect((await orderOf(core, c.id, fund.orderNumber)).status).toBe("open");
    } finally {
      await core.close();
    }
  });
});

describe.each(testBackends)("trading concurrency on $name", ({ name, open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
  });
  afterAll(() => core.close());

  it("10 concurrent buys over 買付余力: exactly the affordable ones succeed, never negative", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => place(core, c.id, stock({ priceType: "limit", limitPrice: 1_900 }))),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 422)).toHaveLength(5);
    expect(await withdrawable(core, c.id)).toBe(50_000);
    const open = await core.db
      .select()
      .from(orders)
      .where(and(eq(orders.customerId, c.id), eq(orders.status, "open")));
    expect(open).toHaveLength(5);
  });

  // PGlite runs one transaction at a time, so only a server can hold the row while the order waits:
  // the test exists on PostgreSQL only (rather than showing as skipped on PGlite).
  if (name === "PostgreSQL")
    it("a 信用取引口座 change in flight decides a margin order placed meanwhile (no window between check and order)", async () => {
      await setPrice(core, "7203", 1_950);
      const c = await newCustomer(core, { marginAccount: true });
      const marginRow = and(eq(accountOpenings.customerId, c.id), eq(accountOpenings.kind, "信用取引口座"));
      let placed: Promise<Response> | undefined;
      await core.db.transaction(async (tx) => {
        // A review taking the account back to 未開設, holding the row until it commits.
        await tx.select().from(accountOpenings).where(marginRow).for("update");
        const order = Promise.resolve(place(core, c.id, stock({ account: "margin", marginAction: "open" })));
        placed = order;
        let settled = false;
        void order.finally(() => {
          settled = true;
        });
        // Until the order waits on the row's lock (or, were it not locked, has already finished).
        const waiting = async () => {
          const result = await core.db.execute(
            sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          );
          return ((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0) > 0;
        };
        while (!settled && !(await waiting())) await new Promise((resolve) => setTimeout(resolve, 10));
        await tx.update(accountOpenings).set({ status: "未開設" }).where(marginRow);
      });
      const res = await (placed as Promise<Response>);
      expect(res.status).toBe(422);
      expect((await readError(res)).fields).toEqual([expect.objectContaining({ reason: "margin_account" })]);
      expect(await withdrawable(core, c.id)).toBe(1_000_000);
      expect(await core.db.select().from(orders).where(eq(orders.customerId, c.id))).toHaveLength(0);
    });

  it("10 parallel placements with one key and two limit prices: one order; the other price gets 422", async () => {
    await setPrice(core, "7203", 1_950);
    const c = await newCustomer(core);
    const key = newKey();
    const prices = Array.from({ length: 10 }, (_, i) => (i % 2 ? 1_800 : 1_900));
    const responses = await Promise.all(
      prices.map((limitPrice) => place(core, c.id, stock({ priceType: "limit", limitPrice }), key)),
    );
    const rows = await core.db.select().from(orders).where(eq(orders.customerId, c.id));
    expect(rows).toHaveLength(1);
    const taken = rows[0]?.limitPrice;
    const statuses = responses.map((r, i) => [prices[i] === taken, r.status] as const);
    expect(
      statuses
        .filter(([same]) => same)
        .map(([, s]) => s)
        .sort(),
    ).toEqual([200, 200, 200, 200, 201]);
    expect(statuses.filter(([same]) => !same).map(([, s]) => s)).toEqual([422, 422, 422, 422, 422]);
    expect(await withdrawable(core, c.id)).toBe(1_000_000 - (taken ?? 0) * 100);
  });

  it("cancel vs fill: exactly one wins, and the money adds up", async () => {
    // 9432: no other test leaves open orders on it.
    const c = await newCustomer(core, { cash: 5_000_000 });
    let expected = 5_000_000;
    let shares = 0;
    for (let i = 0; i < 10; i++) {
      await setPrice(core, "9432", 3_900);
      const order = await placeOk(core, c.id, stock({ instrumentCode: "9432", priceType: "limit", limitPrice: 3_800 }));
      const [cancelled, priced] = await Promise.all([
        cancel(core, c.id, order.orderNumber),
        setPrice(core, "9432", 3_800),
      ]);
      const final = await orderOf(core, c.id, order.orderNumber);
      if (cancelled.status === 200) {
        expect(final.status).toBe("cancelled");
        expect(priced.filledOrders).toBe(0);
      } else {
        expect(cancelled.status).toBe(409);
        expect(final.status).toBe("filled");
        expect(priced.filledOrders).toBe(1);
        expected -= 380_000;
        shares += 100;
      }
      expect(await withdrawable(core, c.id)).toBe(expected);
    }
    const b = await balancesOf(core, c.id);
    expect(b.positions.find((p) => p.code === "9432")?.quantity ?? 0).toBe(shares);
    expect(b.cash).toBe(expected);
  });
});
