import { sessionSchema } from "@kakunin/contracts/auth";
import { describe, expect, it } from "vitest";
import { createTestBff, readAs, readError, recordingPacer, sessionCookieOf } from "../../test/harness.ts";

const VICTIM_ID = "6f1c4f4e-2b4a-4c1e-9f51-1d3c1c5b9a02";

describe("POST /api/session (login)", () => {
  it("logs in and sets a __Host- session cookie with Secure, HttpOnly, SameSite=Strict", async () => {
    const bff = createTestBff();
    const { res, cookie } = await bff.login();
    expect(res.status).toBe(200);
    expect(await readAs(res, sessionSchema)).toMatchObject({
      authenticated: true,
      customer: { customerCode: "1000001", name: "山田 太郎" },
      idleExpiresAt: "2026-11-25T00:30:00.000Z",
      absoluteExpiresAt: "2026-11-25T12:00:00.000Z",
    });
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/^__Host-kakunin-session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/m);
    expect(setCookie).not.toMatch(/Domain=/i);
    expect(cookie).toBeDefined();
  });

  it("issues a new session id at every login and ends the previous session", async () => {
    const bff = createTestBff();
    const first = await bff.login();
    const second = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000001", password: "Kiso8pine3" },
      cookie: first.cookie,
    });
    const secondCookie = sessionCookieOf(second);
    expect(secondCookie).toBeDefined();
    expect(secondCookie).not.toBe(first.cookie);
    const old = await bff.request("/api/me/notices", { cookie: first.cookie });
    expect(old.status).toBe(401);
    expect((await bff.request("/api/me/notices", { cookie: secondCookie })).status).toBe(200);
  });

  it("gives one generic message for a wrong password and an unknown customer code", async () => {
    const bff = createTestBff();
    const wrong = await bff.login("1000001", "Wrong9pass");
    const unknown = await bff.login("1234567", "Kiso8pine3");
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    const [a, b] = [await readError(wrong.res), await readError(unknown.res)];
    expect(a).toMatchObject({
      code: "invalid_credentials",
      message: "お客様コードまたはログインパスワードが正しくありません。",
    });
    expect(b.message).toBe(a.message);
    expect(wrong.cookie).toBeUndefined();
  });

  it("rejects invalid fields with Japanese field errors and never calls core", async () => {
    const bff = createTestBff();
    const res = await bff.request("/api/session", { method: "POST", json: { customerCode: "12", password: "" } });
    expect(res.status).toBe(400);
    const error = await readError(res);
    expect(error.code).toBe("validation_failed");
    expect(error.fields).toEqual([
      { path: "customerCode", message: "お客様コードは7桁の半角数字で入力してください。" },
      { path: "password", message: "ログインパスワードを入力してください。" },
    ]);
    expect(bff.core.received).toHaveLength(0);
  });

  it("rejects unknown fields, wrong types, wrong content types, malformed JSON and oversized bodies", async () => {
    const bff = createTestBff();
    const unknownField = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000001", password: "Kiso8pine3", admin: true },
    });
    expect(unknownField.status).toBe(400);
    const wrongType = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: 1000001, password: 1 },
    });
    expect(wrongType.status).toBe(400);
    const form = await bff.request("/api/session", {
      method: "POST",
      body: "customerCode=1000001&password=Kiso8pine3",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect((await readError(form)).code).toBe("unsupported_media_type");
    const malformed = await bff.request("/api/session", {
      method: "POST",
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    const huge = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000001", password: "x".repeat(20_000) },
    });
    expect(huge.status).toBe(413);
    expect((await readError(huge)).code).toBe("payload_too_large");
    expect(bff.core.received).toHaveLength(0);
  });

  it("throttles a customer code after repeated failures, even with the right password", async () => {
    const bff = createTestBff({ maxPerCode: 3 });
    for (let i = 0; i < 3; i++) expect((await bff.login("1000001", "Wrong9pass")).res.status).toBe(401);
    const blocked = await bff.login();
    expect(blocked.res.status).toBe(429);
    expect((await readError(blocked.res)).code).toBe("rate_limited");
    expect(Number(blocked.res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.cookie).toBeUndefined();
  });

  it("has core audit the moment a code's budget runs out, once, with the client and the wait (R29)", async () => {
    const bff = createTestBff({ maxPerCode: 3 });
    await bff.login("1000001", "Wrong9pass");
    await bff.login("1000001", "Wrong9pass");
    expect(bff.core.throttleReports).toEqual([]);
    expect((await bff.login("1000001", "Wrong9pass")).res.status).toBe(401);
    expect(bff.core.throttleReports).toHaveLength(1);
    const [report] = bff.core.throttleReports;
    expect(report).toMatchObject({
      scope: "customer_code",
      customerCode: "1000001",
      client: { ipAddress: "203.0.113.7" },
    });
    expect(report?.retryAfterSeconds).toBeGreaterThan(0);
    // Refused attempts stop at the BFF: no report per attempt.
    expect((await bff.login()).res.status).toBe(429);
    expect((await bff.login("1000001", "Wrong9pass")).res.status).toBe(429);
    expect(bff.core.throttleReports).toHaveLength(1);
  });

  it("reports a client's budget running out under the code typed last", async () => {
    const bff = createTestBff({ maxPerClient: 2 });
    await bff.login("1111111", "Wrong9pass");
    await bff.login("2222222", "Wrong9pass");
    expect(bff.core.throttleReports).toEqual([
      expect.objectContaining({
        scope: "client",
        customerCode: "2222222",
        client: expect.objectContaining({ ipAddress: "203.0.113.7" }),
      }),
    ]);
  });

  it("still refuses with invalid_credentials when the audit report fails", async () => {
    const bff = createTestBff({ maxPerCode: 1 });
    bff.core.state.auditDown = true;
    const { res } = await bff.login("1000001", "Wrong9pass");
    expect(res.status).toBe(401);
    expect((await readError(res)).code).toBe("invalid_credentials");
    expect((await bff.login()).res.status).toBe(429);
  });

  it("two customers behind one address: an attacker there gets the codes it guessed at refused, not the innocent customer", async () => {
    // An office (or a carrier NAT) at 203.0.113.7; the victim is also seen from elsewhere via a trusted proxy.
    const bff = createTestBff({ config: { trustProxy: true } });
    bff.core.customers.push({ id: VICTIM_ID, customerCode: "1000002", name: "佐藤 花子", password: "Tsuki5river8" });
    for (let i = 0; i < 2; i++) expect((await bff.login("1000002", `Wrong${i}pass9`)).res.status).toBe(401);
    for (let i = 0; i < 28; i++) expect((await bff.login(String(2_000_000 + i), "Wrong9pass")).res.status).toBe(401);
    expect(bff.core.throttleReports).toEqual([
      expect.objectContaining({
        scope: "client",
        customerCode: "2000027",
        client: expect.objectContaining({ ipAddress: "203.0.113.7" }),
      }),
    ]);

    // The innocent customer at the same address logs in with the right password …
    const innocent = await bff.login("1000001", "Kiso8pine3");
    expect(innocent.res.status).toBe(200);
    expect(innocent.cookie).toBeDefined();
    // … while the attacked code is refused there, even with its right password, without reaching core.
    const calls = bff.core.received.length;
    const attacked = await bff.login("1000002", "Tsuki5river8");
    expect(attacked.res.status).toBe(429);
    expect((await readError(attacked.res)).code).toBe("rate_limited");
    const wait = Number(attacked.res.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(900);
    expect(attacked.cookie).toBeUndefined();
    expect(bff.core.received.length).toBe(calls);
    // Two failures are not the code's five: from another address the victim still logs in.
    const elsewhere = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000002", password: "Tsuki5river8" },
      headers: { "x-forwarded-for": "192.0.2.50" },
    });
    expect(elsewhere.status).toBe(200);
  });

  it("past the ceiling, slows an address's attempts rather than refusing the innocent customer, and audits it", async () => {
    const { pacer, paced } = recordingPacer();
    const bff = createTestBff({
      maxPerClient: 2,
      throttle: { slowdown: { afterFailures: 3, intervalSeconds: 1, maxQueued: 10 } },
      pacer,
    });
    for (const code of ["1111111", "2222222", "3333333"]) {
      expect((await bff.login(code, "Wrong9pass")).res.status).toBe(401);
    }
    expect(paced).toEqual([]);
    expect(bff.core.throttleReports.map((r) => r.scope)).toEqual(["client", "client_slowdown"]);

    expect((await bff.login()).res.status).toBe(200);
    expect(paced).toEqual(["203.0.113.7"]);
  });

  it("refuses a slowed address's attempt only when its queue is full", async () => {
    const bff = createTestBff({
      maxPerClient: 1,
      throttle: { slowdown: { afterFailures: 1, intervalSeconds: 1, maxQueued: 10 } },
      pacer: recordingPacer(false).pacer,
    });
    await bff.login("1111111", "Wrong9pass");
    const calls = bff.core.received.length;
    const { res } = await bff.login();
    expect(res.status).toBe(429);
    expect((await readError(res)).code).toBe("rate_limited");
    expect(res.headers.get("retry-after")).toBe("10");
    expect(bff.core.received.length).toBe(calls);
  });

  it("a success resets the code's failure count", async () => {
    const bff = createTestBff({ maxPerCode: 3 });
    await bff.login("1000001", "Wrong9pass");
    await bff.login("1000001", "Wrong9pass");
    expect((await bff.login()).res.status).toBe(200);
    await bff.login("1000001", "Wrong9pass");
    await bff.login("1000001", "Wrong9pass");
    expect((await bff.login()).res.status).toBe(200);
  });

  it("answers 503 upstream_unavailable, retryable, when core is down", async () => {
    const bff = createTestBff();
    bff.core.state.down = true;
    const { res } = await bff.login();
    expect(res.status).toBe(503);
    expect(await readError(res)).toMatchObject({ code: "upstream_unavailable", retryable: true });
  });
});

describe("CSRF", () => {
  it("refuses a state-changing call without X-CSRF", async () => {
    const bff = createTestBff();
    const res = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000001", password: "Kiso8pine3" },
      headers: { "x-csrf": "" },
    });
    expect(res.status).toBe(403);
    expect((await readError(res)).code).toBe("csrf_failed");
    expect(bff.core.received).toHaveLength(0);
  });

  it("refuses a foreign Origin and a missing origin signal", async () => {
    const bff = createTestBff();
    const foreign = await bff.request("/api/session", {
      method: "POST",
      json: { customerCode: "1000001", password: "Kiso8pine3" },
      headers: { origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    const cross = await bff.app.request("/api/session", {
      method: "DELETE",
      headers: { "x-csrf": "1", "sec-fetch-site": "cross-site" },
    });
    expect(cross.status).toBe(403);
  });

  it("accepts Sec-Fetch-Site: same-origin when Origin is absent", async () => {
    const bff = createTestBff();
    const res = await bff.app.request("/api/session", {
      method: "DELETE",
      headers: { "x-csrf": "1", "sec-fetch-site": "same-origin" },
    });
    expect(res.status).toBe(204);
  });
});

describe("session lifetime", () => {
  it("GET /api/session reports the logged-in customer, and nobody without a cookie", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    expect(await readAs(await bff.request("/api/session", { cookie }), sessionSchema)).toMatchObject({
      authenticated: true,
    });
    expect(await readAs(await bff.request("/api/session"), sessionSchema)).toEqual({ authenticated: false });
  });

  it("ends after the idle timeout; activity extends it", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    bff.clock.now += 29 * 60_000;
    expect((await bff.request("/api/me/notices", { cookie })).status).toBe(200);
    bff.clock.now += 29 * 60_000;
    expect((await bff.request("/api/me/notices", { cookie })).status).toBe(200);
    bff.clock.now += 30 * 60_000;
    const res = await bff.request("/api/me/notices", { cookie });
    expect(res.status).toBe(401);
    expect((await readError(res)).code).toBe("session_expired");
    expect(res.headers.getSetCookie().join()).toMatch(/__Host-kakunin-session=;.*Max-Age=0/);
  });

  it("extends the idle timer at most every 15 s, so polling screens do not write the session each time", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const idleExpiry = async () =>
      (await readAs(await bff.request("/api/session", { cookie }), sessionSchema)) as { idleExpiresAt?: string };
    bff.clock.now += 10_000;
    expect((await bff.request("/api/me/notices", { cookie })).status).toBe(200);
    expect((await idleExpiry()).idleExpiresAt).toBe("2026-11-25T00:30:00.000Z");
    bff.clock.now += 10_000;
    expect((await bff.request("/api/me/notices", { cookie })).status).toBe(200);
    expect((await idleExpiry()).idleExpiresAt).toBe("2026-11-25T00:30:20.000Z");
  });

  it("ends at the absolute timeout however active the customer is", async () => {
    const bff = createTestBff({ config: { sessionAbsoluteMs: 60 * 60_000 } });
    const { cookie } = await bff.login();
    for (let i = 0; i < 3; i++) {
      bff.clock.now += 20 * 60_000;
      const res = await bff.request("/api/me/notices", { cookie });
      expect(res.status).toBe(i < 2 ? 200 : 401);
    }
    expect(await readAs(await bff.request("/api/session", { cookie }), sessionSchema)).toEqual({
      authenticated: false,
      reason: "session_expired",
    });
  });

  it("logout deletes the session on the server", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const res = await bff.request("/api/session", { method: "DELETE", cookie });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join()).toMatch(/Max-Age=0/);
    // Replaying the old cookie (e.g. stolen before logout) gets nothing.
    expect((await bff.request("/api/me/notices", { cookie })).status).toBe(401);
  });
});
