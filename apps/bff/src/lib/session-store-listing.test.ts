import { afterAll, describe, expect, it, vi } from "vitest";
import { openTestRedis, testRedisUrl } from "../test/redis.ts";
import { storeBackends } from "../test/store-backends.ts";
import { RedisSessionStore } from "./redis-session-store.ts";
import { MemorySessionStore, newSessionId, type SessionData, type SessionStore, storeKey } from "./session-store.ts";

const redis = testRedisUrl ? openTestRedis(testRedisUrl) : undefined;
afterAll(() => redis?.close());

const clock = { now: Date.parse("2026-11-25T00:00:00Z") };
const backends = storeBackends<SessionStore>(
  clock,
  (now) => new MemorySessionStore(now),
  (client) => new RedisSessionStore(client),
  redis,
);

let customerSeq = 0;
const customer = () => `cust-list-${process.pid}-${++customerSeq}-${Math.random().toString(36).slice(2)}`;
const session = (customerId: string, overrides: Partial<SessionData> = {}): SessionData => ({
  customerId,
  customerCode: "1000001",
  name: "山田 太郎",
  createdAt: 1_764_028_800_000,
  lastSeenAt: 1_764_028_800_000,
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0",
  ipAddress: "203.0.113.9",
  ...overrides,
});
const MINUTE = 60_000;
const keysOf = (list: { key: string }[]) => list.map((s) => s.key).sort();

describe.each(backends)("session store per-customer index ($name)", (backend) => {
  it("lists a customer's sessions by store key with what was recorded, and no one else's", async () => {
    const [a, b] = backend.pair();
    const [one, two, stranger] = [newSessionId(), newSessionId(), newSessionId()];
    const cust = customer();
    await a.set(one, session(cust), MINUTE);
    await a.set(two, session(cust, { ipAddress: "198.51.100.4" }), MINUTE);
    await a.set(stranger, session(customer()), MINUTE);
    const listed = await b.listByCustomer(cust);
    expect(keysOf(listed)).toEqual([storeKey(one), storeKey(two)].sort());
    expect(listed.find((s) => s.key === storeKey(two))?.data).toEqual(session(cust, { ipAddress: "198.51.100.4" }));
    // The raw id appears nowhere in what is listed.
    expect(JSON.stringify(listed)).not.toContain(one);
  });

  it("a refresh of a session keeps one entry", async () => {
    const [a, b] = backend.pair();
    const id = newSessionId();
    const cust = customer();
    await a.set(id, session(cust), MINUTE);
    await a.set(id, session(cust, { lastSeenAt: 1_764_028_900_000 }), MINUTE);
    const listed = await b.listByCustomer(cust);
    expect(listed).toHaveLength(1);
    expect(listed[0]?.data.lastSeenAt).toBe(1_764_028_900_000);
  });

  it("deleteByKey ends that session for every instance and drops it from the list", async () => {
    const [a, b] = backend.pair();
    const [gone, kept] = [newSessionId(), newSessionId()];
    const cust = customer();
    await a.set(gone, session(cust), MINUTE);
    await a.set(kept, session(cust), MINUTE);
    expect(await b.deleteByKey(storeKey(gone))).toBe(true);
    expect(await a.get(gone)).toBeUndefined();
    expect(await a.get(kept)).toBeDefined();
    expect(keysOf(await a.listByCustomer(cust))).toEqual([storeKey(kept)]);
    // Already ended: nothing to end, and a late idle-timer refresh cannot bring it back.
    expect(await a.deleteByKey(storeKey(gone))).toBe(false);
    await a.set(gone, session(cust), MINUTE);
    if (backend.name === "Redis") expect(await b.get(gone)).toBeUndefined();
  });

  it("delete and deleteOthers keep the index in step", async () => {
    const [a, b] = backend.pair();
    const [mine, other1, other2] = [newSessionId(), newSessionId(), newSessionId()];
    const cust = customer();
    for (const id of [mine, other1, other2]) await a.set(id, session(cust), MINUTE);
    await b.delete(other1);
    expect(keysOf(await a.listByCustomer(cust))).toEqual([storeKey(mine), storeKey(other2)].sort());
    expect(await b.deleteOthers(cust, mine)).toBe(1);
    expect(keysOf(await a.listByCustomer(cust))).toEqual([storeKey(mine)]);
  });

  it("an expired session is not listed, and listing prunes it from the index", async () => {
    const [a, b] = backend.pair();
    const [short, long] = [newSessionId(), newSessionId()];
    const cust = customer();
    await a.set(long, session(cust), MINUTE);
    await a.set(short, session(cust), 200);
    backend.elapse(250);
    await vi.waitFor(async () => expect(keysOf(await b.listByCustomer(cust))).toEqual([storeKey(long)]), {
      timeout: 3_000,
      interval: 20,
    });
    if (redis && backend.name === "Redis") {
      const members = await redis.client().smembers(`customer-sessions:${cust}`);
      expect(members).toEqual([storeKey(long)]);
    }
  });
});
