import type { Redis } from "ioredis";
import { storeCall } from "../store-unavailable.ts";
import type { SingleUseStore } from "./single-use.ts";

/**
 * Single-use marks shared by every BFF instance: `once:<id>` is set only if absent and
 * expires with the grant it marks, so a grant used on one instance is refused on all.
 */
export class RedisSingleUseStore implements SingleUseStore {
  constructor(private readonly client: Redis) {}

  async use(id: string, ttlMs: number) {
    const set = await storeCall("single-use", () =>
      this.client.set(`once:${id}`, "1", "PX", Math.max(1, Math.ceil(ttlMs)), "NX"),
    );
    return set === "OK";
  }

  async release(id: string) {
    await storeCall("single-use", () => this.client.del(`once:${id}`));
  }
}
