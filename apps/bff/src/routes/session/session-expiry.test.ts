import { sessionSchema } from "@kakunin/contracts/auth";
import { describe, expect, it } from "vitest";
import { createTestBff, readAs, readError } from "../../test/harness.ts";

const background = { "x-kakunin-background": "1" };

/** Issue 15: the 自動ログアウト warning, 延長, and sessions ended from another browser. */
describe("session expiry (issue 15)", () => {
  it("GET /api/session tells the server's time, so the SPA can count down without trusting its clock", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    bff.clock.now += 5 * 60_000;
    expect(await readAs(await bff.request("/api/session", { cookie }), sessionSchema)).toMatchObject({
      authenticated: true,
      idleExpiresAt: "2026-11-25T00:30:00.000Z",
      serverTime: "2026-11-25T00:05:00.000Z",
    });
  });

  it("a background GET (X-Kakunin-Background: 1) does not extend the idle timer; the session still times out", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    for (let minute = 1; minute < 30; minute += 7) {
      bff.clock.now = Date.parse("2026-11-25T00:00:00Z") + minute * 60_000;
      expect((await bff.request("/api/me/notices", { cookie, headers: background })).status).toBe(200);
    }
    const session = await readAs(await bff.request("/api/session", { cookie }), sessionSchema);
    expect(session).toMatchObject({ idleExpiresAt: "2026-11-25T00:30:00.000Z" });
    bff.clock.now = Date.parse("2026-11-25T00:30:00Z");
    const res = await bff.request("/api/me/notices", { cookie, headers: background });
    expect((await readError(res)).code).toBe("session_expired");
  });

  it("POST /api/session/extension (延長) restarts the idle timer at once, within the absolute limit", async () => {
    const bff = createTestBff({ config: { sessionAbsoluteMs: 60 * 60_000 } });
    const { cookie } = await bff.login();
    bff.clock.now += 28 * 60_000;
    const extended = await bff.request("/api/session/extension", { method: "POST", cookie });
    expect(extended.status).toBe(200);
    expect(await readAs(extended, sessionSchema)).toMatchObject({
      idleExpiresAt: "2026-11-25T00:58:00.000Z",
      serverTime: "2026-11-25T00:28:00.000Z",
    });
    bff.clock.now += 28 * 60_000;
    expect((await bff.request("/api/me/notices", { cookie, headers: background })).status).toBe(200);
    bff.clock.now += 1 * 60_000;
    const capped = await bff.request("/api/session/extension", { method: "POST", cookie });
    // 00:57 + 30 min would pass the absolute limit (01:00): the session still ends at 01:00.
    expect(await readAs(capped, sessionSchema)).toMatchObject({ idleExpiresAt: "2026-11-25T01:00:00.000Z" });
  });

  it("延長 needs the CSRF header and a live session", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const forged = await bff.request("/api/session/extension", { method: "POST", cookie, headers: { "x-csrf": "" } });
    expect(forged.status).toBe(403);
    expect((await readError(forged)).code).toBe("csrf_failed");
    bff.clock.now += 30 * 60_000;
    const late = await bff.request("/api/session/extension", { method: "POST", cookie });
    expect(late.status).toBe(401);
    expect((await readError(late)).code).toBe("session_expired");
  });

  it("a session ended from another browser answers session_revoked, on calls and on GET /api/session", async () => {
    const bff = createTestBff();
    const phone = await bff.login();
    const laptop = await bff.login();
    const ended = await bff.request("/api/me/sessions/logout-others", { method: "POST", cookie: laptop.cookie });
    expect(ended.status).toBe(200);
    const res = await bff.request("/api/me/notices", { cookie: phone.cookie });
    expect(res.status).toBe(401);
    expect(await readError(res)).toMatchObject({
      code: "session_revoked",
      message: "別の端末からの操作でログアウトされました。再度ログインしてください。",
    });
    expect(await readAs(await bff.request("/api/session", { cookie: phone.cookie }), sessionSchema)).toEqual({
      authenticated: false,
      reason: "session_revoked",
    });
    expect((await bff.request("/api/me/notices", { cookie: laptop.cookie })).status).toBe(200);
  });

  it("logging out or timing out is not a revocation", async () => {
    const bff = createTestBff();
    const out = await bff.login();
    await bff.request("/api/session", { method: "DELETE", cookie: out.cookie });
    expect((await readError(await bff.request("/api/me/notices", { cookie: out.cookie }))).code).toBe(
      "session_expired",
    );
    const idle = await bff.login();
    bff.clock.now += 30 * 60_000;
    expect((await readError(await bff.request("/api/me/notices", { cookie: idle.cookie }))).code).toBe(
      "session_expired",
    );
    expect((await readError(await bff.request("/api/me/notices", { cookie: idle.cookie }))).code).toBe(
      "session_expired",
    );
  });
});

describe("POST /api/test/session/age (test API only)", () => {
  it("makes the session older without counting as activity; too old, it has expired", async () => {
    const bff = createTestBff({ config: { enableTestApi: true } });
    const { cookie } = await bff.login();
    const age = (seconds: unknown) =>
      bff.request("/api/test/session/age", { method: "POST", cookie, json: { seconds } });
    expect((await age(0)).status).toBe(400);
    expect((await age(29 * 60)).status).toBe(204);
    expect(await readAs(await bff.request("/api/session", { cookie }), sessionSchema)).toMatchObject({
      idleExpiresAt: "2026-11-25T00:01:00.000Z",
    });
    expect((await age(60)).status).toBe(204);
    expect((await readError(await bff.request("/api/me/notices", { cookie }))).code).toBe("session_expired");
  });

  it("does not exist without the test API", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const res = await bff.request("/api/test/session/age", { method: "POST", cookie, json: { seconds: 60 } });
    expect(res.status).toBe(404);
  });
});
