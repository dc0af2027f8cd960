import { sessionSchema } from "@kakunin/contracts/auth";
import { tradingStopSchema } from "@kakunin/contracts/trading-stop";
import { describe, expect, it } from "vitest";
import { createTestBff, readAs, readError } from "../../test/harness.ts";

const CUSTOMER_ID = "6f1c4f4e-2b4a-4c1e-9f51-1d3c1c5b9a01";

describe("/api/me/trading-stop (取引停止, R33)", () => {
  it("reports the state from core", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const res = await bff.request("/api/me/trading-stop", { cookie });
    expect(await readAs(res, tradingStopSchema)).toEqual({
      stopped: false,
      stoppedAt: null,
      supportPhone: "0120-000-000",
    });
  });

  it("stops through core with the client, and ends every other session of the customer; this one stays", async () => {
    const bff = createTestBff();
    const phone = await bff.login();
    const laptop = await bff.login();
    const res = await bff.request("/api/me/trading-stop", {
      method: "POST",
      cookie: laptop.cookie,
      json: { confirm: true },
    });
    expect(res.status).toBe(200);
    expect(await readAs(res, tradingStopSchema)).toMatchObject({
      stopped: true,
      stoppedAt: "2026-11-25T00:00:00.000Z",
    });
    expect(bff.core.tradingStop.stopCalls).toEqual([
      { customerId: CUSTOMER_ID, client: expect.objectContaining({ ipAddress: "203.0.113.7" }) },
    ]);
    expect((await bff.request("/api/me/notices", { cookie: phone.cookie })).status).toBe(401);
    expect(await readAs(await bff.request("/api/session", { cookie: laptop.cookie }), sessionSchema)).toMatchObject({
      authenticated: true,
    });
    // Stopping again is fine (core is idempotent).
    const again = await bff.request("/api/me/trading-stop", {
      method: "POST",
      cookie: laptop.cookie,
      json: { confirm: true },
    });
    expect(again.status).toBe(200);
  });

  it("a refused stop (core unreachable) ends no session", async () => {
    const bff = createTestBff();
    const phone = await bff.login();
    const laptop = await bff.login();
    bff.core.state.down = true;
    const res = await bff.request("/api/me/trading-stop", {
      method: "POST",
      cookie: laptop.cookie,
      json: { confirm: true },
    });
    expect(res.status).toBe(503);
    bff.core.state.down = false;
    expect((await bff.request("/api/me/notices", { cookie: phone.cookie })).status).toBe(200);
  });

  it("needs a session, the CSRF header and the explicit confirmation", async () => {
    const bff = createTestBff();
    const anonymous = await bff.request("/api/me/trading-stop", { method: "POST", json: { confirm: true } });
    expect(anonymous.status).toBe(401);
    const { cookie } = await bff.login();
    const noCsrf = await bff.request("/api/me/trading-stop", {
      method: "POST",
      cookie,
      json: { confirm: true },
      headers: { "x-csrf": "" },
    });
    expect(noCsrf.status).toBe(403);
    const unconfirmed = await bff.request("/api/me/trading-stop", { method: "POST", cookie, json: {} });
    expect(unconfirmed.status).toBe(400);
    expect((await readError(unconfirmed)).code).toBe("validation_failed");
    expect(bff.core.tradingStop.stopCalls).toEqual([]);
  });
});
