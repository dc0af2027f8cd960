import { ApiError } from "./api-error.ts";

/**
 * Double submits execute once (R26): the first request with an Idempotency-Key runs; a
 * second with the same key and the same request gets the first one's answer, even while the
 * first is still running. The same key with another request (its fingerprint differs) is
 * refused with 422 `idempotency_key_reused` and runs nothing: answering it with the first
 * request's result would tell the customer that what they asked for was done.
 * In memory for one instance; RedisIdempotencyStore shares them between several.
 */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface IdempotencyStore {
  /**
   * @param key the customer's key, e.g. `<customer id>:<Idempotency-Key>`
   * @param fingerprint what the key stands for: a hash of the canonical request
   */
  run(key: string, fingerprint: string, ttlMs: number, execute: () => Promise<StoredResponse>): Promise<StoredResponse>;
}

interface Entry {
  fingerprint: string;
  result: Promise<StoredResponse>;
  until: number;
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly #entries = new Map<string, Entry>();
  constructor(private readonly now: () => number = Date.now) {}

  run(
    key: string,
    fingerprint: string,
    ttlMs: number,
    execute: () => Promise<StoredResponse>,
  ): Promise<StoredResponse> {
    const t = this.now();
    for (const [k, entry] of this.#entries) if (entry.until <= t) this.#entries.delete(k);
    const existing = this.#entries.get(key);
    if (existing)
      return existing.fingerprint === fingerprint
        ? existing.result
        : Promise.reject(new ApiError("idempotency_key_reused", 422));
    const entry: Entry = { fingerprint, result: execute(), until: t + ttlMs };
    this.#entries.set(key, entry);
    // Only a success is the answer to replay; a refusal (step-up needed, core down…) must
    // leave the key free so the confirmed retry with the same key can run.
    const free = () => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    };
    entry.result.then((r) => {
      if (r.status >= 400) free();
    }, free);
    return entry.result;
  }
}
