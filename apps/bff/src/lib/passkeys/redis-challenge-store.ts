import type { Redis } from "ioredis";
import { storeCall } from "../store-unavailable.ts";
import type { ChallengeStore } from "./challenge-store.ts";

const PREFIX = "passkey-challenge:";

/**
 * Passkey challenges shared by every BFF instance: `passkey-challenge:<key>` (after the
 * client's prefix) expires with the ceremony, and `GETDEL` takes it in one atomic command,
 * so a challenge is used at most once whichever instance the requests reach.
 */
export class RedisChallengeStore implements ChallengeStore {
  constructor(private readonly client: Redis) {}

  async put(key: string, value: string, ttlMs: number) {
    await storeCall("passkey-challenge", () =>
      this.client.set(PREFIX + key, value, "PX", Math.max(1, Math.ceil(ttlMs))),
    );
  }

  async take(key: string) {
    const value = await storeCall("passkey-challenge", () => this.client.getdel(PREFIX + key));
    return value ?? undefined;
  }
}
