import { errorMessages } from "@kakunin/contracts/error-body";
import { exampleStockOrder } from "@kakunin/contracts/examples";
import { instrumentListSchema, orderCheckSchema, orderReceiptSchema } from "@kakunin/contracts/trading";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAs, readError } from "../../test/harness.ts";
import { type BffOnRealCore, createBffOnRealCore } from "../../test/real-core.ts";

/** Issue 17 B2: an order is checked by core before its confirmation, through the BFF. */
let h: BffOnRealCore;
beforeAll(async () => {
  h = await createBffOnRealCore();
}, 120_000);
afterAll(() => h?.close());

const check = (json: unknown, session: string) => h.send("/api/me/order-checks", "POST", json, [session]);

describe("POST /api/me/order-checks", () => {
  it("passes core's refusal on the field (a 1-yen limit, more than held), stores nothing, and needs no password", async () => {
    const { customer, session } = await h.customerWithSession();
    const before = await h.snapshot(customer.customer.id);

    const oneYen = await check({ ...exampleStockOrder, limitPrice: 1 }, session);
    expect(oneYen.status).toBe(422);
    const error = await readError(oneYen);
    expect(error.code).toBe("order_rejected");
    expect(error.fields).toEqual([
      {
        path: "limitPrice",
        reason: "price_limit",
        message: expect.stringMatching(/^値幅制限（.+円～.+円）の範囲外です。$/),
      },
    ]);

    const oversell = await check({ ...exampleStockOrder, side: "sell" }, session);
    expect(await readError(oversell)).toMatchObject({
      fields: [{ path: "quantity", reason: "holdings", message: "売却可能な数量（0株）を超えています。" }],
    });

    const ok = await check(exampleStockOrder, session);
    expect(ok.status).toBe(200);
    expect(await readAs(ok, orderCheckSchema)).toEqual({ ok: true });
    expect(await h.snapshot(customer.customer.id)).toBe(before);
  });

  it("a body the shared schema refuses gets the BFF's field error; without a session, 401", async () => {
    const { session } = await h.customerWithSession();
    const bad = await check({ ...exampleStockOrder, quantity: "abc" }, session);
    expect(bad.status).toBe(400);
    expect(await readError(bad)).toMatchObject({
      code: "validation_failed",
      message: errorMessages.validation_failed,
      fields: [{ path: "quantity", message: "数量は半角数字で入力してください。" }],
    });
    const anonymous = await h.send("/api/me/order-checks", "POST", exampleStockOrder, []);
    expect(anonymous.status).toBe(401);
  });
});

describe("POST /api/me/orders/:orderNumber/modification-checks", () => {
  /** An open 指値 buy at the day's lower limit, placed in core directly (it cannot fill). */
  async function openBuyAtLowerLimit(customerId: string) {
    const market = await readAs(await h.core.call("/v1/instruments"), instrumentListSchema);
    const low = market.instruments.find((i) => i.code === exampleStockOrder.instrumentCode)?.limitDown ?? 1;
    const res = await h.core.call(`/v1/customers/${customerId}/orders`, {
      method: "POST",
      json: {
        request: { ...exampleStockOrder, limitPrice: low },
        requestKey: `key-${crypto.randomUUID()}`,
        client: { ipAddress: "127.0.0.1", userAgent: "vitest" },
      },
    });
    expect(res.status).toBe(201);
    return { placed: (await readAs(res, orderReceiptSchema)).orderNumber, low };
  }
  const checkChange = (orderNumber: string, json: unknown, session: string) =>
    h.send(`/api/me/orders/${orderNumber}/modification-checks`, "POST", json, [session]);

  it("passes core's refusal of a 訂正 on its field before 訂正確認, and answers ok for one that may be confirmed", async () => {
    const { customer, session } = await h.customerWithSession();
    const { placed, low } = await openBuyAtLowerLimit(customer.customer.id);
    const before = await h.snapshot(customer.customer.id);

    const outside = await checkChange(placed, { orderNumber: placed, quantity: 100, limitPrice: 1 }, session);
    expect(outside.status).toBe(422);
    expect(await readError(outside)).toMatchObject({
      code: "order_rejected",
      fields: [{ path: "limitPrice", reason: "price_limit" }],
    });
    const ok = await checkChange(placed, { orderNumber: placed, quantity: 200, limitPrice: low }, session);
    expect(ok.status).toBe(200);
    expect(await readAs(ok, orderCheckSchema)).toEqual({ ok: true });
    expect(await h.snapshot(customer.customer.id)).toBe(before);
  });

  it("the order in the path must be the one in the body, and another customer's order is not found", async () => {
    const { customer, session } = await h.customerWithSession();
    const { placed } = await openBuyAtLowerLimit(customer.customer.id);
    const mismatch = await checkChange(placed, { orderNumber: "O99999999", quantity: 100, limitPrice: 1_000 }, session);
    expect(mismatch.status).toBe(400);
    expect(await readError(mismatch)).toMatchObject({ fields: [{ path: "orderNumber" }] });

    const other = await h.customerWithSession();
    const foreign = await checkChange(placed, { orderNumber: placed, quantity: 100, limitPrice: 1_000 }, other.session);
    expect(foreign.status).toBe(404);
  });
});
