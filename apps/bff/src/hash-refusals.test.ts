import { errorMessages } from "@kakunin/contracts/error-body";
import { describe, expect, it } from "vitest";
import { cookiesOf, createTestBff, readError } from "./test/harness.ts";

/**
 * Core's hash gate (issue 12) refuses a password check with 503 `busy` or 429
 * `attempt_in_progress` and a Retry-After, having evaluated and counted nothing. The BFF
 * passes that on as it is, and counts nothing either.
 */
describe("core's hash-gate refusals", () => {
  const busy = { status: 503, code: "busy", retryAfter: 2 } as const;

  it("a login refused as busy answers 503 with Retry-After and is not a failed login", async () => {
    const bff = createTestBff({ maxPerCode: 5, maxPerClient: 30 });
    bff.core.state.hashRefusal = busy;
    for (let i = 0; i < 8; i++) {
      const { res, cookie } = await bff.login("1000001", "Wrong9pass");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("2");
      expect(await readError(res)).toMatchObject({ code: "busy", message: errorMessages.busy, retryable: true });
      expect(cookie).toBeUndefined();
    }
    expect(bff.core.throttleReports).toEqual([]);
    // More busy answers than the per-code budget of failures, yet the code is not throttled.
    bff.core.state.hashRefusal = undefined;
    const { res } = await bff.login();
    expect(res.status).toBe(200);
  });

  it("a login refused as attempt_in_progress answers 429 with that code, not rate_limited", async () => {
    const bff = createTestBff({ maxPerCode: 1 });
    bff.core.state.hashRefusal = { status: 429, code: "attempt_in_progress", retryAfter: 1 };
    const first = await bff.login("1000001", "Wrong9pass");
    const second = await bff.login("1000001", "Wrong9pass");
    for (const { res } of [first, second]) {
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("1");
      expect((await readError(res)).code).toBe("attempt_in_progress");
    }
    bff.core.state.hashRefusal = undefined;
    // With a budget of one failure, a single counted failure would have blocked this.
    expect((await bff.login()).res.status).toBe(200);
  });

  it("a step-up confirmation refused as busy consumes nothing: the same pending confirmation works afterwards", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    if (!cookie) throw new Error("no session");
    const start = await bff.request("/api/step-up/challenges", {
      method: "POST",
      json: { operation: "view_registered_info", payload: {} },
      cookie,
    });
    expect(start.status).toBe(200);
    const pending = cookiesOf(start);

    const verify = () =>
      bff.request("/api/step-up/verifications", {
        method: "POST",
        json: { executionPassword: "Rk7m2x" },
        cookie,
        cookies: pending,
      });

    bff.core.state.hashRefusal = busy;
    const refused = await verify();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("2");
    expect((await readError(refused)).code).toBe("busy");
    // The pending confirmation is neither cleared nor replaced, and no grant was given.
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect(bff.core.credentials.attempts).toBe(0);

    bff.core.state.hashRefusal = undefined;
    const ok = await verify();
    expect(ok.status).toBe(204);
    const granted = await bff.request("/api/me/profile", { cookie, cookies: cookiesOf(ok) });
    expect(granted.status).toBe(200);
  });

  it("a login-password change refused as busy is not a failed login either", async () => {
    const bff = createTestBff({ maxPerCode: 1 });
    const { cookie } = await bff.login();
    if (!cookie) throw new Error("no session");
    bff.core.state.hashRefusal = busy;
    const change = () =>
      bff.request("/api/me/login-password", {
        method: "PUT",
        json: { currentPassword: "Wrong9pass", newPassword: "Fuji7lake4", newPasswordConfirmation: "Fuji7lake4" },
        cookie,
      });
    for (const res of [await change(), await change()]) {
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("2");
    }
    bff.core.state.hashRefusal = undefined;
    expect((await bff.login()).res.status).toBe(200);
  });

  it("another 503 from core stays upstream_unavailable, without core's Retry-After", async () => {
    const bff = createTestBff();
    bff.core.state.hashRefusal = { status: 503, code: "internal_error", retryAfter: 9 };
    const { res } = await bff.login();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBeNull();
    expect((await readError(res)).code).toBe("upstream_unavailable");
  });
});
