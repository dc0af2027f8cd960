import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterRes,
} from "rate-limiter-flexible";
import { type LoginPacer, QueuedLoginPacer } from "./login-pacer.ts";
import { storeCall } from "./store-unavailable.ts";

export interface ThrottleKeys {
  customerCode: string;
  clientAddress: string | null;
}

/**
 * What engaged (R29): a customer code blocked (from any client); a client past its soft limit
 * (codes that failed from it are refused); a client past its ceiling (its attempts are paced).
 */
export type ThrottleScope = "customer_code" | "client" | "client_slowdown";

/** A limit reached by a failure, for the audit trail: it holds for `retryAfterSeconds`. */
export interface EngagedThrottle {
  scope: ThrottleScope;
  retryAfterSeconds: number;
}

/** May this login (or current-password) attempt be evaluated? */
export type Admission = { allowed: true } | { allowed: false; scope: ThrottleScope; retryAfterSeconds: number };

export interface ThrottleOptions {
  /** Consecutive failures of one customer code, from any client, that block the code. */
  maxPerCode: number;
  /** Failures from one client within the window after which codes that failed from it are refused. */
  maxPerClient: number;
  /** Counting window of every count, and the first block of a code. */
  windowSeconds: number;
  /** A code's block doubles with each further block within a day, up to this. */
  maxBlockSeconds: number;
  slowdown: {
    /** Failures from one client within the window after which all its attempts are paced. */
    afterFailures: number;
    /** A paced client gets one attempt per this many seconds (shared by every instance). */
    intervalSeconds: number;
    /** Attempts a paced client may have waiting per instance; beyond it they are refused. */
    maxQueued: number;
  };
}

/** How long a code's earlier blocks make the next one longer. */
export const BLOCK_HISTORY_SECONDS = 24 * 60 * 60;

interface Limiters {
  /** Consecutive failures per code; a success deletes it, a block replaces it. */
  codeFailures: RateLimiterAbstract;
  /** Blocks of a code within BLOCK_HISTORY_SECONDS (from the first). */
  codeBlocks: RateLimiterAbstract;
  /** Failures per client+code pair within the window. */
  pairFailures: RateLimiterAbstract;
  /** Failures per client within the window. */
  clientFailures: RateLimiterAbstract;
  /** One point per slowdown interval: the turns of a paced client. */
  paceTurns: RateLimiterAbstract;
}

type LimiterConfig = { keyPrefix: string; points: number; duration: number };

const ALLOWED: Admission = { allowed: true };
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * The login throttle (R1, decision 011), on rate-limiter-flexible counters: memory for one BFF
 * instance, RateLimiterRedis for several (SPEC §1). Only failures are counted, each with an
 * atomic increment, so concurrent attempts on several instances count exactly. A store failure
 * is a StoreUnavailableError (503), never a skipped check.
 *
 * - Per customer code (any client): `maxPerCode` failures in a row block the code, even for
 *   the right password (so the throttle is no oracle); the block starts at the window and
 *   doubles with each further block within a day, up to `maxBlockSeconds`.
 * - Per client: past `maxPerClient` failures it may still log in to codes that have not failed
 *   from it in the window; codes that did are refused until that pair's window ends. Past
 *   `slowdown.afterFailures` its attempts take turns (paced), never refused for being many
 *   unless its queue overflows.
 */
export class LoginThrottle {
  constructor(
    private readonly limiters: Limiters,
    private readonly options: ThrottleOptions,
    private readonly pacer: LoginPacer,
  ) {}

  static inMemory(options: ThrottleOptions, overrides: { pacer?: LoginPacer } = {}) {
    return LoginThrottle.#build(options, (config) => new RateLimiterMemory(config), overrides.pacer);
  }

  /**
   * Counts shared by every instance, under `throttle:login-…` keys. No insuranceLimiter: while
   * Redis is down logins fail closed (503) instead of falling back to per-instance counts an
   * attacker could multiply by the number of instances.
   */
  static redis(client: Redis, options: ThrottleOptions, overrides: { pacer?: LoginPacer } = {}) {
    return LoginThrottle.#build(
      options,
      (config) => new RateLimiterRedis({ storeClient: client, ...config }),
      overrides.pacer,
    );
  }

  static #build(options: ThrottleOptions, make: (config: LimiterConfig) => RateLimiterAbstract, pacer?: LoginPacer) {
    const window = options.windowSeconds;
    // Counters only: nothing consumes them, so `points` never refuses by itself.
    const counter = (keyPrefix: string, duration: number) => make({ keyPrefix, points: 1, duration });
    const limiters: Limiters = {
      codeFailures: make({ keyPrefix: "throttle:login-code", points: options.maxPerCode, duration: window }),
      codeBlocks: counter("throttle:login-code-blocks", BLOCK_HISTORY_SECONDS),
      pairFailures: counter("throttle:login-pair", window),
      clientFailures: counter("throttle:login-client", window),
      paceTurns: make({ keyPrefix: "throttle:login-pace", points: 1, duration: options.slowdown.intervalSeconds }),
    };
    const { maxQueued, intervalSeconds } = options.slowdown;
    return new LoginThrottle(
      limiters,
      options,
      pacer ?? new QueuedLoginPacer(limiters.paceTurns, { maxQueued, maxWaitSeconds: maxQueued * intervalSeconds }),
    );
  }

  /**
   * Whether an attempt may be evaluated. A paced client waits here for its turn first; the
   * limits are then read again, since another attempt may have blocked the code meanwhile.
   */
  async admit(keys: ThrottleKeys): Promise<Admission> {
    const before = await this.#read(keys);
    if (before.refusal) return before.refusal;
    if (!before.paced || !keys.clientAddress) return ALLOWED;
    if (!(await this.pacer.wait(keys.clientAddress))) {
      const { maxQueued, intervalSeconds } = this.options.slowdown;
      return { allowed: false, scope: "client_slowdown", retryAfterSeconds: maxQueued * intervalSeconds };
    }
    return (await this.#read(keys)).refusal ?? ALLOWED;
  }

  /**
   * Counts a failure against the code, the client and their pair. Returns the limits this very
   * failure reached (each at most once per window or block, however many attempts run at once),
   * so the caller can have the moment audited.
   */
  async recordFailure(keys: ThrottleKeys): Promise<EngagedThrottle[]> {
    const { codeFailures, pairFailures, clientFailures } = this.limiters;
    const client = keys.clientAddress;
    return storeCall("login-throttle", async () => {
      const [code, byClient] = await Promise.all([
        codeFailures.penalty(codeKey(keys)),
        client ? clientFailures.penalty(clientKey(client)) : undefined,
        client ? pairFailures.penalty(pairKey(keys.customerCode, client)) : undefined,
      ]);
      const engaged: EngagedThrottle[] = [];
      // Exactly one failure sees the count reach a limit: that one blocks and reports.
      if (code.consumedPoints === this.options.maxPerCode) {
        engaged.push({ scope: "customer_code", retryAfterSeconds: await this.#block(keys.customerCode) });
      }
      if (byClient?.consumedPoints === this.options.maxPerClient) {
        engaged.push({ scope: "client", retryAfterSeconds: seconds(byClient.msBeforeNext) });
      }
      if (byClient?.consumedPoints === this.options.slowdown.afterFailures) {
        engaged.push({ scope: "client_slowdown", retryAfterSeconds: seconds(byClient.msBeforeNext) });
      }
      return engaged;
    });
  }

  /**
   * A login that names no customer code (a passkey's: the passkey names the customer): only
   * the client's pacing applies. Past the slowdown ceiling its attempts take turns, as a
   * password's do; nothing else refuses it, since there is no code to block.
   */
  async admitClient(clientAddress: string | null): Promise<Admission> {
    if (!clientAddress) return ALLOWED;
    const byClient = await storeCall("login-throttle", () =>
      this.limiters.clientFailures.get(clientKey(clientAddress)),
    );
    if ((byClient?.consumedPoints ?? 0) < this.options.slowdown.afterFailures) return ALLOWED;
    if (await this.pacer.wait(clientAddress)) return ALLOWED;
    const { maxQueued, intervalSeconds } = this.options.slowdown;
    return { allowed: false, scope: "client_slowdown", retryAfterSeconds: maxQueued * intervalSeconds };
  }

  /**
   * A failed login without a customer code counts toward the client's failures only (the
   * same count a wrong password adds to). Returns the client limits this failure reached.
   */
  async recordClientFailure(clientAddress: string | null): Promise<EngagedThrottle[]> {
    if (!clientAddress) return [];
    return storeCall("login-throttle", async () => {
      const byClient = await this.limiters.clientFailures.penalty(clientKey(clientAddress));
      const engaged: EngagedThrottle[] = [];
      if (byClient.consumedPoints === this.options.maxPerClient) {
        engaged.push({ scope: "client", retryAfterSeconds: seconds(byClient.msBeforeNext) });
      }
      if (byClient.consumedPoints === this.options.slowdown.afterFailures) {
        engaged.push({ scope: "client_slowdown", retryAfterSeconds: seconds(byClient.msBeforeNext) });
      }
      return engaged;
    });
  }

  /**
   * The right password: the code's consecutive failures and the pair's end (the customer has
   * shown they know it); the client's count goes on, as its other failures were still failures.
   */
  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    const { codeFailures, pairFailures } = this.limiters;
    const client = keys.clientAddress;
    await storeCall("login-throttle", () =>
      Promise.all([
        codeFailures.delete(codeKey(keys)),
        client ? pairFailures.delete(pairKey(keys.customerCode, client)) : undefined,
      ]),
    );
  }

  /** Blocks a code for the window, doubled for each earlier block within a day, capped. */
  async #block(customerCode: string): Promise<number> {
    const { windowSeconds, maxBlockSeconds } = this.options;
    const earlier = await this.limiters.codeBlocks.penalty(`code:${customerCode}`);
    const duration = Math.min(windowSeconds * 2 ** (earlier.consumedPoints - 1), maxBlockSeconds);
    await this.limiters.codeFailures.block(`code:${customerCode}`, duration);
    return duration;
  }

  async #read(keys: ThrottleKeys): Promise<{ refusal?: Admission; paced: boolean }> {
    const { codeFailures, pairFailures, clientFailures } = this.limiters;
    const client = keys.clientAddress;
    const [code, byClient, pair] = await storeCall("login-throttle", () =>
      Promise.all([
        codeFailures.get(codeKey(keys)),
        client ? clientFailures.get(clientKey(client)) : null,
        client ? pairFailures.get(pairKey(keys.customerCode, client)) : null,
      ]),
    );
    if (code && code.consumedPoints >= this.options.maxPerCode) {
      return { refusal: refuse("customer_code", code), paced: false };
    }
    const clientCount = byClient?.consumedPoints ?? 0;
    if (byClient && pair && pair.consumedPoints > 0 && clientCount >= this.options.maxPerClient) {
      // Refused until either count's window ends, whichever comes first.
      return { refusal: refuse("client", pair.msBeforeNext < byClient.msBeforeNext ? pair : byClient), paced: false };
    }
    return { paced: clientCount >= this.options.slowdown.afterFailures };
  }
}

const codeKey = (keys: ThrottleKeys) => `code:${keys.customerCode}`;
const clientKey = (client: string) => `client:${client}`;
const pairKey = (customerCode: string, client: string) => `pair:${customerCode}:${client}`;
const refuse = (scope: ThrottleScope, res: RateLimiterRes): Admission => ({
  allowed: false,
  scope,
  retryAfterSeconds: seconds(res.msBeforeNext),
});
