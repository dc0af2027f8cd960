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
/** Each test its own customer, so one test's deleteOthers cannot touch another's sessions. */
const customer = () => `cust-${process.pid}-${++customerSeq}-${Math.random().toString(36).slice(2)}`;
const session = (customerId: string, overrides: Partial<SessionData> = {}): SessionData => ({
  customerId,
  customerCode: "1000001",
  name: "山田 太郎",
  createdAt: 1_764_028_800_000,
  lastSeenAt: 1_764_028_800_000,
  ...overrides,
});
const MINUTE = 60_000;

describe.each(backends)("session store ($name)", (backend) => {
  it("gives back what was set; an unknown id is undefined", async () => {
    const [a, b] = backend.pair();
    const id = newSessionId();
    const data = session(customer());
    await a.set(id, data, MINUTE);
    expect(await b.get(id)).toEqual(data);
    expect(await b.get(newSessionId())).toBeUndefined();
  });

  it("a session ends with its ttl; setting it again extends it", async () => {
    const [a, b] = backend.pair();
    const id = newSessionId();
    const kept = newSessionId();
    const data = session(customer());
    await a.set(id, data, 200);
    await a.set(kept, data, MINUTE);
    expect(await b.get(id)).toEqual(data);
    backend.elapse(250);
    await vi.waitFor(async () => expect(await b.get(id)).toBeUndefined(), { timeout: 3_000, interval: 20 });
    expect(await b.get(kept)).toEqual(data);
  });

  it("delete ends a session for every instance", async () => {
    const [a, b] = backend.pair();
    const id = newSessionId();
    const other = newSessionId();
    const cust = customer();
    await a.set(id, session(cust), MINUTE);
    await a.set(other, session(cust), MINUTE);
    await b.delete(id);
    expect(await a.get(id)).toBeUndefined();
    expect(await a.get(other)).toEqual(session(cust));
  });

  it("deleteOthers ends the customer's sessions written by another instance and keeps keepId and other customers", async () => {
    const [a, b] = backend.pair();
    const cust = customer();
    const [phone, tablet, laptop] = [newSessionId(), newSessionId(), newSessionId()];
    const someoneElse = newSessionId();
    await a.set(phone, session(cust), MINUTE);
    await a.set(tablet, session(cust), MINUTE);
    await b.set(laptop, session(cust), MINUTE);
    await a.set(someoneElse, session(customer()), MINUTE);

    expect(await b.deleteOthers(cust, laptop)).toBe(2);
    expect(await a.get(phone)).toBeUndefined();
    expect(await b.get(tablet)).toBeUndefined();
    expect(await a.get(laptop)).toEqual(session(cust));
    expect(await a.get(someoneElse)).toBeDefined();
    expect(await a.deleteOthers(cust, laptop)).toBe(0);
  });

  it("remembers sessions ended from another browser (deleteOthers, deleteByKey) as revoked; logout is not", async () => {
    const [a, b] = backend.pair();
    const cust = customer();
    const [kept, other] = [newSessionId(), newSessionId()];
    for (const id of [kept, other]) await a.set(id, session(cust), 10 * MINUTE);
    await b.deleteOthers(cust, kept);
    // A refresh that read it before stays refused, and the tombstone stays a revocation.
    await a.set(other, session(cust), 10 * MINUTE);
    expect(await a.get(other)).toBeUndefined();
    expect(await a.wasRevoked(other)).toBe(true);
    expect(await a.wasRevoked(kept)).toBe(false);
    expect(await a.wasRevoked(newSessionId())).toBe(false);

    const fresh = newSessionId();
    await a.set(fresh, session(cust), 10 * MINUTE);
    expect(await b.deleteByKey(storeKey(fresh))).toBe(true);
    expect(await a.wasRevoked(fresh)).toBe(true);

    await b.delete(kept);
    expect(await a.wasRevoked(kept)).toBe(false);
  });

  it("forgets a revocation after the session's remaining time (at least a minute)", async () => {
    if (backend.name !== "memory") return; // Redis's TTLs run on real time; its PX is the same rule.
    const [a] = backend.pair();
    const cust = customer();
    const [kept, other] = [newSessionId(), newSessionId()];
    await a.set(kept, session(cust), 10 * MINUTE);
    await a.set(other, session(cust), 5 * MINUTE);
    await a.deleteOthers(cust, kept);
    backend.elapse(5 * MINUTE - 1);
    expect(await a.wasRevoked(other)).toBe(true);
    backend.elapse(1);
    expect(await a.wasRevoked(other)).toBe(false);
  });
});

describe.skipIf(!redis)("RedisSessionStore", () => {
  const store = () => {
    if (!redis) throw new Error("TEST_REDIS_URL not set");
    const client = redis.client();
    return { client, store: new RedisSessionStore(client) };
  };

  it("keys sessions by the id's SHA-256: neither keys nor values hold the raw id", async () => {
    const { store: s } = store();
    const id = newSessionId();
    await s.set(id, session(customer()), MINUTE);
    const dump = (await redis?.dump()) ?? {};
    expect(Object.keys(dump)).toContain(`${redis?.prefix}session:${storeKey(id)}`);
    expect(JSON.stringify(dump)).not.toContain(id);
  });

  it("reads malformed JSON or a wrong shape as no session", async () => {
    const { client, store: s } = store();
    const broken = newSessionId();
    const wrongShape = newSessionId();
    await client.set(`session:${storeKey(broken)}`, "{not json", "PX", MINUTE);
    await client.set(`session:${storeKey(wrongShape)}`, JSON.stringify({ customerId: 42 }), "PX", MINUTE);
    expect(await s.get(broken)).toBeUndefined();
    expect(await s.get(wrongShape)).toBeUndefined();
  });

  it("keeps the customer's set at least as long as the session and drops a deleted session from it", async () => {
    const { client, store: s } = store();
    const cust = customer();
    const id = newSessionId();
    await s.set(id, session(cust), 10 * MINUTE);
    expect(await client.smembers(`customer-sessions:${cust}`)).toEqual([storeKey(id)]);
    expect(await client.pttl(`customer-sessions:${cust}`)).toBeGreaterThan(9 * MINUTE);
    await s.delete(id);
    expect(await client.smembers(`customer-sessions:${cust}`)).toEqual([]);
  });

  it("a refresh that read the session before another instance ended it cannot bring it back", async () => {
    const a = store().store;
    const b = store().store;
    const cust = customer();
    const [ended, loggedOut, kept] = [newSessionId(), newSessionId(), newSessionId()];
    for (const id of [ended, loggedOut, kept]) await a.set(id, session(cust), MINUTE);
    // requireSession on instance A has read these sessions and is about to write them back
    // with a new lastSeenAt when instance B ends them.
    const readEnded = await a.get(ended);
    const readLoggedOut = await a.get(loggedOut);
    await b.deleteOthers(cust, kept);
    await b.delete(loggedOut);
    await a.set(ended, { ...session(cust), ...readEnded, lastSeenAt: Date.now() }, MINUTE);
    await a.set(loggedOut, { ...session(cust), ...readLoggedOut, lastSeenAt: Date.now() }, MINUTE);
    expect(await b.get(ended)).toBeUndefined();
    expect(await b.get(loggedOut)).toBeUndefined();
    expect(await b.get(kept)).toBeDefined();
  });
});
