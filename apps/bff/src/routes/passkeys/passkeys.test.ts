import { randomUUID } from "node:crypto";
import { sessionSchema } from "@kakunin/contracts/auth";
import { passkeyListSchema, passkeyViewSchema } from "@kakunin/contracts/passkeys";
import { describe, expect, it } from "vitest";
import { type BffRequestInit, cookieJar, loggedInBrowser } from "../../test/browser.ts";
import { fakeAssertion, fakeRegistration } from "../../test/fake-passkeys.ts";
import { createTestBff, readAs, readError, recordingPacer, sessionCookieOf } from "../../test/harness.ts";

type Bff = ReturnType<typeof createTestBff>;
type Browser = Awaited<ReturnType<typeof loggedInBrowser>>;

const IPHONE = "0b7c1f4e-1a2b-4c3d-8e9f-000000000001";
const idem = () => ({ "idempotency-key": randomUUID() });

/** Registration and deletion ask for the 執行パスワード and an 認証コード always (contracts). */
function passkeyBff(overrides: Parameters<typeof createTestBff>[0] = {}) {
  const bff = createTestBff(overrides);
  bff.core.stepUp.methods = ["execution_password", "auth_code"];
  return bff;
}

/** Confirms `operation` for `payload` on the confirmation screen, leaving the once-grant in the jar. */
async function confirm(b: Browser, operation: string, payload: object) {
  const start = await b.request("/api/step-up/challenges", { method: "POST", json: { operation, payload } });
  expect(start.status).toBe(200);
  const verified = await b.request("/api/step-up/verifications", {
    method: "POST",
    json: { executionPassword: "Rk7m2x", authCode: "123456" },
  });
  expect(verified.status).toBe(204);
}

async function registrationOptions(b: Browser): Promise<string> {
  const res = await b.request("/api/me/passkey-registration-options", { method: "POST", json: {} });
  expect(res.status).toBe(200);
  const { challenge } = (await res.json()) as { challenge: string };
  return challenge;
}

const register = (b: Browser, name: string, challenge: string) =>
  b.request("/api/me/passkeys", {
    method: "POST",
    json: { name, response: fakeRegistration(challenge, `cred-${randomUUID()}`) },
    headers: idem(),
  });

describe("passkey settings (パスキー設定)", () => {
  it("lists the customer's passkeys; every settings route needs a session", async () => {
    const bff = passkeyBff();
    expect(await readError(await bff.request("/api/me/passkeys"))).toMatchObject({ code: "unauthenticated" });
    for (const path of [
      "/api/me/passkey-registration-options",
      "/api/me/passkeys",
      `/api/me/passkeys/${IPHONE}/deletion`,
    ]) {
      const res = await bff.request(path, { method: "POST", json: {}, headers: idem() });
      expect(res.status).toBe(401);
      expect(await readError(res)).toMatchObject({ code: "unauthenticated" });
    }
    expect(bff.core.passkeys.calls.registrationOptions).toBe(0);
    const b = await loggedInBrowser(bff);
    const res = await b.request("/api/me/passkeys");
    expect(res.status).toBe(200);
    expect((await readAs(res, passkeyListSchema)).passkeys.map((p) => p.name)).toEqual(["iPhone"]);
  });

  it("registers after the confirmation: the response must sign this session's challenge, used once", async () => {
    const bff = passkeyBff();
    const b = await loggedInBrowser(bff);
    await confirm(b, "register_passkey", { name: "MacBook" });
    const challenge = await registrationOptions(b);
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(bff.core.passkeys.bodies.registrationOptions).toEqual([{ challenge }]);

    const res = await register(b, "MacBook", challenge);
    expect(res.status).toBe(201);
    expect(await readAs(res, passkeyViewSchema)).toMatchObject({ name: "MacBook", suspended: false });
    const list = await readAs(await b.request("/api/me/passkeys"), passkeyListSchema);
    expect(list.passkeys.map((p) => p.name)).toEqual(["iPhone", "MacBook"]);

    // The same challenge again, with a fresh confirmation: refused before core.
    await confirm(b, "register_passkey", { name: "iPad" });
    const again = await register(b, "iPad", challenge);
    expect(again.status).toBe(409);
    expect(await readError(again)).toMatchObject({ code: "passkey_challenge_expired" });
    expect(bff.core.passkeys.calls.register).toBe(1);
  });

  it("without a confirmation: 403 step_up_required, and the challenge is still there for after it", async () => {
    const bff = passkeyBff();
    const b = await loggedInBrowser(bff);
    const challenge = await registrationOptions(b);
    const refused = await register(b, "MacBook", challenge);
    expect(refused.status).toBe(403);
    expect(await readError(refused)).toMatchObject({
      code: "step_up_required",
      stepUp: { operation: "register_passkey", methods: ["execution_password", "auth_code"] },
    });
    expect(bff.core.passkeys.calls.register).toBe(0);
    await confirm(b, "register_passkey", { name: "MacBook" });
    expect((await register(b, "MacBook", challenge)).status).toBe(201);
  });

  it("the confirmation covers the name: another name is not granted", async () => {
    const bff = passkeyBff();
    const b = await loggedInBrowser(bff);
    await confirm(b, "register_passkey", { name: "MacBook" });
    const challenge = await registrationOptions(b);
    const res = await register(b, "Other", challenge);
    expect(await readError(res)).toMatchObject({ code: "step_up_required" });
  });

  it("a new options request replaces the earlier challenge; another session's challenge is not this one's", async () => {
    const bff = passkeyBff();
    const a = await loggedInBrowser(bff);
    const other = await loggedInBrowser(bff);
    const first = await registrationOptions(a);
    const second = await registrationOptions(a);
    expect(second).not.toBe(first);
    await confirm(a, "register_passkey", { name: "MacBook" });
    const res = await register(a, "MacBook", first);
    // Core was asked to check the response against the newer challenge, and refused it.
    expect(await readError(res)).toMatchObject({ code: "passkey_invalid" });

    // The other session never asked for options: a's challenge does not exist for it.
    const aChallenge = await registrationOptions(a);
    await confirm(other, "register_passkey", { name: "MacBook" });
    const stolen = await register(other, "MacBook", aChallenge);
    expect(stolen.status).toBe(409);
    expect(await readError(stolen)).toMatchObject({ code: "passkey_challenge_expired" });
    expect(bff.core.passkeys.calls.register).toBe(1);
  });

  it("a challenge expires after 5 minutes", async () => {
    const bff = passkeyBff();
    const b = await loggedInBrowser(bff);
    const challenge = await registrationOptions(b);
    bff.clock.now += 5 * 60_000 + 1;
    await confirm(b, "register_passkey", { name: "MacBook" });
    expect(await readError(await register(b, "MacBook", challenge))).toMatchObject({
      code: "passkey_challenge_expired",
    });
  });

  it("renames without a confirmation; an id that names no passkey is 404", async () => {
    const bff = passkeyBff();
    const b = await loggedInBrowser(bff);
    const res = await b.request(`/api/me/passkeys/${IPHONE}`, { method: "PATCH", json: { name: "仕事用 iPhone" } });
    expect(res.status).toBe(200);
    expect(await readAs(res, passkeyViewSchema)).toMatchObject({ id: IPHONE, name: "仕事用 iPhone" });
    const other = await b.request(`/api/me/passkeys/${randomUUID()}`, { method: "PATCH", json: { name: "x" } });
    expect(other.status).toBe(404);
    const bad = await b.request("/api/me/passkeys/not-a-uuid", { method: "PATCH", json: { name: "x" } });
    expect(bad.status).toBe(404);
    const anonymous = await bff.request(`/api/me/passkeys/${IPHONE}`, { method: "PATCH", json: { name: "x" } });
    expect(anonymous.status).toBe(401);
  });

  it("deletes after the confirmation of that passkey; a body naming another passkey is 400", async () => {
    const bff = passkeyBff();
    const b = await loggedInBrowser(bff);
    const del = (path: string, passkeyId: string) =>
      b.request(`/api/me/passkeys/${path}/deletion`, { method: "POST", json: { passkeyId }, headers: idem() });

    const unconfirmed = await del(IPHONE, IPHONE);
    expect(await readError(unconfirmed)).toMatchObject({
      code: "step_up_required",
      stepUp: { operation: "delete_passkey" },
    });
    await confirm(b, "delete_passkey", { passkeyId: IPHONE });
    const mismatched = await del(randomUUID(), IPHONE);
    expect(mismatched.status).toBe(400);
    expect(await readError(mismatched)).toMatchObject({ code: "validation_failed", fields: [{ path: "passkeyId" }] });
    // The mismatch did not use the confirmation up.
    const res = await del(IPHONE, IPHONE);
    expect(res.status).toBe(200);
    expect(await readAs(res, passkeyListSchema)).toEqual({ passkeys: [] });
  });

  it("state-changing passkey requests need the CSRF header and an allowed origin", async () => {
    const bff = passkeyBff();
    const b = await loggedInBrowser(bff);
    const noHeader = await b.request("/api/me/passkey-registration-options", {
      method: "POST",
      json: {},
      headers: { "x-csrf": "0" },
    });
    expect(await readError(noHeader)).toMatchObject({ code: "csrf_failed" });
    const crossSite = await bff.request("/api/session/passkey-options", {
      method: "POST",
      json: {},
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    expect(await readError(crossSite)).toMatchObject({ code: "csrf_failed" });
    expect(bff.core.passkeys.calls.registrationOptions + bff.core.passkeys.calls.authenticationOptions).toBe(0);
  });
});

/** A browser without a session, whose jar follows Set-Cookie. */
function anonymousBrowser(bff: Bff) {
  const jar = cookieJar();
  const request = async (path: string, init: BffRequestInit = {}) =>
    jar.take(await bff.request(path, { ...init, cookies: [...jar.cookies(), ...(init.cookies ?? [])] }));
  return { request, jar: jar.cookies };
}

async function loginOptions(b: ReturnType<typeof anonymousBrowser>) {
  const res = await b.request("/api/session/passkey-options", { method: "POST", json: {} });
  expect(res.status).toBe(200);
  return { res, challenge: ((await res.json()) as { challenge: string }).challenge };
}

describe("passkey login", () => {
  it("options need no session and set a short-lived __Host- flow cookie; the login starts a session", async () => {
    const bff = createTestBff();
    const b = anonymousBrowser(bff);
    const { res, challenge } = await loginOptions(b);
    expect(res.headers.getSetCookie().join("\n")).toMatch(
      /^__Host-kakunin-passkey-login=[\w-]{43}; Max-Age=300; Path=\/; HttpOnly; Secure; SameSite=Strict$/m,
    );
    // Discoverable: no customer named; the challenge is the BFF's own.
    expect(bff.core.passkeys.bodies.authenticationOptions).toEqual([{ challenge }]);

    const login = await b.request("/api/session/passkey", {
      method: "POST",
      json: { response: fakeAssertion(challenge) },
    });
    expect(login.status).toBe(200);
    expect(await readAs(login, sessionSchema)).toMatchObject({
      authenticated: true,
      customer: { customerCode: "1000001", name: "山田 太郎" },
    });
    expect(login.headers.getSetCookie().join("\n")).toMatch(/^__Host-kakunin-passkey-login=; Max-Age=0/m);
    expect(bff.core.passkeys.bodies.login).toMatchObject([{ expectedChallenge: challenge }]);
    const cookie = sessionCookieOf(login);
    expect(cookie).toMatch(/^[\w-]{43}$/);
    expect(await readAs(await bff.request("/api/session", { cookie }), sessionSchema)).toMatchObject({
      authenticated: true,
      customer: { customerCode: "1000001" },
    });
  });

  it("ends the browser's previous session and issues a new id, as a password login does", async () => {
    const bff = createTestBff();
    const { cookie: previous } = await bff.login();
    const b = anonymousBrowser(bff);
    const { challenge } = await loginOptions(b);
    const login = await b.request("/api/session/passkey", {
      method: "POST",
      json: { response: fakeAssertion(challenge) },
      cookie: previous,
    });
    expect(login.status).toBe(200);
    expect(sessionCookieOf(login)).not.toBe(previous);
    expect((await bff.request("/api/me/notices", { cookie: previous })).status).toBe(401);
  });

  it("without the flow cookie, with a used or an expired challenge: 409 passkey_challenge_expired", async () => {
    const bff = createTestBff();
    const b = anonymousBrowser(bff);
    const { challenge } = await loginOptions(b);
    const noCookie = await bff.request("/api/session/passkey", {
      method: "POST",
      json: { response: fakeAssertion(challenge) },
    });
    expect(noCookie.status).toBe(409);
    expect(await readError(noCookie)).toMatchObject({ code: "passkey_challenge_expired" });

    const flowCookie = b.jar().find((c) => c.startsWith("__Host-kakunin-passkey-login="));
    expect(flowCookie).toBeDefined();
    const send = () =>
      bff.request("/api/session/passkey", {
        method: "POST",
        json: { response: fakeAssertion(challenge) },
        cookies: [flowCookie ?? ""],
      });
    expect((await send()).status).toBe(200);
    const replay = await send();
    expect(replay.status).toBe(409);
    expect(await readError(replay)).toMatchObject({ code: "passkey_challenge_expired" });

    const late = await loginOptions(b);
    bff.clock.now += 5 * 60_000 + 1;
    const expired = await b.request("/api/session/passkey", {
      method: "POST",
      json: { response: fakeAssertion(late.challenge) },
    });
    expect(await readError(expired)).toMatchObject({ code: "passkey_challenge_expired" });
    expect(bff.core.passkeys.calls.login).toBe(1);
  });

  it("core's refusal passes through, and refused passkeys count toward the client's pacing", async () => {
    const { pacer, paced } = recordingPacer();
    const bff = createTestBff({
      throttle: { slowdown: { afterFailures: 2, intervalSeconds: 1, maxQueued: 10 } },
      pacer,
    });
    const b = anonymousBrowser(bff);
    for (let i = 0; i < 2; i++) {
      const { challenge } = await loginOptions(b);
      const res = await b.request("/api/session/passkey", {
        method: "POST",
        json: { response: fakeAssertion(challenge, "dW5rbm93bg") },
      });
      expect(res.status).toBe(422);
      expect(await readError(res)).toMatchObject({ code: "passkey_unknown" });
    }
    expect(paced).toEqual([]);
    const { challenge } = await loginOptions(b);
    const res = await b.request("/api/session/passkey", {
      method: "POST",
      json: { response: fakeAssertion(challenge) },
    });
    expect(res.status).toBe(200);
    expect(paced).toEqual(["203.0.113.7"]);
  });
});

describe("password login of an account that logs in with its passkey", () => {
  it("core's 403 passkey_login_required passes through and is not counted as a failure", async () => {
    const bff = createTestBff({ maxPerCode: 2 });
    bff.core.state.passkeyLoginRequired.add("1000001");
    for (let i = 0; i < 3; i++) {
      const { res, cookie } = await bff.login();
      expect(res.status).toBe(403);
      expect(await readError(res)).toMatchObject({ code: "passkey_login_required" });
      expect(cookie).toBeUndefined();
    }
    // Three refusals past a limit of two failures, yet the code is not blocked.
    bff.core.state.passkeyLoginRequired.clear();
    expect((await bff.login()).res.status).toBe(200);
    expect(bff.core.throttleReports).toEqual([]);
  });
});
