import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { recordingPacer, throttleOptions } from "../test/harness.ts";
import { openTestRedis, testRedisUrl } from "../test/redis.ts";
import type { LoginPacer } from "./login-pacer.ts";
import { LoginThrottle, type ThrottleKeys, type ThrottleOptions } from "./login-throttle.ts";
import { createRedisClient } from "./redis.ts";
import { StoreUnavailableError } from "./store-unavailable.ts";

const redis = testRedisUrl ? openTestRedis(testRedisUrl) : undefined;
/** Opened on first use: a connection opened while another test fakes the timers would hang. */
let redisAdmin: ReturnType<NonNullable<typeof redis>["client"]> | undefined;
afterAll(() => redis?.close());
afterEach(() => {
  vi.useRealTimers();
});

interface Backend {
  name: string;
  /** Two BFF instances' throttles over the same store (in memory: one and the same). */
  pair: (options: ThrottleOptions, pacer?: LoginPacer) => [LoginThrottle, LoginThrottle];
  /** Lets a code's block of `seconds` run out. */
  endBlock: (customerCode: string, seconds: number) => Promise<void>;
  /** Memory counters follow Date.now and timers: tests move a fake clock. */
  fakeTime: boolean;
}

const backends: Backend[] = [
  {
    name: "memory",
    pair: (options, pacer) => {
      const throttle = LoginThrottle.inMemory(options, pacer ? { pacer } : {});
      return [throttle, throttle];
    },
    endBlock: async (_code, seconds) => {
      await vi.advanceTimersByTimeAsync(seconds * 1000);
    },
    fakeTime: true,
  },
  ...(redis
    ? [
        {
          name: "Redis",
          pair: (options: ThrottleOptions, pacer?: LoginPacer): [LoginThrottle, LoginThrottle] => [
            LoginThrottle.redis(redis.client(), options, pacer ? { pacer } : {}),
            LoginThrottle.redis(redis.client(), options, pacer ? { pacer } : {}),
          ],
          // Redis keeps its own time: the block's key goes as its expiry would take it.
          endBlock: async (code: string) => {
            redisAdmin ??= redis.client();
            await redisAdmin.del(`throttle:login-code:code:${code}`);
          },
          fakeTime: false,
        },
      ]
    : []),
];

/** A fresh customer code and client address per call: Redis counts outlive a test (not the file's prefix). */
let seq = 0;
const keysOf = (): ThrottleKeys & { clientAddress: string } => {
  seq++;
  return { customerCode: String(9_000_000 + seq), clientAddress: `198.51.100.${seq}` };
};
const fromClient = (clientAddress: string): ThrottleKeys => ({ customerCode: keysOf().customerCode, clientAddress });

describe.each(backends)("login throttle ($name)", (backend) => {
  it("failures recorded through one instance block the code on the other, for every client", async () => {
    const [a, b] = backend.pair(throttleOptions({ maxPerCode: 3 }));
    const keys = keysOf();
    await a.recordFailure(keys);
    await b.recordFailure(keys);
    expect(await b.admit(keys)).toEqual({ allowed: true });
    await a.recordFailure(keys);
    const refused = await b.admit(keys);
    expect(refused).toMatchObject({ allowed: false, scope: "customer_code" });
    if (refused.allowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(890);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(900);
    // The code is refused from anywhere (no oracle for a guesser who moves); the client is not.
    expect(await b.admit({ ...keys, clientAddress: "192.0.2.1" })).toMatchObject({ allowed: false });
    expect(await b.admit(fromClient(keys.clientAddress))).toEqual({ allowed: true });
  });

  it("blocks a code for the window, then twice as long for each further block within a day, up to the cap", async () => {
    if (backend.fakeTime) vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    const [a, b] = backend.pair(throttleOptions({ maxPerCode: 3, windowSeconds: 900, maxBlockSeconds: 2700 }));
    const keys = keysOf();
    for (const [round, block] of [900, 1800, 2700, 2700].entries()) {
      await a.recordFailure(keys);
      await b.recordFailure(keys);
      expect(await a.recordFailure(keys)).toEqual([{ scope: "customer_code", retryAfterSeconds: block }]);
      const refused = await b.admit(keys);
      expect(refused).toMatchObject({ allowed: false, scope: "customer_code" });
      if (refused.allowed) return;
      expect(refused.retryAfterSeconds).toBeGreaterThan(block - 10);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(block);

      await backend.endBlock(keys.customerCode, block);
      expect(await a.admit(keys)).toEqual({ allowed: true });
      // The customer logging in between clears the failures in a row, not the history of blocks.
      if (round === 0) await b.recordSuccess(keys);
    }
  });

  it("a success clears the code's and the pair's failures; the client's count goes on", async () => {
    const [a, b] = backend.pair(throttleOptions({ maxPerCode: 3, maxPerClient: 4 }));
    const keys = keysOf();
    await a.recordFailure(keys);
    await a.recordFailure(keys);
    await b.recordSuccess(keys);
    await a.recordFailure(keys);
    await a.recordFailure(keys);
    // Four failures in all, but two since the success: the code is not blocked …
    expect(await b.admit({ ...keys, clientAddress: null })).toEqual({ allowed: true });
    // … while the client is past its four; its code failed there since the success, so it is refused.
    expect(await b.admit(keys)).toMatchObject({ allowed: false, scope: "client" });

    const other = keysOf();
    const cleared = { customerCode: other.customerCode, clientAddress: keys.clientAddress };
    await a.recordFailure(cleared);
    await a.recordSuccess(cleared);
    expect(await b.admit(cleared)).toEqual({ allowed: true });
  });

  it("past the client's soft limit, codes that failed from it are refused and every other code may still log in", async () => {
    const [a, b] = backend.pair(throttleOptions({ maxPerClient: 30 }));
    const office = keysOf().clientAddress;
    const victim = fromClient(office);
    const innocent = fromClient(office);
    // An attacker behind the office's address: 29 codes once each, and the victim's code once.
    for (let i = 0; i < 29; i++) await (i % 2 ? a : b).recordFailure(fromClient(office));
    expect(await a.recordFailure(victim)).toEqual([{ scope: "client", retryAfterSeconds: expect.any(Number) }]);

    expect(await b.admit(innocent)).toEqual({ allowed: true });
    const refused = await b.admit(victim);
    expect(refused).toMatchObject({ allowed: false, scope: "client" });
    if (refused.allowed) return;
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(900);
    // The victim's code failed once only: from another address it still logs in.
    expect(await b.admit({ ...victim, clientAddress: "192.0.2.44" })).toEqual({ allowed: true });
    // One guess per further code, then that code is refused from here too.
    const next = fromClient(office);
    expect(await a.admit(next)).toEqual({ allowed: true });
    await a.recordFailure(next);
    expect(await b.admit(next)).toMatchObject({ allowed: false, scope: "client" });
  });

  it("says which limit a failure reached, exactly once, even for 20 concurrent failures on two instances", async () => {
    const [a, b] = backend.pair(
      throttleOptions({
        maxPerCode: 5,
        maxPerClient: 8,
        slowdown: { afterFailures: 12, intervalSeconds: 1, maxQueued: 10 },
      }),
    );
    const keys = keysOf();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).recordFailure(keys)));
    const engaged = results.flat();
    expect(engaged.map((e) => e.scope).sort()).toEqual(["client", "client_slowdown", "customer_code"]);
    for (const e of engaged) {
      expect(e.retryAfterSeconds).toBeGreaterThan(0);
      expect(e.retryAfterSeconds).toBeLessThanOrEqual(900);
    }
    expect(await a.recordFailure(keys)).toEqual([]);
  });

  it("past the ceiling, paces every attempt from the client, the innocent one's too, instead of refusing it", async () => {
    const { pacer, paced } = recordingPacer();
    const [a, b] = backend.pair(
      throttleOptions({ maxPerClient: 2, slowdown: { afterFailures: 4, intervalSeconds: 1, maxQueued: 10 } }),
      pacer,
    );
    const office = keysOf().clientAddress;
    for (let i = 0; i < 3; i++) await a.recordFailure(fromClient(office));
    expect(await b.admit(fromClient(office))).toEqual({ allowed: true });
    expect(paced).toEqual([]);

    const last = fromClient(office);
    expect(await b.recordFailure(last)).toEqual([{ scope: "client_slowdown", retryAfterSeconds: expect.any(Number) }]);
    expect(await a.admit(fromClient(office))).toEqual({ allowed: true });
    expect(await b.admit(fromClient(office))).toEqual({ allowed: true });
    expect(paced).toEqual([office, office]);
    // Other addresses are not slowed; a refused code is refused at once, without waiting a turn.
    expect(await a.admit(keysOf())).toEqual({ allowed: true });
    expect(await a.admit(last)).toMatchObject({ allowed: false, scope: "client" });
    expect(paced).toEqual([office, office]);
  });

  it("refuses a paced attempt when the client's queue is full, for as long as the queue takes to drain", async () => {
    const [a] = backend.pair(
      throttleOptions({ maxPerClient: 1, slowdown: { afterFailures: 1, intervalSeconds: 2, maxQueued: 5 } }),
      recordingPacer(false).pacer,
    );
    const office = keysOf().clientAddress;
    await a.recordFailure(fromClient(office));
    expect(await a.admit(fromClient(office))).toEqual({
      allowed: false,
      scope: "client_slowdown",
      retryAfterSeconds: 10,
    });
  });

  it("reads the limits again after a paced wait, in which the code may have been blocked", async () => {
    const office = keysOf().clientAddress;
    const victim = fromClient(office);
    let throttle: LoginThrottle | undefined;
    const pacer: LoginPacer = {
      // While the attempt waits for its turn, the code is guessed at from elsewhere.
      wait: async () => {
        for (let i = 0; i < 3; i++) await throttle?.recordFailure({ ...victim, clientAddress: "192.0.2.9" });
        return true;
      },
    };
    const [a] = backend.pair(
      throttleOptions({
        maxPerCode: 3,
        maxPerClient: 1,
        slowdown: { afterFailures: 1, intervalSeconds: 1, maxQueued: 10 },
      }),
      pacer,
    );
    throttle = a;
    await a.recordFailure(fromClient(office));
    expect(await a.admit(victim)).toMatchObject({ allowed: false, scope: "customer_code" });
  });
});

describe.skipIf(!redis)("LoginThrottle.redis", () => {
  it("keeps code, client and pair counts under their own prefixes", async () => {
    if (!redis) return;
    const throttle = LoginThrottle.redis(redis.client(), throttleOptions({ maxPerCode: 1 }));
    const keys = keysOf();
    await throttle.recordFailure(keys);
    const stored = await redis.keys();
    expect(stored).toContain(`${redis.prefix}throttle:login-code:code:${keys.customerCode}`);
    expect(stored).toContain(`${redis.prefix}throttle:login-code-blocks:code:${keys.customerCode}`);
    expect(stored).toContain(`${redis.prefix}throttle:login-client:client:${keys.clientAddress}`);
    expect(stored).toContain(`${redis.prefix}throttle:login-pair:pair:${keys.customerCode}:${keys.clientAddress}`);
  });
});

describe("LoginThrottle.redis with Redis unreachable", () => {
  it("fails closed with StoreUnavailableError within the command timeout instead of letting logins through", async () => {
    // Nothing listens on port 1: every command waits for a connection until its timeout.
    const client = createRedisClient("redis://127.0.0.1:1", { keyPrefix: "kakunin:test:down:", commandTimeoutMs: 200 });
    client.on("error", () => {});
    try {
      const throttle = LoginThrottle.redis(client, throttleOptions());
      const keys = keysOf();
      const started = Date.now();
      await expect(throttle.admit(keys)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(throttle.recordFailure(keys)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(throttle.recordSuccess(keys)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      client.disconnect();
    }
  });
});

describe.each(backends)("login throttle without a customer code: passkey logins ($name)", (backend) => {
  it("their failures count toward the client's ceiling, shared with passwords', and pace the client", async () => {
    const { pacer, paced } = recordingPacer();
    const [a, b] = backend.pair(
      throttleOptions({ maxPerClient: 2, slowdown: { afterFailures: 3, intervalSeconds: 1, maxQueued: 10 } }),
      pacer,
    );
    const office = keysOf().clientAddress;
    expect(await a.recordClientFailure(office)).toEqual([]);
    expect(await b.recordFailure(fromClient(office))).toEqual([
      { scope: "client", retryAfterSeconds: expect.any(Number) },
    ]);
    expect(await b.admitClient(office)).toEqual({ allowed: true });
    expect(paced).toEqual([]);
    expect(await a.recordClientFailure(office)).toEqual([
      { scope: "client_slowdown", retryAfterSeconds: expect.any(Number) },
    ]);
    expect(await b.admitClient(office)).toEqual({ allowed: true });
    expect(paced).toEqual([office]);
    // No code failed from it by passkey: a code is not refused for passkey failures alone.
    expect(await a.admit(fromClient(keysOf().clientAddress))).toEqual({ allowed: true });
    expect(await a.admitClient(null)).toEqual({ allowed: true });
    expect(await a.recordClientFailure(null)).toEqual([]);
  });

  it("a paced passkey login is refused when the client's queue is full", async () => {
    const [a] = backend.pair(
      throttleOptions({ maxPerClient: 1, slowdown: { afterFailures: 1, intervalSeconds: 2, maxQueued: 5 } }),
      recordingPacer(false).pacer,
    );
    const office = keysOf().clientAddress;
    await a.recordClientFailure(office);
    expect(await a.admitClient(office)).toEqual({ allowed: false, scope: "client_slowdown", retryAfterSeconds: 10 });
  });
});
