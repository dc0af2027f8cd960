import { type RateLimiterAbstract, RateLimiterQueue, RateLimiterQueueError } from "rate-limiter-flexible";
import { StoreUnavailableError } from "./store-unavailable.ts";

/**
 * Slows the login attempts of a client that has failed far too often (decision 011): its
 * attempts take turns instead of being refused, so a customer behind the same address still
 * gets in, only later.
 */
export interface LoginPacer {
  /** Waits for the client's turn: true to go on, false when too many of its attempts already wait. */
  wait(clientAddress: string): Promise<boolean>;
}

export interface PacerOptions {
  /** Attempts a paced client may have waiting on this instance; more are refused at once. */
  maxQueued: number;
  /** A waiting attempt gives up after this long (several instances share one client's turns). */
  maxWaitSeconds: number;
}

/**
 * rate-limiter-flexible's RateLimiterQueue over a limiter of one point per interval per client
 * (memory for one instance, RateLimiterRedis to share the turns between instances). One queue
 * per paced client, dropped once nobody waits in it, so addresses that were paced once do not
 * pile up in memory (RateLimiterQueue itself keeps every key's queue forever).
 */
export class QueuedLoginPacer implements LoginPacer {
  readonly #queues = new Map<string, { queue: RateLimiterQueue; waiting: number }>();

  constructor(
    private readonly turns: RateLimiterAbstract,
    private readonly options: PacerOptions,
  ) {}

  async wait(clientAddress: string): Promise<boolean> {
    let entry = this.#queues.get(clientAddress);
    if (!entry) {
      entry = { queue: new RateLimiterQueue(this.turns, { maxQueueSize: this.options.maxQueued }), waiting: 0 };
      this.#queues.set(clientAddress, entry);
    }
    entry.waiting++;
    try {
      const deadline = Math.floor(Date.now() / 1000) + this.options.maxWaitSeconds;
      await entry.queue.removeTokens(1, `client:${clientAddress}`, deadline);
      return true;
    } catch (err) {
      // A full queue or a wait past the deadline: a refusal, not a failure of the store.
      if (err instanceof RateLimiterQueueError) return false;
      throw new StoreUnavailableError("login-pacer", err);
    } finally {
      entry.waiting--;
      if (entry.waiting === 0) this.#queues.delete(clientAddress);
    }
  }

  /** Clients with an attempt waiting or being let through on this instance. */
  get activeClients(): number {
    return this.#queues.size;
  }
}
