import { existsSync } from "node:fs";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { pino } from "pino";
import { createApp } from "./app.ts";
import { loadBffEnv } from "./env.ts";
import { createCoreClient } from "./lib/core-client.ts";
import { MemoryIdempotencyStore } from "./lib/idempotency.ts";
import { LoginThrottle, type ThrottleOptions } from "./lib/login-throttle.ts";
import { MemoryChallengeStore } from "./lib/passkeys/challenge-store.ts";
import { RedisChallengeStore } from "./lib/passkeys/redis-challenge-store.ts";
import { createRedisClient } from "./lib/redis.ts";
import { RedisIdempotencyStore } from "./lib/redis-idempotency.ts";
import { RedisSessionStore } from "./lib/redis-session-store.ts";
import { MemorySessionStore } from "./lib/session-store.ts";
import { CookieBox, parseCookieKeys } from "./lib/step-up/cookie-box.ts";
import { stepUpBindingKey } from "./lib/step-up/digest.ts";
import { RedisSingleUseStore } from "./lib/step-up/redis-single-use.ts";
import { MemorySingleUseStore } from "./lib/step-up/single-use.ts";
import type { BffDeps } from "./lib/types.ts";

const env = (() => {
  try {
    return loadBffEnv();
  } catch (err) {
    console.error(`bff: ${(err as Error).message}`);
    process.exit(1);
  }
})();
const logger = pino({ level: env.LOG_LEVEL, base: { app: "bff" } });

const webDistDir = existsSync(`${env.WEB_DIST_DIR}/index.html`) ? env.WEB_DIST_DIR : undefined;
if (!webDistDir) logger.warn({ dir: env.WEB_DIST_DIR }, "no built SPA found: serving /api only");

// With REDIS_URL, every instance behind the load balancer shares sessions, throttle counts,
// single-use marks, passkey challenges and idempotent answers (SPEC §1); without it they live in this process.
const redis = env.REDIS_URL ? createRedisClient(env.REDIS_URL, { keyPrefix: env.REDIS_KEY_PREFIX }) : undefined;
// Reconnects are ioredis's job; without a listener it would print each failure unformatted.
redis?.on("error", (err: Error) => logger.error({ err }, "redis error"));
const throttle: ThrottleOptions = {
  maxPerCode: env.LOGIN_MAX_FAILURES_PER_CODE,
  maxPerClient: env.LOGIN_MAX_FAILURES_PER_CLIENT,
  windowSeconds: env.LOGIN_THROTTLE_WINDOW_SECONDS,
  maxBlockSeconds: env.LOGIN_CODE_MAX_BLOCK_SECONDS,
  slowdown: {
    afterFailures: env.LOGIN_CLIENT_SLOWDOWN_FAILURES,
    intervalSeconds: env.LOGIN_CLIENT_SLOWDOWN_INTERVAL_SECONDS,
    maxQueued: env.LOGIN_CLIENT_SLOWDOWN_QUEUE,
  },
};
const stores: Pick<BffDeps, "sessions" | "loginThrottle" | "singleUse" | "challenges" | "idempotency"> = redis
  ? {
      sessions: new RedisSessionStore(redis),
      loginThrottle: LoginThrottle.redis(redis, throttle),
      singleUse: new RedisSingleUseStore(redis),
      challenges: new RedisChallengeStore(redis),
      idempotency: new RedisIdempotencyStore(redis, {
        waitMs: env.REQUEST_TIMEOUT_MS,
        onError: (err) => logger.error({ err }, "idempotency: could not record an executed operation's answer"),
      }),
    }
  : {
      sessions: new MemorySessionStore(),
      loginThrottle: LoginThrottle.inMemory(throttle),
      singleUse: new MemorySingleUseStore(),
      challenges: new MemoryChallengeStore(),
      idempotency: new MemoryIdempotencyStore(),
    };
logger.info({ stores: redis ? "redis" : "memory" }, "shared state");

const app = createApp({
  config: {
    allowedOrigins: env.ALLOWED_ORIGINS,
    sessionIdleMs: env.SESSION_IDLE_TIMEOUT_SECONDS * 1000,
    sessionAbsoluteMs: env.SESSION_ABSOLUTE_TIMEOUT_SECONDS * 1000,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    trustProxy: env.TRUST_PROXY,
    enableTestApi: env.BFF_TEST_API,
    webDistDir,
    stepUp: {
      challengeMs: env.STEP_UP_CHALLENGE_SECONDS * 1000,
      windowMs: env.STEP_UP_VIEW_WINDOW_SECONDS * 1000,
      onceMs: env.STEP_UP_GRANT_SECONDS * 1000,
      bindingKey: stepUpBindingKey(env.CORE_SERVICE_TOKEN),
    },
  },
  core: createCoreClient({
    baseUrl: env.CORE_URL,
    serviceToken: env.CORE_SERVICE_TOKEN,
    timeoutMs: env.CORE_TIMEOUT_MS,
  }),
  ...stores,
  cookieBox: new CookieBox(parseCookieKeys(env.STEP_UP_KEYS), Date.now),
  logger,
  now: Date.now,
  remoteAddress: (c) => getConnInfo(c).remote.address,
});

const server = serve({ fetch: app.fetch, hostname: env.BFF_HOST, port: env.BFF_PORT }, (info) => {
  logger.info(`bff listening on http://${info.address}:${info.port}`);
});

function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  server.close(() => {
    // QUIT lets Redis finish the replies in flight; disconnect() if it does not answer.
    if (!redis) process.exit(0);
    redis
      .quit()
      .catch(() => redis.disconnect())
      .finally(() => process.exit(0));
  });
  // Keep-alive connections must not hold Ctrl-C hostage.
  setTimeout(() => process.exit(0), 2_000).unref();
}
process.once("SIGINT", () => shutdown("SIGINT"));
process.once("SIGTERM", () => shutdown("SIGTERM"));
