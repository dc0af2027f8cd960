import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { StoreUnavailableError, storeCall } from "./store-unavailable.ts";

export interface ThrottleKeys {
  customerCode: string;
  clientAddress: string | null;
}

/** Which budget a throttle counts: failures per customer code, or per client address. */
export type ThrottleScope = "customer_code" | "client";

/** A budget used up by a failure: logins on that key are refused for `retryAfterSeconds`. */
export interface EngagedThrottle {
  scope: ThrottleScope;
  retryAfterSeconds: number;
}

export interface ThrottleOptions {
  maxPerCode: number;
  maxPerClient: number;
  windowSeconds: number;
}

/**
 * Throttles failed logins per customer code and per client address (R1). Backed by
 * rate-limiter-flexible: memory limiters for one BFF instance, RateLimiterRedis for several
 * (SPEC §1). A store failure is a StoreUnavailableError (503), never a skipped check.
 */
export class LoginThrottle {
  constructor(
    private readonly byCode: RateLimiterAbstract,
    private readonly byClient: RateLimiterAbstract,
  ) {}

  static inMemory(options: ThrottleOptions) {
    const make = (points: number) =>
      new RateLimiterMemory({ points, duration: options.windowSeconds, blockDuration: options.windowSeconds });
    return new LoginThrottle(make(options.maxPerCode), make(options.maxPerClient));
  }

  /**
   * Counts shared by every instance, under `throttle:login-code:` and `throttle:login-client:`.
   * No insuranceLimiter: while Redis is down logins fail closed (503) instead of falling back
   * to per-instance counts an attacker could multiply by the number of instances.
   */
  static redis(client: Redis, options: ThrottleOptions) {
    const make = (points: number, keyPrefix: string) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix,
        points,
        duration: options.windowSeconds,
        blockDuration: options.windowSeconds,
      });
    return new LoginThrottle(
      make(options.maxPerCode, "throttle:login-code"),
      make(options.maxPerClient, "throttle:login-client"),
    );
  }

  /** Seconds until a login may be tried again, or 0 when it may be tried now. */
  async retryAfter(keys: ThrottleKeys): Promise<number> {
    const results = await storeCall("login-throttle", () =>
      Promise.all(this.#pairs(keys).map(([limiter, key]) => limiter.get(key))),
    );
    const pairs = this.#pairs(keys);
    let wait = 0;
    results.forEach((res, i) => {
      const limiter = pairs[i]?.[0];
      if (res && limiter && res.consumedPoints >= limiter.points) wait = Math.max(wait, res.msBeforeNext);
    });
    return Math.ceil(wait / 1000);
  }

  /**
   * Counts a failure against each budget. Returns the budgets this very failure used up
   * (at most once per window each), so the caller can have the moment audited.
   */
  async recordFailure(keys: ThrottleKeys): Promise<EngagedThrottle[]> {
    const pairs = this.#pairs(keys);
    const results = await Promise.all(
      pairs.map(([limiter, key]) =>
        limiter.consume(key).catch((err: unknown) => {
          // Exceeding the budget is the expected way to become throttled, not an error.
          if (!(err instanceof RateLimiterRes)) throw new StoreUnavailableError("login-throttle", err);
          return undefined;
        }),
      ),
    );
    const engaged: EngagedThrottle[] = [];
    results.forEach((res, i) => {
      const pair = pairs[i];
      // The failure that reaches the limit is the last one let through: from now on retryAfter refuses.
      if (res && pair && res.consumedPoints === pair[0].points) {
        engaged.push({ scope: pair[2], retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) });
      }
    });
    return engaged;
  }

  /** A success clears the code's consecutive failures; the client's budget keeps counting. */
  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    await storeCall("login-throttle", () => this.byCode.delete(`code:${keys.customerCode}`));
  }

  #pairs(keys: ThrottleKeys): [RateLimiterAbstract, string, ThrottleScope][] {
    const pairs: [RateLimiterAbstract, string, ThrottleScope][] = [
      [this.byCode, `code:${keys.customerCode}`, "customer_code"],
    ];
    if (keys.clientAddress) pairs.push([this.byClient, `client:${keys.clientAddress}`, "client"]);
    return pairs;
  }
}
