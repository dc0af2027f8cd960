import { sessionSchema } from "@kakunin/contracts/auth";
import { credentialStatusSchema } from "@kakunin/contracts/credentials";
import { describe, expect, it } from "vitest";
import { createTestBff, readAs, readError } from "../../test/harness.ts";

const body = (currentPassword: string, newPassword: string, confirmation = newPassword) => ({
  currentPassword,
  newPassword,
  newPasswordConfirmation: confirmation,
});

describe("/api/me credentials", () => {
  it("reports the execution password state", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const status = await readAs(await bff.request("/api/me/credentials", { cookie }), credentialStatusSchema);
    expect(status.executionPassword.remainingAttempts).toBe(9);
  });

  it("passes the remaining tries of a wrong execution password to the SPA", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const res = await bff.request("/api/me/execution-password", {
      method: "PUT",
      cookie,
      json: body("Wrong1x", "Mg7t3w"),
    });
    expect(res.status).toBe(422);
    expect(await readError(res)).toMatchObject({ code: "wrong_execution_password", remainingAttempts: 8 });
  });

  it("validates with the shared schema before calling core", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const before = bff.core.received.length;
    const res = await bff.request("/api/me/execution-password", {
      method: "PUT",
      cookie,
      json: body("Rk7m2x", "ab", "ac"),
    });
    expect(res.status).toBe(400);
    const reasons = (await readError(res)).fields?.map((f) => f.reason);
    expect(reasons).toEqual(expect.arrayContaining(["too_short", "confirmation_mismatch"]));
    expect(bff.core.received.length).toBe(before);
  });

  it("changes the execution password", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const res = await bff.request("/api/me/execution-password", {
      method: "PUT",
      cookie,
      json: body("Rk7m2x", "Mg7t3w"),
    });
    expect(res.status).toBe(200);
    expect(bff.core.received.at(-1)?.headers.get("cookie")).toBeNull();
  });

  it("a login-password change ends the customer's other sessions and keeps this one", async () => {
    const bff = createTestBff();
    const phone = await bff.login();
    const laptop = await bff.login();
    const res = await bff.request("/api/me/login-password", {
      method: "PUT",
      cookie: laptop.cookie,
      json: body("Kiso8pine3", "Fuji7lake4"),
    });
    expect(res.status).toBe(200);
    expect((await bff.request("/api/me/notices", { cookie: phone.cookie })).status).toBe(401);
    expect(await readAs(await bff.request("/api/session", { cookie: laptop.cookie }), sessionSchema)).toMatchObject({
      authenticated: true,
    });
  });

  it("throttles wrong current login passwords like failed logins", async () => {
    const bff = createTestBff({ maxPerCode: 2 });
    const { cookie } = await bff.login();
    for (let i = 0; i < 2; i++) {
      const res = await bff.request("/api/me/login-password", {
        method: "PUT",
        cookie,
        json: body("Wrong9pass", "Fuji7lake4"),
      });
      expect((await readError(res)).code).toBe("wrong_current_password");
    }
    const blocked = await bff.request("/api/me/login-password", {
      method: "PUT",
      cookie,
      json: body("Kiso8pine3", "Fuji7lake4"),
    });
    expect(blocked.status).toBe(429);
    // The guessing on this screen is audited like failed logins: once, when the budget ran out.
    expect(bff.core.throttleReports).toEqual([
      expect.objectContaining({ scope: "customer_code", customerCode: "1000001" }),
    ]);
  });

  it("needs a session and the CSRF header", async () => {
    const bff = createTestBff();
    expect((await bff.request("/api/me/execution-password", { method: "PUT", json: body("a", "b") })).status).toBe(401);
    const { cookie } = await bff.login();
    const noCsrf = await bff.request("/api/me/execution-password", {
      method: "PUT",
      cookie,
      json: body("Rk7m2x", "Mg7t3w"),
      headers: { "x-csrf": "" },
    });
    expect(noCsrf.status).toBe(403);
  });
});
