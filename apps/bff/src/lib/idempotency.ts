/**
 * Double submits execute once (R26): the first request with an Idempotency-Key runs; a
 * second with the same key (and body) gets the first one's answer, even while the first is
 * still running. In memory for one instance; RedisIdempotencyStore shares them between several.
 */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface IdempotencyStore {
  run(key: string, ttlMs: number, execute: () => Promise<StoredResponse>): Promise<StoredResponse>;
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly #entries = new Map<string, { result: Promise<StoredResponse>; until: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  run(key: string, ttlMs: number, execute: () => Promise<StoredResponse>): Promise<StoredResponse> {
    const t = this.now();
    for (const [k, entry] of this.#entries) if (entry.until <= t) this.#entries.delete(k);
    const existing = this.#entries.get(key);
    if (existing) return existing.result;
    const result = execute();
    this.#entries.set(key, { result, until: t + ttlMs });
    // Only a success is the answer to replay; a refusal (step-up needed, core down…) must
    // leave the key free so the confirmed retry with the same key can run.
    result.then(
      (r) => {
        if (r.status >= 400) this.#entries.delete(key);
      },
      () => this.#entries.delete(key),
    );
    return result;
  }
}
