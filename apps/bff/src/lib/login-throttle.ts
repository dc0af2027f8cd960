import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export interface ThrottleKeys {
  customerCode: string;
  clientAddress: string | null;
}

/**
 * Throttles failed logins per customer code and per client address (R1). Backed by
 * rate-limiter-flexible: memory limiters now; RateLimiterRedis instances drop in for
 * several BFF instances without changing callers.
 */
export class LoginThrottle {
  constructor(
    private readonly byCode: RateLimiterAbstract,
    private readonly byClient: RateLimiterAbstract,
  ) {}

  static inMemory(options: { maxPerCode: number; maxPerClient: number; windowSeconds: number }) {
    const make = (points: number) =>
      new RateLimiterMemory({ points, duration: options.windowSeconds, blockDuration: options.windowSeconds });
    return new LoginThrottle(make(options.maxPerCode), make(options.maxPerClient));
  }

  /** Seconds until a login may be tried again, or 0 when it may be tried now. */
  async retryAfter(keys: ThrottleKeys): Promise<number> {
    const results = await Promise.all(this.#pairs(keys).map(([limiter, key]) => limiter.get(key)));
    const pairs = this.#pairs(keys);
    let wait = 0;
    results.forEach((res, i) => {
      const limiter = pairs[i]?.[0];
      if (res && limiter && res.consumedPoints >= limiter.points) wait = Math.max(wait, res.msBeforeNext);
    });
    return Math.ceil(wait / 1000);
  }

  async recordFailure(keys: ThrottleKeys): Promise<void> {
    await Promise.all(
      this.#pairs(keys).map(([limiter, key]) =>
        limiter.consume(key).catch((err: unknown) => {
          // Exceeding the budget is the expected way to become throttled, not an error.
          if (!(err instanceof RateLimiterRes)) throw err;
        }),
      ),
    );
  }

  /** A success clears the code's consecutive failures; the client's budget keeps counting. */
  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    await this.byCode.delete(`code:${keys.customerCode}`);
  }

  #pairs(keys: ThrottleKeys): [RateLimiterAbstract, string][] {
    const pairs: [RateLimiterAbstract, string][] = [[this.byCode, `code:${keys.customerCode}`]];
    if (keys.clientAddress) pairs.push([this.byClient, `client:${keys.clientAddress}`]);
    return pairs;
  }
}
