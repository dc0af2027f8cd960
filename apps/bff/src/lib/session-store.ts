import { createHash, randomBytes } from "node:crypto";

export interface SessionData {
  customerId: string;
  customerCode: string;
  name: string;
  /** Epoch milliseconds. */
  createdAt: number;
  lastSeenAt: number;
}

/**
 * Where sessions live. The in-memory store serves one BFF instance; RedisSessionStore
 * (same interface, keys with TTLs) lets several instances share sessions (SPEC §1).
 */
export interface SessionStore {
  get(id: string): Promise<SessionData | undefined>;
  set(id: string, data: SessionData, ttlMs: number): Promise<void>;
  delete(id: string): Promise<void>;
  /** Ends every session of a customer except `keepId` (e.g. after a password change). */
  deleteOthers(customerId: string, keepId: string): Promise<number>;
}

/** 256 bits from the CSPRNG; the cookie carries this, the store only its hash. */
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/** Stores key sessions by a hash of their id, so a leaked store dump holds no usable ids. */
export function storeKey(id: string): string {
  return createHash("sha256").update(id).digest("base64url");
}

export class MemorySessionStore implements SessionStore {
  readonly #entries = new Map<string, { data: SessionData; expiresAt: number }>();
  #lastSweep = 0;
  constructor(private readonly now: () => number = Date.now) {}

  async get(id: string) {
    const key = storeKey(id);
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.data;
  }

  async set(id: string, data: SessionData, ttlMs: number) {
    this.#sweep();
    this.#entries.set(storeKey(id), { data, expiresAt: this.now() + ttlMs });
  }

  async delete(id: string) {
    this.#entries.delete(storeKey(id));
  }

  async deleteOthers(customerId: string, keepId: string) {
    const keep = storeKey(keepId);
    let removed = 0;
    for (const [key, entry] of this.#entries) {
      if (key !== keep && entry.data.customerId === customerId) {
        this.#entries.delete(key);
        removed++;
      }
    }
    return removed;
  }

  /** Drops expired entries (at most once a minute) so abandoned sessions do not accumulate. */
  #sweep() {
    const now = this.now();
    if (now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}
