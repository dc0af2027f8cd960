import { createHash } from "node:crypto";
import { Redis } from "ioredis";

/**
 * Upper bound on one command, time spent queued while reconnecting included. A Redis outage
 * then turns into a prompt 503 rather than requests hanging until REQUEST_TIMEOUT_MS.
 */
const COMMAND_TIMEOUT_MS = 2_000;

/** The one client a BFF process uses for its shared state (SPEC §1). */
export function createRedisClient(url: string, options: { keyPrefix: string; commandTimeoutMs?: number }): Redis {
  return new Redis(url, {
    keyPrefix: options.keyPrefix,
    // Connect at start, so a wrong URL shows in the log before the first customer does.
    lazyConnect: false,
    commandTimeout: options.commandTimeoutMs ?? COMMAND_TIMEOUT_MS,
  });
}

export interface RedisScript {
  lua: string;
  sha: string;
}

/** A Lua script run atomically on the server; EVALSHA first, the full text only when Redis lacks it. */
export function redisScript(lua: string): RedisScript {
  return { lua, sha: createHash("sha1").update(lua).digest("hex") };
}

/** Runs `script`; ioredis adds the client's key prefix to `keys` (not to `args`). */
export async function runScript(
  client: Redis,
  script: RedisScript,
  keys: string[],
  args: (string | number)[],
): Promise<unknown> {
  try {
    return await client.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (err) {
    if (!(err instanceof Error && err.message.startsWith("NOSCRIPT"))) throw err;
    return client.eval(script.lua, keys.length, ...keys, ...args);
  }
}

/** The client's key prefix, for keys a script computes itself (members of a set, say). */
export function keyPrefixOf(client: Redis): string {
  const prefix = client.options.keyPrefix;
  return typeof prefix === "string" ? prefix : "";
}
