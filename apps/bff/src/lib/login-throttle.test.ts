import { afterAll, describe, expect, it } from "vitest";
import { openTestRedis, testRedisUrl } from "../test/redis.ts";
import { LoginThrottle, type ThrottleOptions } from "./login-throttle.ts";
import { createRedisClient } from "./redis.ts";
import { StoreUnavailableError } from "./store-unavailable.ts";

const redis = testRedisUrl ? openTestRedis(testRedisUrl) : undefined;
afterAll(() => redis?.close());

const backends: { name: string; pair: (options: ThrottleOptions) => [LoginThrottle, LoginThrottle] }[] = [
  {
    name: "memory",
    pair: (options) => {
      const throttle = LoginThrottle.inMemory(options);
      return [throttle, throttle];
    },
  },
  ...(redis
    ? [
        {
          name: "Redis",
          pair: (options: ThrottleOptions): [LoginThrottle, LoginThrottle] => [
            LoginThrottle.redis(redis.client(), options),
            LoginThrottle.redis(redis.client(), options),
          ],
        },
      ]
    : []),
];

/** A fresh customer code and client address per call: Redis counts outlive a test (not the file's prefix). */
let seq = 0;
const keysOf = () => {
  seq++;
  return { customerCode: String(9_000_000 + seq), clientAddress: `198.51.100.${seq}` };
};

describe.each(backends)("login throttle ($name)", (backend) => {
  it("failures recorded through one instance throttle logins on the other", async () => {
    const [a, b] = backend.pair({ maxPerCode: 3, maxPerClient: 30, windowSeconds: 900 });
    const keys = keysOf();
    await a.recordFailure(keys);
    await b.recordFailure(keys);
    expect(await b.retryAfter(keys)).toBe(0);
    await a.recordFailure(keys);
    const wait = await b.retryAfter(keys);
    expect(wait).toBeGreaterThan(890);
    expect(wait).toBeLessThanOrEqual(900);
    expect(await b.retryAfter({ ...keysOf(), clientAddress: keys.clientAddress })).toBe(0);
  });

  it("a success clears the code's count everywhere; the client's budget keeps counting", async () => {
    const [a, b] = backend.pair({ maxPerCode: 3, maxPerClient: 4, windowSeconds: 900 });
    const keys = keysOf();
    await a.recordFailure(keys);
    await a.recordFailure(keys);
    await b.recordSuccess(keys);
    await a.recordFailure(keys);
    await a.recordFailure(keys);
    // Four failures in all, but only two since the success: the code may still log in …
    expect(await b.retryAfter({ customerCode: keys.customerCode, clientAddress: null })).toBe(0);
    // … while the client address has used its four.
    expect(await b.retryAfter(keys)).toBeGreaterThan(0);
  });

  it("says which budget a failure used up, exactly once, even for 20 concurrent failures on two instances", async () => {
    const [a, b] = backend.pair({ maxPerCode: 5, maxPerClient: 8, windowSeconds: 900 });
    const keys = keysOf();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).recordFailure(keys)));
    const engaged = results.flat();
    expect(engaged.map((e) => e.scope).sort()).toEqual(["client", "customer_code"]);
    for (const e of engaged) {
      expect(e.retryAfterSeconds).toBeGreaterThan(0);
      expect(e.retryAfterSeconds).toBeLessThanOrEqual(900);
    }
    expect(await a.recordFailure(keys)).toEqual([]);
  });
});

describe.skipIf(!redis)("LoginThrottle.redis", () => {
  it("keeps code and client counts under their own prefixes", async () => {
    if (!redis) return;
    const throttle = LoginThrottle.redis(redis.client(), { maxPerCode: 5, maxPerClient: 30, windowSeconds: 900 });
    const keys = keysOf();
    await throttle.recordFailure(keys);
    const stored = await redis.keys();
    expect(stored).toContain(`${redis.prefix}throttle:login-code:code:${keys.customerCode}`);
    expect(stored).toContain(`${redis.prefix}throttle:login-client:client:${keys.clientAddress}`);
  });
});

describe("LoginThrottle.redis with Redis unreachable", () => {
  it("fails closed with StoreUnavailableError within the command timeout instead of letting logins through", async () => {
    // Nothing listens on port 1: every command waits for a connection until its timeout.
    const client = createRedisClient("redis://127.0.0.1:1", { keyPrefix: "kakunin:test:down:", commandTimeoutMs: 200 });
    client.on("error", () => {});
    try {
      const throttle = LoginThrottle.redis(client, { maxPerCode: 5, maxPerClient: 30, windowSeconds: 900 });
      const keys = keysOf();
      const started = Date.now();
      await expect(throttle.retryAfter(keys)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(throttle.recordFailure(keys)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(throttle.recordSuccess(keys)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      client.disconnect();
    }
  });
});
