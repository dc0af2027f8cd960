import { exampleCashOnlyBalances, exampleStockOrder } from "@kakunin/contracts/examples";
import { balancesSchema, orderSchema } from "@kakunin/contracts/trading";
import { describe, expect, it } from "vitest";
import { loggedInBrowser } from "../../test/browser.ts";
import { createFakeCore, createTestBff, type FakeCore, readAs, readError } from "../../test/harness.ts";

const order = { ...exampleStockOrder, limitPrice: 2800 };

async function loggedIn() {
  const bff = createTestBff();
  const { request } = await loggedInBrowser(bff);
  const confirm = async (operation: string, payload: object) => {
    await request("/api/step-up/challenges", { method: "POST", json: { operation, payload } });
    return request("/api/step-up/verifications", { method: "POST", json: { executionPassword: "Rk7m2x" } });
  };
  return { bff, request, confirm };
}

describe("orders behind the final confirmation (R6, R17, R26)", () => {
  it("an order needs the execution password on its confirmation", async () => {
    const { request } = await loggedIn();
    const res = await request("/api/me/orders", {
      method: "POST",
      json: order,
      headers: { "idempotency-key": "order-key-000001" },
    });
    expect(await readError(res)).toMatchObject({ code: "step_up_required", stepUp: { operation: "place_order" } });
  });

  it("a changed order after confirmation needs a new confirmation; the confirmed one runs once", async () => {
    const { bff, request, confirm } = await loggedIn();
    expect((await confirm("place_order", { ...order, quantity: "100", limitPrice: "2800" })).status).toBe(204);
    const changed = await request("/api/me/orders", {
      method: "POST",
      json: { ...order, limitPrice: 2810 },
      headers: { "idempotency-key": "order-key-000002" },
    });
    expect(changed.status).toBe(403);

    const headers = { "idempotency-key": "order-key-000003" };
    const first = await request("/api/me/orders", { method: "POST", json: order, headers });
    const again = await request("/api/me/orders", { method: "POST", json: order, headers });
    expect((await readAs(first, orderSchema)).orderNumber).toBe("O00000001");
    expect((await readAs(again, orderSchema)).orderNumber).toBe("O00000001");
    expect(bff.core.orders).toEqual([{ requestKey: "order-key-000003", request: order }]);
  });

  it("取消 needs its own confirmation, for that order number only", async () => {
    const { request, confirm } = await loggedIn();
    await confirm("cancel_order", { orderNumber: "O00000007" });
    const other = await request("/api/me/orders/O00000008/cancel", {
      method: "POST",
      json: { orderNumber: "O00000008" },
      headers: { "idempotency-key": "cancel-key-000001" },
    });
    expect(other.status).toBe(403);
    const mismatch = await request("/api/me/orders/O00000008/cancel", {
      method: "POST",
      json: { orderNumber: "O00000007" },
      headers: { "idempotency-key": "cancel-key-000002" },
    });
    expect(mismatch.status).toBe(400);
    expect((await readError(mismatch)).fields?.[0]?.path).toBe("orderNumber");
    // The refused request did not use the confirmation up.
    const ok = await request("/api/me/orders/O00000007/cancel", {
      method: "POST",
      json: { orderNumber: "O00000007" },
      headers: { "idempotency-key": "cancel-key-000003" },
    });
    expect(ok.status).toBe(200);
  });

  it("a 取消's key reused for another order's confirmed 取消 is refused (422) and core cancels nothing more", async () => {
    const { bff, request, confirm } = await loggedIn();
    const headers = { "idempotency-key": "cancel-key-000004" };
    const cancels = () => bff.core.received.filter((r) => r.url.endsWith("/cancellation")).length;
    await confirm("cancel_order", { orderNumber: "O00000007" });
    const first = await request("/api/me/orders/O00000007/cancel", {
      method: "POST",
      json: { orderNumber: "O00000007" },
      headers,
    });
    expect(first.status).toBe(200);
    await confirm("cancel_order", { orderNumber: "O00000008" });
    const reused = await request("/api/me/orders/O00000008/cancel", {
      method: "POST",
      json: { orderNumber: "O00000008" },
      headers,
    });
    expect(reused.status).toBe(422);
    expect((await readError(reused)).code).toBe("idempotency_key_reused");
    expect(cancels()).toBe(1);
  });

  it("rejects an inconsistent order before any confirmation", async () => {
    const { request } = await loggedIn();
    const res = await request("/api/me/orders", {
      method: "POST",
      json: { ...order, priceType: "market" },
      headers: { "idempotency-key": "order-key-000004" },
    });
    expect(res.status).toBe(400);
    expect((await readError(res)).fields?.map((f) => f.path)).toContain("limitPrice");
  });
});

describe("残高照会 from core, checked with the contract", () => {
  const balances = exampleCashOnlyBalances;

  /** The BFF over the fake core, with core's balances answer replaced by `body`. */
  async function balancesVia(body: unknown) {
    const core = createFakeCore();
    const withBalances: FakeCore = {
      ...core,
      fetch: async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (/^\/v1\/customers\/[^/]+\/balances$/.test(url.pathname)) return Response.json(body);
        return core.fetch(input, init);
      },
    };
    const bff = createTestBff({ core: withBalances });
    const { cookie } = await bff.login();
    return bff.request("/api/me/balances", { cookie });
  }

  it.each([false, true])("passes marginAccountOpen: %s through to the SPA", async (marginAccountOpen) => {
    const res = await balancesVia({ ...balances, marginAccountOpen });
    expect(res.status).toBe(200);
    expect(await readAs(res, balancesSchema)).toEqual({ ...balances, marginAccountOpen });
  });

  it("refuses a core answer without marginAccountOpen (upstream_unavailable)", async () => {
    const { marginAccountOpen: _, ...withoutFlag } = balances;
    const res = await balancesVia(withoutFlag);
    expect(res.status).toBe(503);
    expect((await readError(res)).code).toBe("upstream_unavailable");
  });
});
