import { randomUUID } from "node:crypto";
import { sessionSchema } from "@kakunin/contracts/auth";
import { activeSessionListSchema, endSessionsResponseSchema } from "@kakunin/contracts/sessions";
import { afterAll, describe, expect, it } from "vitest";
import type { LoginPacer } from "./lib/login-pacer.ts";
import { LoginThrottle, type ThrottleOptions } from "./lib/login-throttle.ts";
import { RedisChallengeStore } from "./lib/passkeys/redis-challenge-store.ts";
import { createRedisClient } from "./lib/redis.ts";
import { RedisIdempotencyStore } from "./lib/redis-idempotency.ts";
import { RedisSessionStore } from "./lib/redis-session-store.ts";
import { RedisSingleUseStore } from "./lib/step-up/redis-single-use.ts";
import { type BffRequestInit, cookieJar } from "./test/browser.ts";
import { fakeAssertion } from "./test/fake-passkeys.ts";
import {
  createFakeCore,
  createTestBff,
  type FakeCore,
  readAs,
  readError,
  recordingPacer,
  type SharedStores,
  throttleOptions,
} from "./test/harness.ts";
import { openTestRedis, testRedisUrl } from "./test/redis.ts";

const redis = testRedisUrl ? openTestRedis(testRedisUrl) : undefined;
afterAll(() => redis?.close());

type Bff = ReturnType<typeof createTestBff>;

/** The Redis stores of one BFF process, over its own connection. */
function redisStores(
  client: ReturnType<typeof createRedisClient>,
  throttle: { options?: Partial<ThrottleOptions>; pacer?: LoginPacer } = {},
): SharedStores {
  return {
    sessions: new RedisSessionStore(client),
    loginThrottle: LoginThrottle.redis(
      client,
      throttleOptions(throttle.options),
      throttle.pacer ? { pacer: throttle.pacer } : {},
    ),
    singleUse: new RedisSingleUseStore(client),
    challenges: new RedisChallengeStore(client),
    idempotency: new RedisIdempotencyStore(client, { pollMs: 10 }),
  };
}

/**
 * Two BFF instances behind a load balancer: the same core (its database is the other thing
 * instances share), Redis stores over separate connections, nothing else in common.
 */
let instancesSeq = 0;
function twoInstances(throttle: { options?: Partial<ThrottleOptions>; pacers?: [LoginPacer, LoginPacer] } = {}) {
  if (!redis) throw new Error("TEST_REDIS_URL not set");
  const core: FakeCore = createFakeCore();
  // The browsers behind both: an address per test, as the file's tests share Redis's throttle counts.
  const clientAddress = `198.51.100.${++instancesSeq}`;
  const [pa, pb] = throttle.pacers ?? [];
  const instance = (pacer?: LoginPacer): Bff =>
    createTestBff({ core, clientAddress, stores: redisStores(redis.client(), { options: throttle.options, pacer }) });
  return { a: instance(pa), b: instance(pb), core, clientAddress };
}

/** One browser whose requests the load balancer sends to either instance; its jar follows Set-Cookie. */
function browser(session: string | undefined) {
  const jar = cookieJar();
  const request = async (via: Bff, path: string, init: BffRequestInit = {}) =>
    jar.take(
      await via.request(path, { ...init, cookie: session, cookies: [...jar.cookies(), ...(init.cookies ?? [])] }),
    );
  return { request, jar: jar.cookies };
}

/** Two instances and one browser logged in on A, where the step-up tests below start. */
async function browsingOnA() {
  const instances = twoInstances();
  const { cookie } = await instances.a.login();
  return { ...instances, cookie, browse: browser(cookie) };
}

/** Starts the final confirmation of the profile change `payload` through `via`. */
const startChange = (browse: ReturnType<typeof browser>, via: Bff, payload: object) =>
  browse.request(via, "/api/step-up/challenges", { method: "POST", json: { operation: "change_profile", payload } });

const change = { postalCode: "160-0022", address: "東京都新宿区新宿3-1-1", phone: "090-2222-3333" };
const idem = (key: string) => ({ "idempotency-key": key.padEnd(16, "x") });

describe.skipIf(!redis)("two BFF instances sharing Redis", () => {
  it("a session started on A works on B; logging out on B ends it on A", async () => {
    const { a, b } = twoInstances();
    const { res, cookie } = await a.login();
    expect(res.status).toBe(200);
    expect(await readAs(await b.request("/api/session", { cookie }), sessionSchema)).toMatchObject({
      authenticated: true,
      customer: { customerCode: "1000001" },
    });
    expect((await b.request("/api/me/notices", { cookie })).status).toBe(200);

    expect((await b.request("/api/session", { method: "DELETE", cookie })).status).toBe(204);
    expect(await readAs(await a.request("/api/session", { cookie }), sessionSchema)).toMatchObject({
      authenticated: false,
    });
    expect((await readError(await a.request("/api/me/notices", { cookie }))).code).toBe("session_expired");
  });

  it("a login-password change on B ends the customer's session on A and keeps B's", async () => {
    const { a, b } = twoInstances();
    const phone = await a.login();
    const laptop = await b.login();
    const res = await b.request("/api/me/login-password", {
      method: "PUT",
      cookie: laptop.cookie,
      json: { currentPassword: "Kiso8pine3", newPassword: "Fuji7lake4", newPasswordConfirmation: "Fuji7lake4" },
    });
    expect(res.status).toBe(200);
    expect((await readError(await a.request("/api/me/notices", { cookie: phone.cookie }))).code).toBe(
      "session_revoked",
    );
    expect((await a.request("/api/me/notices", { cookie: laptop.cookie })).status).toBe(200);
  });

  /** A customer of this test alone: the file's tests share Redis, where the others' sessions stay. */
  let ownSeq = 0;
  function ownCustomer(core: FakeCore) {
    const customerCode = String(1_900_000 + (++ownSeq % 100_000));
    core.customers.push({ id: randomUUID(), customerCode, name: "端末 確認", password: "Kiso8pine3" });
    return (via: Bff) => via.login(customerCode);
  }

  it("ログイン中の端末: a session made on A is listed on B and ended from B, for A too", async () => {
    const { a, b, core } = twoInstances();
    const login = ownCustomer(core);
    const phone = await login(a);
    const laptop = await login(b);
    const listed = await readAs(
      await b.request("/api/me/sessions", { cookie: laptop.cookie }),
      activeSessionListSchema,
    );
    expect(listed.sessions.map((s) => s.current)).toEqual([true, false]);
    const other = listed.sessions[1]?.handle ?? "";
    const ended = await b.request(`/api/me/sessions/${other}/logout`, { method: "POST", cookie: laptop.cookie });
    expect(ended.status).toBe(200);
    // Told apart from a timeout on every instance: the tombstone is in Redis.
    expect((await readError(await a.request("/api/me/notices", { cookie: phone.cookie }))).code).toBe(
      "session_revoked",
    );
    expect((await a.request("/api/me/notices", { cookie: laptop.cookie })).status).toBe(200);
    const after = await readAs(await a.request("/api/me/sessions", { cookie: laptop.cookie }), activeSessionListSchema);
    expect(after.sessions).toHaveLength(1);
    expect(core.sessionEvents.events).toMatchObject([{ action: "logout_one", ended: 1 }]);
  });

  it("他の端末をすべてログアウト on A ends the sessions B started", async () => {
    const { a, b, core } = twoInstances();
    const login = ownCustomer(core);
    const [one, two] = [await login(b), await login(b)];
    const me = await login(a);
    const res = await a.request("/api/me/sessions/logout-others", { method: "POST", cookie: me.cookie });
    expect(await readAs(res, endSessionsResponseSchema)).toEqual({ ended: 2 });
    for (const s of [one, two]) expect((await b.request("/api/me/notices", { cookie: s.cookie })).status).toBe(401);
    expect((await b.request("/api/me/notices", { cookie: me.cookie })).status).toBe(200);
  });

  it("a once-grant used on A is refused when replayed on B", async () => {
    const { a, b, core, cookie, browse } = await browsingOnA();
    await startChange(browse, a, change);
    const verified = await browse.request(a, "/api/step-up/verifications", {
      method: "POST",
      json: { executionPassword: "Rk7m2x" },
    });
    expect(verified.status).toBe(204);
    const grant = browse.jar();
    const used = await browse.request(a, "/api/me/profile", { method: "PUT", json: change, headers: idem("scale-1") });
    expect(used.status).toBe(200);

    // The copied grant cookie, presented to the other instance with a new Idempotency-Key.
    const replay = await b.request("/api/me/profile", {
      method: "PUT",
      json: change,
      cookie,
      cookies: grant,
      headers: idem("scale-2"),
    });
    expect(replay.status).toBe(403);
    expect((await readError(replay)).code).toBe("step_up_required");
    expect(core.calls.changeProfile).toBe(1);
  });

  it("a double submit split across A and B executes once and both get the answer", async () => {
    const { a, b, core, cookie, browse } = await browsingOnA();
    await startChange(browse, a, change);
    await browse.request(b, "/api/step-up/verifications", { method: "POST", json: { executionPassword: "Rk7m2x" } });
    const grant = browse.jar();
    const submit = (via: Bff) =>
      via.request("/api/me/profile", { method: "PUT", json: change, cookie, cookies: grant, headers: idem("scale-3") });
    const [first, second] = await Promise.all([submit(a), submit(b)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.json()).toEqual(await first.json());
    expect([first, second].filter((r) => r.headers.get("idempotent-replay") === "true")).toHaveLength(1);
    expect(core.calls.changeProfile).toBe(1);
  });

  it("a key reused on B for another confirmed change than it ran on A is refused (422) and core runs nothing", async () => {
    const { a, b, core, browse } = await browsingOnA();
    const confirm = async (via: Bff, payload: typeof change) => {
      await startChange(browse, via, payload);
      const verified = await browse.request(via, "/api/step-up/verifications", {
        method: "POST",
        json: { executionPassword: "Rk7m2x" },
      });
      expect(verified.status).toBe(204);
    };
    await confirm(a, change);
    const first = await browse.request(a, "/api/me/profile", { method: "PUT", json: change, headers: idem("scale-4") });
    expect(first.status).toBe(200);

    const other = { ...change, phone: "090-4444-5555" };
    await confirm(b, other);
    const reused = await browse.request(b, "/api/me/profile", { method: "PUT", json: other, headers: idem("scale-4") });
    expect(reused.status).toBe(422);
    expect((await readError(reused)).code).toBe("idempotency_key_reused");
    expect(core.calls.changeProfile).toBe(1);
    // The same change as the first, on B: its answer, not a second run.
    const replay = await browse.request(b, "/api/me/profile", {
      method: "PUT",
      json: change,
      headers: idem("scale-4"),
    });
    expect(replay.headers.get("idempotent-replay")).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    // The refusal used nothing up: the other change runs under a key of its own.
    const fresh = await browse.request(a, "/api/me/profile", { method: "PUT", json: other, headers: idem("scale-5") });
    expect(fresh.status).toBe(200);
    expect(core.calls.changeProfile).toBe(2);
  });

  it("a passkey login started on A finishes on B, once; a passkey step-up nonce used on A is refused on B", async () => {
    const { a, b, core } = twoInstances();
    const anonymous = browser(undefined);
    const options = await anonymous.request(a, "/api/session/passkey-options", { method: "POST", json: {} });
    const { challenge } = (await options.json()) as { challenge: string };
    const login = () =>
      anonymous.request(b, "/api/session/passkey", { method: "POST", json: { response: fakeAssertion(challenge) } });
    const flow = anonymous.jar().find((c) => c.startsWith("__Host-kakunin-passkey-login="));
    expect((await login()).status).toBe(200);
    // The same flow cookie replayed on A: the challenge is gone from the shared store.
    const replay = await a.request("/api/session/passkey", {
      method: "POST",
      json: { response: fakeAssertion(challenge) },
      cookies: [flow ?? ""],
    });
    expect(await readError(replay)).toMatchObject({ code: "passkey_challenge_expired" });

    core.stepUp.methods = ["execution_password", "passkey"];
    const { cookie } = await a.login();
    const browse = browser(cookie);
    const start = await browse.request(a, "/api/step-up/challenges", {
      method: "POST",
      json: { operation: "view_registered_info", payload: {} },
    });
    const signed = ((await start.json()) as { passkeyOptions: { challenge: string } }).passkeyOptions.challenge;
    const pending = browse.jar();
    const verify = (via: Bff) =>
      via.request("/api/step-up/verifications", {
        method: "POST",
        cookie,
        cookies: pending,
        json: { executionPassword: "Rk7m2x", passkey: fakeAssertion(signed) },
      });
    expect((await verify(a)).status).toBe(204);
    expect(await readError(await verify(b))).toMatchObject({ code: "passkey_challenge_expired" });
    expect(core.passkeys.calls.stepUpAssertions).toBe(1);
  });

  it("failed logins on A and B add up to one throttle", async () => {
    const { a, b } = twoInstances();
    for (const via of [a, b, a, b, a]) {
      expect((await via.login("1000099", "Wrong1pass")).res.status).toBe(401);
    }
    const res = await b.login("1000099", "Wrong1pass");
    expect(res.res.status).toBe(429);
    expect((await readError(res.res)).code).toBe("rate_limited");
  });

  it("two customers behind one address, attacked through A and B: the innocent one logs in, the attacked code is refused", async () => {
    const { a, b, core } = twoInstances();
    core.customers.push({
      id: "6f1c4f4e-2b4a-4c1e-9f51-1d3c1c5b9a02",
      customerCode: "1000002",
      name: "佐藤 花子",
      password: "Tsuki5river8",
    });
    // Fresh codes per run: the file's Redis prefix is shared by its tests.
    for (let i = 0; i < 30; i++) {
      const code = i < 2 ? "1000002" : String(3_000_000 + i);
      expect((await (i % 2 ? a : b).login(code, "Wrong9pass")).res.status).toBe(401);
    }
    expect(core.throttleReports.map((r) => r.scope)).toEqual(["client"]);
    expect((await a.login("1000001", "Kiso8pine3")).res.status).toBe(200);
    expect((await b.login("1000001", "Kiso8pine3")).res.status).toBe(200);
    expect((await a.login("1000002", "Tsuki5river8")).res.status).toBe(429);
    expect((await b.login("1000002", "Tsuki5river8")).res.status).toBe(429);
  });

  it("failures through A and B add up to the ceiling: both instances then pace the address", async () => {
    const [pa, pb] = [recordingPacer(), recordingPacer()];
    const { a, b, core, clientAddress } = twoInstances({
      options: { maxPerClient: 2, slowdown: { afterFailures: 4, intervalSeconds: 1, maxQueued: 10 } },
      pacers: [pa.pacer, pb.pacer],
    });
    for (const [i, via] of [a, b, a, b].entries()) {
      expect((await via.login(String(4_000_000 + i), "Wrong9pass")).res.status).toBe(401);
    }
    expect([pa.paced, pb.paced]).toEqual([[], []]);
    expect(core.throttleReports.map((r) => r.scope)).toEqual(["client", "client_slowdown"]);
    expect((await a.login()).res.status).toBe(200);
    expect((await b.login()).res.status).toBe(200);
    expect([pa.paced, pb.paced]).toEqual([[clientAddress], [clientAddress]]);
  });
});

describe("a BFF whose Redis is down", () => {
  it("answers 503 upstream_unavailable (retryable, no stack trace) instead of skipping the throttle or the session", async () => {
    const client = createRedisClient("redis://127.0.0.1:1", { keyPrefix: "kakunin:test:down:", commandTimeoutMs: 200 });
    client.on("error", () => {});
    try {
      const bff = createTestBff({ stores: redisStores(client) });
      const login = await bff.login();
      const text = await login.res.text();
      expect(login.res.status).toBe(503);
      expect(JSON.parse(text).error).toMatchObject({ code: "upstream_unavailable", retryable: true });
      expect(text).not.toMatch(/at .*\.[jt]s:\d+|127\.0\.0\.1:1|ECONNREFUSED|timed out/i);
      expect(bff.core.received).toHaveLength(0);

      const session = await bff.request("/api/session", { cookie: "some-session-id" });
      expect(session.status).toBe(503);
      expect((await readError(session)).code).toBe("upstream_unavailable");
    } finally {
      client.disconnect();
    }
  });
});
