import type { Redis } from "ioredis";
import type { TestRedis } from "./redis.ts";

/** A shared store under test, on one backend. */
export interface StoreBackend<S> {
  name: string;
  /** Two handles on one store: the same object in memory, two instances with their own clients on Redis. */
  pair(): [S, S];
  /** Lets `ms` pass for the store's TTLs: moves the memory store's clock; Redis keeps real time. */
  elapse(ms: number): void;
}

/**
 * The backends a store's tests run on: its memory version always (on a clock the test moves),
 * and its Redis version when the test file opened a Redis namespace (TEST_REDIS_URL set).
 */
export function storeBackends<S>(
  clock: { now: number },
  memory: (now: () => number) => S,
  onRedis: (client: Redis) => S,
  redis: TestRedis | undefined,
): StoreBackend<S>[] {
  const inMemory: StoreBackend<S> = {
    name: "memory",
    pair: () => {
      const store = memory(() => clock.now);
      return [store, store];
    },
    elapse: (ms) => {
      clock.now += ms;
    },
  };
  if (!redis) return [inMemory];
  return [
    inMemory,
    { name: "Redis", pair: () => [onRedis(redis.client()), onRedis(redis.client())], elapse: () => {} },
  ];
}
