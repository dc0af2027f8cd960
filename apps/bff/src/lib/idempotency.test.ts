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
const key = () => `cust-1:${randomUUID()}`;
/** Fingerprints of two different requests (the middleware's are sha256 hex digests). */
const FP = "a".repeat(64);
const OTHER = "b".repeat(64);

const isKeyReused = (err: unknown) =>
  err instanceof ApiError && err.code === "idempotency_key_reused" && err.status === 422;

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
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).run(k, FP, DAY, op.execute)),
    );
    expect(op.calls.count).toBe(1);
    expect(new Set(results.map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify({ status: 200, body: { orderNumber: "O1" } })]),
    );
    // and a later duplicate gets it too, without executing
    expect(await b.run(k, FP, DAY, op.execute)).toEqual({ status: 200, body: { orderNumber: "O1" } });
    expect(op.calls.count).toBe(1);
  });

  it("a refusal (4xx) frees the key: the retry executes, and its success is what is replayed", async () => {
    const [a, b] = backend.pair();
    const k = key();
    const op = operation((n) =>
      n === 1 ? { status: 403, body: { error: { code: "step_up_required" } } } : { status: 200, body: { n } },
    );
    expect((await a.run(k, FP, DAY, op.execute)).status).toBe(403);
    expect(await b.run(k, FP, DAY, op.execute)).toEqual({ status: 200, body: { n: 2 } });
    expect(await a.run(k, FP, DAY, op.execute)).toEqual({ status: 200, body: { n: 2 } });
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
    await expect(a.run(k, FP, DAY, op.execute)).rejects.toBe(failure);
    expect(await b.run(k, FP, DAY, op.execute)).toEqual({ status: 200, body: { n: 2 } });
    expect(op.calls.count).toBe(2);
  });

  it("the same key with another fingerprint is refused with 422 idempotency_key_reused on both instances and runs nothing", async () => {
    const [a, b] = backend.pair();
    const k = key();
    const op = operation(() => ({ status: 200, body: { amount: 7777 } }));
    expect(await a.run(k, FP, DAY, op.execute)).toEqual({ status: 200, body: { amount: 7777 } });
    const other = operation(() => ({ status: 200, body: { amount: 9999 } }));
    for (const store of [a, b]) {
      const refused = await store.run(k, OTHER, DAY, other.execute).catch((err: unknown) => err);
      expect(isKeyReused(refused)).toBe(true);
    }
    expect(other.calls.count).toBe(0);
    // The first request itself still gets its answer, without running again.
    expect(await b.run(k, FP, DAY, op.execute)).toEqual({ status: 200, body: { amount: 7777 } });
    expect(op.calls.count).toBe(1);
  });

  it("while the first runs, another fingerprint is refused at once; the same one gets the first's answer", async () => {
    const [a, b] = backend.pair();
    const k = key();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const calls = { count: 0 };
    const execute = async (): Promise<StoredResponse> => {
      calls.count++;
      started();
      await gate;
      return { status: 200, body: "first" };
    };
    const first = a.run(k, FP, DAY, execute);
    await running;
    const duplicate = b.run(k, FP, DAY, execute);
    // Refused while the first is still held at the gate: no waiting for it.
    const refused = await b.run(k, OTHER, DAY, execute).catch((err: unknown) => err);
    expect(isKeyReused(refused)).toBe(true);
    release();
    expect(await first).toEqual({ status: 200, body: "first" });
    expect(await duplicate).toEqual({ status: 200, body: "first" });
    expect(calls.count).toBe(1);
  });

  it("a refusal binds nothing: after it, the key runs another request", async () => {
    const [a, b] = backend.pair();
    const k = key();
    const refusal = operation(() => ({ status: 403, body: { error: { code: "step_up_required" } } }));
    expect((await a.run(k, FP, DAY, refusal.execute)).status).toBe(403);
    const other = operation(() => ({ status: 200, body: "other" }));
    expect(await b.run(k, OTHER, DAY, other.execute)).toEqual({ status: 200, body: "other" });
    expect([refusal.calls.count, other.calls.count]).toEqual([1, 1]);
  });

  it("different keys run independently", async () => {
    const [a, b] = backend.pair();
    const first = operation(() => ({ status: 200, body: "first" }));
    const second = operation(() => ({ status: 201, body: "second" }));
    const [r1, r2] = await Promise.all([a.run(key(), FP, DAY, first.execute), b.run(key(), FP, DAY, second.execute)]);
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

  it("marks a running key with its fingerprint and a pending token, and stores the answer with the fingerprint as JSON with the ttl", async () => {
    const { client, store } = instance();
    const k = key();
    let seen: string | null = null;
    const result = await store.run(k, FP, 60_000, async () => {
      seen = await client.get(`idem:${k}`);
      return { status: 200, body: { ok: true } };
    });
    expect(result).toEqual({ status: 200, body: { ok: true } });
    expect(seen).toMatch(/^pending:a{64}:[0-9a-f-]{36}$/);
    expect(JSON.parse((await client.get(`idem:${k}`)) ?? "")).toEqual({ fingerprint: FP, ...result });
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
    const first = a.run(k, FP, DAY, async () => {
      calls.count++;
      started();
      await sleep(50);
      return { status: 503, body: "core down" };
    });
    await running;
    const second = await b.run(k, FP, DAY, async () => {
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
    let started = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const calls = { count: 0 };
    const first = a.run(k, FP, DAY, async () => {
      calls.count++;
      started();
      await gate;
      return { status: 200, body: "first" };
    });
    // The two stores use separate connections: only once the first runs has it surely claimed.
    await running;
    const refused = await impatient
      .run(k, FP, DAY, async () => {
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
    const slow = a.run(k, FP, 100, async () => {
      await gate;
      return { status: 200, body: "slow" };
    });
    await vi.waitFor(async () => expect(await client.exists(`idem:${k}`)).toBe(0), { timeout: 3_000, interval: 20 });
    expect(await b.run(k, FP, DAY, async () => ({ status: 200, body: "fresh" }))).toEqual({
      status: 200,
      body: "fresh",
    });
    release();
    expect(await slow).toEqual({ status: 200, body: "slow" });
    const fail = async (): Promise<StoredResponse> => {
      throw new Error("must not run");
    };
    expect(await b.run(k, FP, DAY, fail)).toEqual({ status: 200, body: "fresh" });
  });
});
