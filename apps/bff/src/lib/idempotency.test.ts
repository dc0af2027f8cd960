import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openTestRedis, testRedisUrl } from "../test/redis.ts";
import { ApiError } from "./api-error.ts";
import { type IdempotencyStore, MemoryIdempotencyStore, type StoredResponse } from "./idempotency.ts";
import { RedisIdempotencyStore } from "./redis-idempotency.ts";

const redis = testRedisUrl ? openTestRedis(testRedisUrl) : undefined;
afterAll(() => redis?.close());

const backends: { name: string; pair: () => [IdempotencyStore, IdempotencyStore] }[] = [
  {
    name: "memory",
    pair: () => {
      const store = new MemoryIdempotencyStore();
      return [store, store];
    },
  },
  ...(redis
    ? [
        {
          name: "Redis",
          pair: (): [IdempotencyStore, IdempotencyStore] => [
            new RedisIdempotencyStore(redis.client(), { pollMs: 10 }),
            new RedisIdempotencyStore(redis.client(), { pollMs: 10 }),
          ],
        },
      ]
    : []),
];

const DAY = 24 * 3_600_000;
const key = () => `cust-1:${randomUUID()}:body`;

/** An operation that counts its executions and takes a moment, like a call to core. */
function operation(answer: (n: number) => StoredResponse | Promise<StoredResponse>) {
  const calls = { count: 0 };
  const execute = async () => {
    const n = ++calls.count;
    await sleep(30);
    return answer(n);
  };
  return { calls, execute };
}

describe.each(backends)("idempotency store ($name)", (backend) => {
  it("10 concurrent runs of one key on two instances execute once and all get the same answer", async () => {
    const [a, b] = backend.pair();
    const k = key();
    const op = operation((n) => ({ status: 200, body: { orderNumber: `O${n}` } }));
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).run(k, DAY, op.execute)));
    expect(op.calls.count).toBe(1);
    expect(new Set(results.map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify({ status: 200, body: { orderNumber: "O1" } })]),
    );
    // and a later duplicate gets it too, without executing
    expect(await b.run(k, DAY, op.execute)).toEqual({ status: 200, body: { orderNumber: "O1" } });
    expect(op.calls.count).toBe(1);
  });

  it("a refusal (4xx) frees the key: the retry executes, and its success is what is replayed", async () => {
    const [a, b] = backend.pair();
    const k = key();
    const op = operation((n) =>
      n === 1 ? { status: 403, body: { error: { code: "step_up_required" } } } : { status: 200, body: { n } },
    );
    expect((await a.run(k, DAY, op.execute)).status).toBe(403);
    expect(await b.run(k, DAY, op.execute)).toEqual({ status: 200, body: { n: 2 } });
    expect(await a.run(k, DAY, op.execute)).toEqual({ status: 200, body: { n: 2 } });
    expect(op.calls.count).toBe(2);
  });

  it("a thrown error frees the key and reaches the caller", async () => {
    const [a, b] = backend.pair();
    const k = key();
    const failure = new Error("core down");
    const op = operation((n) => {
      if (n === 1) throw failure;
      return { status: 200, body: { n } };
    });
    await expect(a.run(k, DAY, op.execute)).rejects.toBe(failure);
    expect(await b.run(k, DAY, op.execute)).toEqual({ status: 200, body: { n: 2 } });
    expect(op.calls.count).toBe(2);
  });

  it("different keys run independently", async () => {
    const [a, b] = backend.pair();
    const first = operation(() => ({ status: 200, body: "first" }));
    const second = operation(() => ({ status: 201, body: "second" }));
    const [r1, r2] = await Promise.all([a.run(key(), DAY, first.execute), b.run(key(), DAY, second.execute)]);
    expect([r1, r2]).toEqual([
      { status: 200, body: "first" },
      { status: 201, body: "second" },
    ]);
    expect([first.calls.count, second.calls.count]).toEqual([1, 1]);
  });
});

describe.skipIf(!redis)("RedisIdempotencyStore", () => {
  const instance = (options: { waitMs?: number } = {}) => {
    if (!redis) throw new Error("TEST_REDIS_URL not set");
    const client = redis.client();
    return { client, store: new RedisIdempotencyStore(client, { pollMs: 10, ...options }) };
  };

  it("marks a running key with a pending token and stores the answer as JSON with the ttl", async () => {
    const { client, store } = instance();
    const k = key();
    let seen: string | null = null;
    const result = await store.run(k, 60_000, async () => {
      seen = await client.get(`idem:${k}`);
      return { status: 200, body: { ok: true } };
    });
    expect(result).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toMatch(/^pending:[0-9a-f-]{36}$/);
    expect(JSON.parse((await client.get(`idem:${k}`)) ?? "")).toEqual(result);
    const ttl = await client.pttl(`idem:${k}`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it("a duplicate waiting on a first that fails claims the key and runs itself", async () => {
    const a = instance().store;
    const b = instance().store;
    const k = key();
    let started = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const calls = { count: 0 };
    const first = a.run(k, DAY, async () => {
      calls.count++;
      started();
      await sleep(50);
      return { status: 503, body: "core down" };
    });
    await running;
    const second = await b.run(k, DAY, async () => {
      calls.count++;
      return { status: 200, body: "done" };
    });
    expect(await first).toEqual({ status: 503, body: "core down" });
    expect(second).toEqual({ status: 200, body: "done" });
    expect(calls.count).toBe(2);
  });

  it("a duplicate that waits longer than waitMs gets 409 idempotency_conflict and does not execute", async () => {
    const a = instance().store;
    const impatient = instance({ waitMs: 100 }).store;
    const k = key();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const calls = { count: 0 };
    const first = a.run(k, DAY, async () => {
      calls.count++;
      await gate;
      return { status: 200, body: "first" };
    });
    const refused = await impatient
      .run(k, DAY, async () => {
        calls.count++;
        return { status: 200, body: "second" };
      })
      .catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: "idempotency_conflict", status: 409 });
    release();
    expect(await first).toEqual({ status: 200, body: "first" });
    expect(calls.count).toBe(1);
  });

  it("only the claim's owner may answer: a claimant whose marker expired cannot overwrite the next one's answer", async () => {
    const { client, store: a } = instance();
    const b = instance().store;
    const k = key();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // A claims with a short ttl and is still running when its marker expires.
    const slow = a.run(k, 100, async () => {
      await gate;
      return { status: 200, body: "slow" };
    });
    await vi.waitFor(async () => expect(await client.exists(`idem:${k}`)).toBe(0), { timeout: 3_000, interval: 20 });
    expect(await b.run(k, DAY, async () => ({ status: 200, body: "fresh" }))).toEqual({ status: 200, body: "fresh" });
    release();
    expect(await slow).toEqual({ status: 200, body: "slow" });
    const fail = async (): Promise<StoredResponse> => {
      throw new Error("must not run");
    };
    expect(await b.run(k, DAY, fail)).toEqual({ status: 200, body: "fresh" });
  });
});
