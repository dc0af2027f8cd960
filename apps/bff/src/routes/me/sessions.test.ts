import { activeSessionListSchema, endSessionsResponseSchema } from "@kakunin/contracts/sessions";
import { describe, expect, it } from "vitest";
import { storeKey } from "../../lib/session-store.ts";
import { sessionHandle } from "../../lib/session-view.ts";
import { createTestBff, readAs, readError, sessionCookieOf } from "../../test/harness.ts";

const CHROME_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const FIREFOX_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0";

type Bff = ReturnType<typeof createTestBff>;
const MINUTE = 60_000;

/** Logs the customer in from a browser with this User-Agent; answers its session cookie. */
async function loginWith(bff: Bff, userAgent: string): Promise<string> {
  const res = await bff.request("/api/session", {
    method: "POST",
    json: { customerCode: "1000001", password: "Kiso8pine3" },
    headers: { "user-agent": userAgent },
  });
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error(`login failed: ${res.status}`);
  return cookie;
}

const list = async (bff: Bff, cookie: string) =>
  readAs(await bff.request("/api/me/sessions", { cookie }), activeSessionListSchema);

/** Three browsers of one customer: this one (Chrome on Windows) and two others, a minute apart. */
async function threeDevices() {
  const bff = createTestBff();
  const iphone = await loginWith(bff, SAFARI_IPHONE);
  bff.clock.now += MINUTE;
  const mac = await loginWith(bff, FIREFOX_MAC);
  bff.clock.now += MINUTE;
  const me = await loginWith(bff, CHROME_WINDOWS);
  return { bff, me, iphone, mac };
}

describe("/api/me/sessions (ログイン中の端末)", () => {
  it("needs a session", async () => {
    const bff = createTestBff();
    const res = await bff.request("/api/me/sessions");
    expect(res.status).toBe(401);
    expect((await readError(res)).code).toBe("unauthenticated");
  });

  it("lists every session: this one first as current, browser and OS parsed, IP and times, no ids", async () => {
    const { bff, me, iphone, mac } = await threeDevices();
    const res = await bff.request("/api/me/sessions", { cookie: me });
    const text = await res.clone().text();
    const { sessions } = await readAs(res, activeSessionListSchema);
    expect(sessions.map((s) => [s.browser, s.os, s.current])).toEqual([
      ["Chrome 131", "Windows 10", true],
      ["Firefox 128", "macOS 14.5", false],
      ["Safari 17", "iOS 17.5", false],
    ]);
    expect(sessions[0]).toMatchObject({
      ipAddress: "203.0.113.7",
      createdAt: "2026-11-25T00:02:00.000Z",
      lastSeenAt: "2026-11-25T00:02:00.000Z",
    });
    expect(sessions[2]?.createdAt).toBe("2026-11-25T00:00:00.000Z");
    // Handles are opaque: neither the session id nor the key it is stored under.
    for (const id of [me, iphone, mac]) {
      expect(text).not.toContain(id);
      expect(text).not.toContain(storeKey(id));
    }
    expect(sessions[0]?.handle).toBe(sessionHandle(storeKey(me)));
  });

  it("lists only this one when the customer has no other session, and says so when the UA names nothing", async () => {
    const bff = createTestBff();
    const { cookie } = await bff.login();
    const { sessions } = await list(bff, cookie ?? "");
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ current: true, browser: null, os: null });
  });

  it("does not list sessions past the idle timeout", async () => {
    const bff = createTestBff();
    await loginWith(bff, SAFARI_IPHONE);
    bff.clock.now += 31 * MINUTE;
    const me = await loginWith(bff, CHROME_WINDOWS);
    expect((await list(bff, me)).sessions.map((s) => s.browser)).toEqual(["Chrome 131"]);
  });

  it("ends one other session: that browser is logged out, the rest stay, and core audits it", async () => {
    const { bff, me, iphone, mac } = await threeDevices();
    const handle = sessionHandle(storeKey(iphone));
    const res = await bff.request(`/api/me/sessions/${handle}/logout`, { method: "POST", cookie: me });
    expect(res.status).toBe(200);
    expect(await readAs(res, endSessionsResponseSchema)).toEqual({ ended: 1 });
    const gone = await bff.request("/api/me/notices", { cookie: iphone });
    expect(gone.status).toBe(401);
    expect((await bff.request("/api/me/notices", { cookie: mac })).status).toBe(200);
    expect((await list(bff, me)).sessions.map((s) => s.browser)).toEqual(["Chrome 131", "Firefox 128"]);
    expect(bff.core.sessionEvents.events).toEqual([
      {
        customerId: "6f1c4f4e-2b4a-4c1e-9f51-1d3c1c5b9a01",
        action: "logout_one",
        ended: 1,
        client: { ipAddress: "203.0.113.7", userAgent: null },
      },
    ]);
  });

  it("answers session_not_found for a session already ended (audited as nothing ended) or a malformed handle", async () => {
    const { bff, me, iphone } = await threeDevices();
    const handle = sessionHandle(storeKey(iphone));
    await bff.request(`/api/me/sessions/${handle}/logout`, { method: "POST", cookie: me });
    const again = await bff.request(`/api/me/sessions/${handle}/logout`, { method: "POST", cookie: me });
    expect(again.status).toBe(404);
    expect((await readError(again)).code).toBe("session_not_found");
    expect(bff.core.sessionEvents.events.map((e) => e.ended)).toEqual([1, 0]);
    const malformed = await bff.request("/api/me/sessions/not-a-handle/logout", { method: "POST", cookie: me });
    expect(malformed.status).toBe(404);
    expect((await readError(malformed)).code).toBe("session_not_found");
  });

  it("refuses to end this session through the list, which stays logged in", async () => {
    const { bff, me } = await threeDevices();
    const res = await bff.request(`/api/me/sessions/${sessionHandle(storeKey(me))}/logout`, {
      method: "POST",
      cookie: me,
    });
    expect(res.status).toBe(422);
    expect((await readError(res)).code).toBe("session_is_current");
    expect((await bff.request("/api/me/notices", { cookie: me })).status).toBe(200);
  });

  it("never ends another customer's session, whatever the handle", async () => {
    const bff = createTestBff();
    bff.core.customers.push({
      id: "0b9e2d7a-5c1f-4e8b-9a3d-7f6e5d4c3b2a",
      customerCode: "1000002",
      name: "佐藤 花子",
      password: "Hana4river8",
    });
    const { cookie: theirs } = await bff.login("1000002", "Hana4river8");
    const me = await loginWith(bff, CHROME_WINDOWS);
    const res = await bff.request(`/api/me/sessions/${sessionHandle(storeKey(theirs ?? ""))}/logout`, {
      method: "POST",
      cookie: me,
    });
    expect(res.status).toBe(404);
    expect((await bff.request("/api/me/notices", { cookie: theirs })).status).toBe(200);
    expect((await list(bff, me)).sessions).toHaveLength(1);
  });

  it("他の端末をすべてログアウト ends every other session, keeps this one, and is audited with the count", async () => {
    const { bff, me, iphone, mac } = await threeDevices();
    const res = await bff.request("/api/me/sessions/logout-others", { method: "POST", cookie: me });
    expect(res.status).toBe(200);
    expect(await readAs(res, endSessionsResponseSchema)).toEqual({ ended: 2 });
    for (const other of [iphone, mac])
      expect((await bff.request("/api/me/notices", { cookie: other })).status).toBe(401);
    expect((await list(bff, me)).sessions.map((s) => s.current)).toEqual([true]);
    expect(bff.core.sessionEvents.events).toMatchObject([{ action: "logout_others", ended: 2 }]);
  });

  it("needs the CSRF header to log anything out", async () => {
    const { bff, me, iphone } = await threeDevices();
    const res = await bff.request("/api/me/sessions/logout-others", {
      method: "POST",
      cookie: me,
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect((await bff.request("/api/me/notices", { cookie: iphone })).status).toBe(200);
  });

  it("answers an error when core cannot audit, with the sessions ended all the same", async () => {
    const { bff, me, iphone } = await threeDevices();
    bff.core.sessionEvents.state.down = true;
    const res = await bff.request("/api/me/sessions/logout-others", { method: "POST", cookie: me });
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect((await bff.request("/api/me/notices", { cookie: iphone })).status).toBe(401);
  });
});
