import { randomBytes } from "node:crypto";

/** How long a passkey ceremony's challenge waits for the authenticator's answer. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;

/** A ceremony's challenge: 32 random bytes, base64url (decision 012). */
export function newPasskeyChallenge(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The challenges of passkey ceremonies (decision 012): the BFF keeps each one for a single
 * use, since core keeps none and accepts any response that signed the challenge it is given.
 * `take` reads and deletes in one step, so of two requests racing with one challenge
 * (a double click, a replay, two instances) exactly one gets it. In memory for one
 * instance; RedisChallengeStore (`GETDEL`) shares them between instances (SPEC §1).
 */
export interface ChallengeStore {
  /** Stores `value` under `key` for `ttlMs`, replacing an earlier one. */
  put(key: string, value: string, ttlMs: number): Promise<void>;
  /** The value, once: undefined when it was never stored, already taken or expired. */
  take(key: string): Promise<string | undefined>;
}

export class MemoryChallengeStore implements ChallengeStore {
  readonly #entries = new Map<string, { value: string; expiresAt: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  async put(key: string, value: string, ttlMs: number) {
    const t = this.now();
    for (const [k, entry] of this.#entries) if (entry.expiresAt <= t) this.#entries.delete(k);
    this.#entries.set(key, { value, expiresAt: t + ttlMs });
  }

  async take(key: string) {
    const entry = this.#entries.get(key);
    // Deleted before anything awaits: JavaScript runs this synchronously, so it is atomic here.
    this.#entries.delete(key);
    if (!entry || entry.expiresAt <= this.now()) return undefined;
    return entry.value;
  }
}
