import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openTestRedis, testRedisUrl } from "../../test/redis.ts";
import { storeBackends } from "../../test/store-backends.ts";
import { RedisSingleUseStore } from "./redis-single-use.ts";
import { MemorySingleUseStore, type SingleUseStore } from "./single-use.ts";

const redis = testRedisUrl ? openTestRedis(testRedisUrl) : undefined;
afterAll(() => redis?.close());

const clock = { now: Date.parse("2026-11-25T00:00:00Z") };
const backends = storeBackends<SingleUseStore>(
  clock,
  (now) => new MemorySingleUseStore(now),
  (client) => new RedisSingleUseStore(client),
  redis,
);

const grantId = () => randomUUID();

describe.each(backends)("single-use store ($name)", (backend) => {
  it("the first use is true, a second (on another instance) false; other ids are independent", async () => {
    const [a, b] = backend.pair();
    const id = grantId();
    expect(await a.use(id, 60_000)).toBe(true);
    expect(await b.use(id, 60_000)).toBe(false);
    expect(await a.use(id, 60_000)).toBe(false);
    expect(await b.use(grantId(), 60_000)).toBe(true);
  });

  it("20 concurrent uses from two instances: exactly one wins", async () => {
    const [a, b] = backend.pair();
    const id = grantId();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).use(id, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("the mark is kept for its ttl and then forgotten", async () => {
    const [a, b] = backend.pair();
    const id = grantId();
    expect(await a.use(id, 200)).toBe(true);
    expect(await b.use(id, 200)).toBe(false);
    backend.elapse(250);
    await vi.waitFor(async () => expect(await b.use(id, 60_000)).toBe(true), { timeout: 3_000, interval: 20 });
  });
});

describe.each(backends)("single-use store release ($name)", (backend) => {
  it("a released id can be used once more, on any instance; other ids stay used", async () => {
    const [a, b] = backend.pair();
    const id = grantId();
    const other = grantId();
    expect(await a.use(id, 60_000)).toBe(true);
    expect(await a.use(other, 60_000)).toBe(true);
    await a.release(id);
    expect(await b.use(id, 60_000)).toBe(true);
    expect(await a.use(id, 60_000)).toBe(false);
    expect(await b.use(other, 60_000)).toBe(false);
  });
});
