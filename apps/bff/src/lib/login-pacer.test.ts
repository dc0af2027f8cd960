import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { openTestRedis, testRedisUrl } from "../test/redis.ts";
import { QueuedLoginPacer } from "./login-pacer.ts";
import { createRedisClient } from "./redis.ts";
import { StoreUnavailableError } from "./store-unavailable.ts";

const redis = testRedisUrl ? openTestRedis(testRedisUrl) : undefined;
afterAll(() => redis?.close());
afterEach(() => {
  vi.useRealTimers();
});

/** A promise's outcome as it stands, without waiting for it. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T } = { settled: false };
  promise.then((value) => {
    state.settled = true;
    state.value = value;
  });
  return state;
}

const turns = (intervalSeconds: number) =>
  new RateLimiterMemory({ keyPrefix: "pace", points: 1, duration: intervalSeconds });

describe("QueuedLoginPacer (memory)", () => {
  // The queue waits on timers and the limiter on Date.now: a fake clock moves both, so the
  // test asserts the order of turns, never how long anything took.
  const fakeClock = () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    vi.setSystemTime(Date.UTC(2026, 10, 25));
  };

  it("lets a client's attempts through one per interval, other clients untouched, and refuses beyond the queue", async () => {
    fakeClock();
    const pacer = new QueuedLoginPacer(turns(1), { maxQueued: 2, maxWaitSeconds: 10 });
    expect(await pacer.wait("203.0.113.7")).toBe(true);
    const second = track(pacer.wait("203.0.113.7"));
    const third = track(pacer.wait("203.0.113.7"));
    expect(await pacer.wait("203.0.113.7")).toBe(false);
    expect(await pacer.wait("198.51.100.1")).toBe(true);
    await vi.advanceTimersByTimeAsync(999);
    expect([second.settled, third.settled]).toEqual([false, false]);

    await vi.advanceTimersByTimeAsync(1);
    expect(second).toEqual({ settled: true, value: true });
    expect(third.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(third).toEqual({ settled: true, value: true });
    // Nobody waits any more: the client's queue is gone, not kept for every address ever paced.
    expect(pacer.activeClients).toBe(0);
  });

  it("gives up on an attempt that waited past its deadline", async () => {
    fakeClock();
    const pacer = new QueuedLoginPacer(turns(1), { maxQueued: 5, maxWaitSeconds: 2 });
    expect(await pacer.wait("203.0.113.7")).toBe(true);
    const waiting = [1, 2, 3].map(() => track(pacer.wait("203.0.113.7")));
    await vi.advanceTimersByTimeAsync(1000);
    expect(waiting.map((w) => w.value)).toEqual([true, undefined, undefined]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(waiting).toEqual([
      { settled: true, value: true },
      { settled: true, value: false },
      { settled: true, value: false },
    ]);
    expect(pacer.activeClients).toBe(0);
  });
});

describe.skipIf(!redis)("QueuedLoginPacer (Redis)", () => {
  it("shares a client's turns between instances: a turn taken on A makes B's attempts wait", async () => {
    if (!redis) return;
    const instance = () =>
      new QueuedLoginPacer(
        new RateLimiterRedis({ storeClient: redis.client(), keyPrefix: "throttle:login-pace", points: 1, duration: 2 }),
        { maxQueued: 1, maxWaitSeconds: 10 },
      );
    const [a, b] = [instance(), instance()];
    const client = "203.0.113.7";
    expect(await a.wait(client)).toBe(true);
    // B's first attempt must queue (A took the turn), so its second overflows B's queue of one.
    const queued = b.wait(client);
    expect(await b.wait(client)).toBe(false);
    expect(await queued).toBe(true);
  });
});

describe("QueuedLoginPacer with Redis unreachable", () => {
  it("fails closed with StoreUnavailableError", async () => {
    const client = createRedisClient("redis://127.0.0.1:1", { keyPrefix: "kakunin:test:down:", commandTimeoutMs: 200 });
    client.on("error", () => {});
    try {
      const pacer = new QueuedLoginPacer(
        new RateLimiterRedis({ storeClient: client, keyPrefix: "pace", points: 1, duration: 1 }),
        { maxQueued: 1, maxWaitSeconds: 10 },
      );
      await expect(pacer.wait("203.0.113.7")).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(pacer.activeClients).toBe(0);
    } finally {
      client.disconnect();
    }
  });
});
