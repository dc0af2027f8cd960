/**
 * Remembers one-shot values (grant ids) until they would have expired anyway, so a grant
 * replayed after use is refused. In memory for one BFF instance; RedisSingleUseStore
 * (`SET key 1 NX PX ttl`) shares it between instances (SPEC §1).
 */
export interface SingleUseStore {
  /** True the first time `id` is used, false after. */
  use(id: string, ttlMs: number): Promise<boolean>;
  /**
   * Forgets that `id` was used, so it can be used once more: for a mark taken before an
   * outcome was known (a passkey nonce) when the outcome showed nothing was consumed.
   */
  release(id: string): Promise<void>;
}

export class MemorySingleUseStore implements SingleUseStore {
  readonly #used = new Map<string, number>();
  constructor(private readonly now: () => number = Date.now) {}

  async use(id: string, ttlMs: number) {
    const t = this.now();
    for (const [key, until] of this.#used) if (until <= t) this.#used.delete(key);
    if (this.#used.has(id)) return false;
    this.#used.set(id, t + ttlMs);
    return true;
  }

  async release(id: string) {
    this.#used.delete(id);
  }
}
