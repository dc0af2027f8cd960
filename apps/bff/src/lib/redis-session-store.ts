import { localeSchema } from "@kakunin/contracts/locale";
import type { Redis } from "ioredis";
import { z } from "zod";
import { keyPrefixOf, redisScript, runScript } from "./redis.ts";
import { type SessionData, type SessionStore, type StoredSession, storeKey } from "./session-store.ts";
import { storeCall } from "./store-unavailable.ts";

/** What a stored session must look like; anything else in Redis reads as no session. */
const sessionDataSchema = z.object({
  customerId: z.string().min(1),
  customerCode: z.string().min(1),
  name: z.string(),
  createdAt: z.number().int(),
  lastSeenAt: z.number().int(),
  userAgent: z.string().nullable().optional(),
  ipAddress: z.string().nullable().optional(),
  // A language this BFF does not speak (any more) is no reason to end the session.
  locale: localeSchema.optional().catch(undefined),
}) satisfies z.ZodType<SessionData>;

/**
 * An ended session is remembered at least this long, so a request that read it just before
 * it ended cannot write it back when it extends the idle timer.
 */
const ENDED_MIN_MS = 60_000;

const SESSION = "session:";
const ENDED = "session-ended:";
const CUSTOMER = "customer-sessions:";

// KEYS: session, ended marker, customer's set. ARGV: json, ttl, hash, session key prefix.
// A new member (a login) also drops members whose sessions expired, so the set stays small.
const SET = redisScript(`
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
if redis.call('SADD', KEYS[3], ARGV[3]) == 1 then
  for _, h in ipairs(redis.call('SMEMBERS', KEYS[3])) do
    if redis.call('EXISTS', ARGV[4] .. h) == 0 then redis.call('SREM', KEYS[3], h) end
  end
end
if redis.call('PTTL', KEYS[3]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[3], ARGV[2]) end
return 1
`);

/** The ended marker's value when another browser ended the session (`session_revoked`). */
const REVOKED = "revoked";

// KEYS: session, ended marker. ARGV: hash, customer set prefix, minimum marker ttl, marker value.
const DELETE = redisScript(`
local ttl = redis.call('PTTL', KEYS[1])
redis.call('SET', KEYS[2], ARGV[4], 'PX', math.max(ttl, tonumber(ARGV[3])))
local raw = redis.call('GET', KEYS[1])
if raw then
  local ok, data = pcall(cjson.decode, raw)
  if ok and type(data) == 'table' and type(data.customerId) == 'string' then
    redis.call('SREM', ARGV[2] .. data.customerId, ARGV[1])
  end
end
return redis.call('DEL', KEYS[1])
`);

// KEYS: customer's set. ARGV: hash to keep, session key prefix, ended prefix, minimum marker ttl, marker value.
const DELETE_OTHERS = redisScript(`
local removed = 0
for _, h in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if h ~= ARGV[1] then
    local key = ARGV[2] .. h
    redis.call('SET', ARGV[3] .. h, ARGV[5], 'PX', math.max(redis.call('PTTL', key), tonumber(ARGV[4])))
    removed = removed + redis.call('DEL', key)
    redis.call('SREM', KEYS[1], h)
  end
end
return removed
`);

// KEYS: customer's set. ARGV: session key prefix. Answers hash, json, hash, json, …
// Members whose session expired (Redis dropped the key with its TTL) are pruned here.
const LIST = redisScript(`
local out = {}
for _, h in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local raw = redis.call('GET', ARGV[1] .. h)
  if raw then
    out[#out + 1] = h
    out[#out + 1] = raw
  else
    redis.call('SREM', KEYS[1], h)
  end
end
return out
`);

/**
 * Sessions shared by every BFF instance (SPEC §1). Keys (after the client's prefix):
 * `session:<sha256(id)>` holds the JSON with the session's TTL; `customer-sessions:<customerId>`
 * is the set of a customer's session hashes, so ending "all other sessions" works whichever
 * instance wrote them; `session-ended:<hash>` marks an ended session for a while so a
 * concurrent idle-timer refresh cannot bring it back (`revoked` when another browser ended it,
 * so its next request says so). Raw ids never reach Redis.
 */
export class RedisSessionStore implements SessionStore {
  readonly #prefix: string;
  constructor(private readonly client: Redis) {
    this.#prefix = keyPrefixOf(client);
  }

  async get(id: string) {
    const raw = await storeCall("session", () => this.client.get(SESSION + storeKey(id)));
    return raw === null ? undefined : parseSession(raw);
  }

  async set(id: string, data: SessionData, ttlMs: number) {
    const hash = storeKey(id);
    // A refused write (the session ended meanwhile) is not an error: the session stays ended.
    await storeCall("session", () =>
      runScript(
        this.client,
        SET,
        [SESSION + hash, ENDED + hash, CUSTOMER + data.customerId],
        [JSON.stringify(data), Math.max(1, Math.ceil(ttlMs)), hash, this.#prefix + SESSION],
      ),
    );
  }

  async delete(id: string) {
    await this.#delete(storeKey(id), "1");
  }

  async deleteByKey(hash: string) {
    return this.#delete(hash, REVOKED);
  }

  async wasRevoked(id: string) {
    const marker = await storeCall("session", () => this.client.get(ENDED + storeKey(id)));
    return marker === REVOKED;
  }

  async #delete(hash: string, marker: string) {
    const removed = await storeCall("session", () =>
      runScript(
        this.client,
        DELETE,
        [SESSION + hash, ENDED + hash],
        [hash, this.#prefix + CUSTOMER, ENDED_MIN_MS, marker],
      ),
    );
    return Number(removed) > 0;
  }

  async listByCustomer(customerId: string) {
    const flat = await storeCall("session", () =>
      runScript(this.client, LIST, [CUSTOMER + customerId], [this.#prefix + SESSION]),
    );
    const live: StoredSession[] = [];
    if (!Array.isArray(flat)) return live;
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const data = parseSession(flat[i + 1]);
      // A member naming another customer's session would be corruption; it is not listed.
      if (data?.customerId === customerId) live.push({ key: String(flat[i]), data });
    }
    return live;
  }

  async deleteOthers(customerId: string, keepId: string) {
    const removed = await storeCall("session", () =>
      runScript(
        this.client,
        DELETE_OTHERS,
        [CUSTOMER + customerId],
        [storeKey(keepId), this.#prefix + SESSION, this.#prefix + ENDED, ENDED_MIN_MS, REVOKED],
      ),
    );
    return Number(removed);
  }
}

function parseSession(raw: unknown): SessionData | undefined {
  if (typeof raw !== "string") return undefined;
  try {
    const parsed = sessionDataSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
