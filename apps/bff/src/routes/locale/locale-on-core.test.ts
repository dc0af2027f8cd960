import { sessionSchema } from "@kakunin/contracts/auth";
import { exampleStockOrder } from "@kakunin/contracts/examples";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAs, readError, sessionCookieOf } from "../../test/harness.ts";
import { type BffOnRealCore, createBffOnRealCore } from "../../test/real-core.ts";

/** The language switch (R36) through the BFF in front of the real core (PGlite). */
let h: BffOnRealCore;
beforeAll(async () => {
  h = await createBffOnRealCore();
  // Each test's browser is a new device: with the 認証コード required a login would only mail one.
  h.core.services.newDevice.codeRequired = false;
}, 120_000);
afterAll(() => h?.close());

const login = (customerCode: string, password: string, cookies: string[] = []) =>
  h.send("/api/session", "POST", { customerCode, password }, cookies);

describe("the customer's language in core", () => {
  it("a choice made while logged in is stored in core and set as the cookie at the next login", async () => {
    const { customer, session } = await h.customerWithSession();
    const chosen = await h.send("/api/locale", "PUT", { locale: "en" }, [session]);
    expect(chosen.status).toBe(200);

    // Another browser, which asked for Japanese: the login brings the customer's English.
    const next = await login(customer.customer.customerCode, customer.loginPassword, ["__Host-kakunin-lang=ja"]);
    expect(next.status).toBe(200);
    expect(next.headers.getSetCookie().find((c) => c.startsWith("__Host-kakunin-lang="))).toMatch(
      /^__Host-kakunin-lang=en;/,
    );
    expect(await readAs(next, sessionSchema)).toMatchObject({ authenticated: true, locale: "en" });
    const cookie = sessionCookieOf(next);
    const current = await h.app.request("/api/session", { headers: { cookie: `__Host-kakunin-session=${cookie}` } });
    expect(await readAs(current, sessionSchema)).toMatchObject({ locale: "en" });
  });

  it("core's refusals reach the browser in the request's language; Japanese unchanged", async () => {
    const { session } = await h.customerWithSession();
    const oversell = { ...exampleStockOrder, side: "sell" };
    const ja = await h.send("/api/me/order-checks", "POST", oversell, [session]);
    expect((await readError(ja)).fields).toEqual([
      { path: "quantity", reason: "holdings", message: "売却可能な数量（0株）を超えています。" },
    ]);
    const en = await h.send("/api/me/order-checks", "POST", oversell, [session, "__Host-kakunin-lang=en"]);
    expect(await readError(en)).toMatchObject({
      code: "order_rejected",
      message: "We could not accept your order. Please check what you entered.",
      fields: [{ path: "quantity", reason: "holdings", message: "This exceeds the quantity you can sell (0 shares)." }],
    });
  });
});
