import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { createRedisClient } from "../lib/redis.ts";

/** The Redis server tests also run on when set; `.ci/run` points it at this machine's. */
export const testRedisUrl = process.env.TEST_REDIS_URL || undefined;

/**
 * A Redis namespace of one test file: every client it opens writes under a random prefix,
 * so parallel runs and the developer's own data never meet; `close()` deletes those keys.
 */
export function openTestRedis(url: string) {
  const prefix = `kakunin:test:${randomBytes(6).toString("hex")}:`;
  const clients: Redis[] = [];
  /** A new connection (as a second BFF instance would have one) writing under the prefix. */
  const client = () => {
    const c = createRedisClient(url, { keyPrefix: prefix });
    clients.push(c);
    return c;
  };
  /** Every key written under the prefix, with the prefix (SCAN does not apply it). */
  const keys = async () => {
    const raw = new Redis(url);
    try {
      const found: string[] = [];
      let cursor = "0";
      do {
        const [next, batch] = await raw.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
        cursor = next;
        found.push(...batch);
      } while (cursor !== "0");
      return found;
    } finally {
      raw.disconnect();
    }
  };
  /** Every key under the prefix with its content (a string's value, a set's members). */
  const dump = async () => {
    const raw = new Redis(url);
    try {
      const out: Record<string, string | string[]> = {};
      for (const key of await keys()) {
        const type = await raw.type(key);
        out[key] = type === "set" ? await raw.smembers(key) : type === "string" ? ((await raw.get(key)) ?? "") : type;
      }
      return out;
    } finally {
      raw.disconnect();
    }
  };
  const close = async () => {
    const found = await keys();
    if (found.length > 0) {
      const raw = new Redis(url);
      await raw.del(...found);
      raw.disconnect();
    }
    await Promise.all(clients.map((c) => c.quit()));
  };
  return { prefix, client, keys, dump, close };
}

export type TestRedis = ReturnType<typeof openTestRedis>;
