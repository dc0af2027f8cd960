import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openTestRedis, testRedisUrl } from "../../test/redis.ts";
import { storeBackends } from "../../test/store-backends.ts";
import { type ChallengeStore, MemoryChallengeStore, newPasskeyChallenge } from "./challenge-store.ts";
import { RedisChallengeStore } from "./redis-challenge-store.ts";

const redis = testRedisUrl ? openTestRedis(testRedisUrl) : undefined;
afterAll(() => redis?.close());

const clock = { now: Date.parse("2026-12-03T00:00:00Z") };
const backends = storeBackends<ChallengeStore>(
  clock,
  (now) => new MemoryChallengeStore(now),
  (client) => new RedisChallengeStore(client),
  redis,
);

const key = () => `registration:${randomUUID()}`;

describe("newPasskeyChallenge", () => {
  it("is 32 random bytes as base64url, different each time", () => {
    const a = newPasskeyChallenge();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(newPasskeyChallenge()).not.toBe(a);
  });
});

describe.each(backends)("passkey challenge store ($name)", (backend) => {
  it("a challenge is taken once, on whichever instance; a second take finds nothing", async () => {
    const [a, b] = backend.pair();
    const k = key();
    await a.put(k, "challenge-1", 60_000);
    expect(await b.take(k)).toBe("challenge-1");
    expect(await a.take(k)).toBeUndefined();
    expect(await b.take(k)).toBeUndefined();
  });

  it("a new put replaces the earlier challenge; other keys are independent", async () => {
    const [a, b] = backend.pair();
    const k = key();
    const other = key();
    await a.put(k, "first", 60_000);
    await b.put(other, "theirs", 60_000);
    await b.put(k, "second", 60_000);
    expect(await a.take(k)).toBe("second");
    expect(await a.take(other)).toBe("theirs");
  });

  it("20 parallel takes from two instances: exactly one gets the challenge", async () => {
    const [a, b] = backend.pair();
    const k = key();
    await a.put(k, "once", 60_000);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).take(k)));
    expect(results.filter((r) => r === "once")).toHaveLength(1);
    expect(results.filter((r) => r === undefined)).toHaveLength(19);
  });

  it("an expired challenge is gone", async () => {
    const [a, b] = backend.pair();
    const k = key();
    const kept = key();
    await a.put(k, "short", 200);
    await a.put(kept, "long", 60_000);
    backend.elapse(250);
    // Redis keeps real time: wait (without taking, which would consume it) until it expired the key.
    if (redis && backend.name === "Redis") {
      await vi.waitFor(async () => expect((await redis.keys()).some((x) => x.endsWith(k))).toBe(false), {
        timeout: 3_000,
        interval: 20,
      });
    }
    expect(await b.take(k)).toBeUndefined();
    expect(await b.take(kept)).toBe("long");
  });
});
