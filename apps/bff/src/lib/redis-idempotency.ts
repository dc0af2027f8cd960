import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import { z } from "zod";
import { ApiError } from "./api-error.ts";
import type { IdempotencyStore, StoredResponse } from "./idempotency.ts";
import { redisScript, runScript } from "./redis.ts";
import { StoreUnavailableError, storeCall } from "./store-unavailable.ts";

const PENDING = "pending:";

const storedAnswerSchema = z.object({ fingerprint: z.string(), status: z.number().int(), body: z.unknown() });

// Compare-and-set on the claim's token: only the instance that claimed a key may answer or free it.
// KEYS: entry. ARGV: own pending marker, answer, ttl.
const FINISH = redisScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
`);
// KEYS: entry. ARGV: own pending marker.
const RELEASE = redisScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])
`);

/**
 * Idempotency across BFF instances (R26). `idem:<key>` is claimed with
 * `SET NX PX ttl` and a marker `pending:<fingerprint>:<random token>`; the claimant runs the
 * operation and replaces the marker with the JSON answer (with the fingerprint), or deletes
 * it when the answer is a refusal (status ≥ 400) or an error, so a retry can run. A caller
 * that finds the key held for another fingerprint is refused at once with 422
 * `idempotency_key_reused`; for its own, it polls until the answer appears, claims the key
 * itself when it vanished, and gives up after `waitMs` with 409 `idempotency_conflict`. A
 * claimant that dies leaves its marker until the ttl ends: the same key then stays refused
 * rather than ever running twice.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  readonly #waitMs: number;
  readonly #pollMs: number;
  readonly #onError: (err: unknown) => void;
  constructor(
    private readonly client: Redis,
    options: {
      /** How long a duplicate waits for the first request's answer; REQUEST_TIMEOUT_MS in main.ts. */
      waitMs?: number;
      pollMs?: number;
      /** Told about Redis failures after the operation ran, which cannot change its answer. */
      onError?: (err: unknown) => void;
    } = {},
  ) {
    this.#waitMs = options.waitMs ?? 15_000;
    this.#pollMs = options.pollMs ?? 50;
    this.#onError = options.onError ?? (() => {});
  }

  async run(
    key: string,
    fingerprint: string,
    ttlMs: number,
    execute: () => Promise<StoredResponse>,
  ): Promise<StoredResponse> {
    const entry = `idem:${key}`;
    const ttl = Math.max(1, Math.ceil(ttlMs));
    const deadline = Date.now() + this.#waitMs;
    for (;;) {
      const marker = `${PENDING}${fingerprint}:${randomUUID()}`;
      const claimed = await storeCall("idempotency", () => this.client.set(entry, marker, "PX", ttl, "NX"));
      if (claimed === "OK") return this.#execute(entry, fingerprint, marker, ttl, execute);
      const answer = await this.#awaitAnswer(entry, fingerprint, deadline);
      if (answer) return answer;
      // The first caller failed and freed the key: try to claim it for this request.
    }
  }

  async #execute(
    entry: string,
    fingerprint: string,
    marker: string,
    ttl: number,
    execute: () => Promise<StoredResponse>,
  ) {
    let result: StoredResponse;
    try {
      result = await execute();
    } catch (err) {
      await this.#release(entry, marker);
      throw err;
    }
    if (result.status >= 400) {
      await this.#release(entry, marker);
      return result;
    }
    // The operation ran: its answer goes to this caller even if Redis fails now. The marker
    // then stays and later duplicates get 409 instead of a second execution.
    const answer = JSON.stringify({ fingerprint, status: result.status, body: result.body });
    await runScript(this.client, FINISH, [entry], [marker, answer, ttl]).catch(this.#onError);
    return result;
  }

  /** Frees the key for a retry; if Redis fails here the marker stays (fails closed) until its ttl. */
  async #release(entry: string, marker: string) {
    await runScript(this.client, RELEASE, [entry], [marker]).catch(this.#onError);
  }

  /** The stored answer to this fingerprint, or undefined once the key is free again. */
  async #awaitAnswer(entry: string, fingerprint: string, deadline: number): Promise<StoredResponse | undefined> {
    for (;;) {
      const value = await storeCall("idempotency", () => this.client.get(entry));
      if (value === null) return undefined;
      if (!value.startsWith(PENDING)) {
        let stored: z.infer<typeof storedAnswerSchema>;
        try {
          stored = storedAnswerSchema.parse(JSON.parse(value));
        } catch (err) {
          throw new StoreUnavailableError("idempotency", err);
        }
        if (stored.fingerprint !== fingerprint) throw new ApiError("idempotency_key_reused", 422);
        return { status: stored.status, body: stored.body };
      }
      // Another request running under this key: refused now, not after waiting for it.
      if (value.slice(PENDING.length).split(":")[0] !== fingerprint) throw new ApiError("idempotency_key_reused", 422);
      if (Date.now() >= deadline) throw new ApiError("idempotency_conflict", 409);
      await sleep(this.#pollMs);
    }
  }
}
