import type { LanguageVariables } from "hono/language";
import type { RequestIdVariables } from "hono/request-id";
import type { Logger } from "pino";
import type { CoreClient } from "./core-client.ts";
import type { IdempotencyStore } from "./idempotency.ts";
import type { LoginThrottle } from "./login-throttle.ts";
import type { ChallengeStore } from "./passkeys/challenge-store.ts";
import type { SessionData, SessionStore } from "./session-store.ts";
import type { CookieBox } from "./step-up/cookie-box.ts";
import type { SingleUseStore } from "./step-up/single-use.ts";

export interface BffConfig {
  allowedOrigins: readonly string[];
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  requestTimeoutMs: number;
  trustProxy: boolean;
  enableTestApi: boolean;
  /** Directory of the built SPA; when undefined the BFF serves only /api. */
  webDistDir?: string | undefined;
  stepUp: {
    /** How long a started confirmation (and its 認証コード) stays valid. */
    challengeMs: number;
    /** Viewing window after a successful step-up for registered information (R21). */
    windowMs: number;
    /** How long a once-grant waits for its execution. */
    onceMs: number;
    /** Server secret binding step-up cookies to their session (see `stepUpBindingKey`). */
    bindingKey: Uint8Array;
  };
}

export interface BffDeps {
  config: BffConfig;
  core: CoreClient;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  cookieBox: CookieBox;
  singleUse: SingleUseStore;
  /** Passkey ceremonies' challenges, each for one use (decision 012). */
  challenges: ChallengeStore;
  idempotency: IdempotencyStore;
  logger: Logger;
  /** Epoch ms; injected so tests control time. */
  now: () => number;
  /** The TCP peer's address; undefined in in-process tests. */
  remoteAddress?: (c: import("hono").Context) => string | undefined;
}

export interface AppEnv {
  Variables: RequestIdVariables &
    LanguageVariables & {
      deps: BffDeps;
      logger: Logger;
      session?: { id: string; data: SessionData };
      /** Set by the idempotent middleware: the request's Idempotency-Key. */
      idempotencyKey?: string;
    };
}
