import { errorMessages } from "@kakunin/contracts/errors";
import { exampleStockOrder } from "@kakunin/contracts/examples";
import { orderCheckSchema } from "@kakunin/contracts/trading";
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
