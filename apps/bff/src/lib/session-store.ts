import { createHash, randomBytes } from "node:crypto";
import type { Locale } from "@kakunin/contracts/locale";

export interface SessionData {
  customerId: string;
  customerCode: string;
  name: string;
  /** Epoch milliseconds. */
  createdAt: number;
  lastSeenAt: number;
  /**
   * The browser and address the session was started from, for ログイン中の端末 (R32). Absent on
   * sessions started before they were recorded.
   */
  userAgent?: string | null | undefined;
  ipAddress?: string | null | undefined;
  /**
   * The customer's language (R36): core's stored preference at login, then what they chose
   * while logged in. Absent on sessions started before the language switch.
   */
  locale?: Locale | undefined;
}

/** A live session as listed for its customer: named by its store key, never by its id. */
export interface StoredSession {
  key: string;
  data: SessionData;
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
  /** The customer's live sessions (expired ones are dropped from the index on the way). */
  listByCustomer(customerId: string): Promise<StoredSession[]>;
  /** Ends the session stored under `key` (its `storeKey`); true when it was still live. */
  deleteByKey(key: string): Promise<boolean>;
  /**
   * True while the session was ended from another browser (`deleteOthers`, `deleteByKey`),
   * for the session's remaining time (at least a minute): its next request is told so
   * (`session_revoked`) rather than that it timed out. Logout and expiry (`delete`) are not.
   */
  wasRevoked(id: string): Promise<boolean>;
}

/** A revoked session is remembered at least this long, even if it had almost expired. */
export const REVOKED_MIN_MS = 60_000;

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
  /** customerId → store keys, so a customer's sessions are found without a scan. */
  readonly #byCustomer = new Map<string, Set<string>>();
  /** Store key → when the tombstone of a revoked session lapses. */
  readonly #revoked = new Map<string, number>();
  #lastSweep = 0;
  constructor(private readonly now: () => number = Date.now) {}

  async get(id: string) {
    const key = storeKey(id);
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#remove(key);
      return undefined;
    }
    return entry.data;
  }

  async set(id: string, data: SessionData, ttlMs: number) {
    this.#sweep();
    const key = storeKey(id);
    // As in Redis: a request that read the session before it was revoked cannot bring it back.
    if ((this.#revoked.get(key) ?? 0) > this.now()) return;
    this.#entries.set(key, { data, expiresAt: this.now() + ttlMs });
    let keys = this.#byCustomer.get(data.customerId);
    if (!keys) {
      keys = new Set();
      this.#byCustomer.set(data.customerId, keys);
    }
    keys.add(key);
  }

  async delete(id: string) {
    this.#remove(storeKey(id));
  }

  async deleteOthers(customerId: string, keepId: string) {
    const keep = storeKey(keepId);
    let removed = 0;
    for (const key of [...(this.#byCustomer.get(customerId) ?? [])]) {
      if (key !== keep && this.#revoke(key)) removed++;
    }
    return removed;
  }

  async listByCustomer(customerId: string) {
    const now = this.now();
    const live: StoredSession[] = [];
    for (const key of [...(this.#byCustomer.get(customerId) ?? [])]) {
      const entry = this.#entries.get(key);
      if (!entry || entry.expiresAt <= now) this.#remove(key);
      else live.push({ key, data: entry.data });
    }
    return live;
  }

  async deleteByKey(key: string) {
    const entry = this.#entries.get(key);
    const live = entry !== undefined && entry.expiresAt > this.now();
    this.#revoke(key);
    return live;
  }

  async wasRevoked(id: string) {
    const until = this.#revoked.get(storeKey(id));
    return until !== undefined && until > this.now();
  }

  /** Ends a session from another browser, leaving its tombstone; true when there was one. */
  #revoke(key: string): boolean {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    const now = this.now();
    this.#revoked.set(key, now + Math.max(entry.expiresAt - now, REVOKED_MIN_MS));
    return this.#remove(key);
  }

  /** Drops an entry and its index member; true when there was one. */
  #remove(key: string): boolean {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    this.#entries.delete(key);
    const keys = this.#byCustomer.get(entry.data.customerId);
    keys?.delete(key);
    if (keys?.size === 0) this.#byCustomer.delete(entry.data.customerId);
    return true;
  }

  /** Drops expired entries (at most once a minute) so abandoned sessions do not accumulate. */
  #sweep() {
    const now = this.now();
    if (now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#remove(key);
    for (const [key, until] of this.#revoked) if (until <= now) this.#revoked.delete(key);
  }
}
