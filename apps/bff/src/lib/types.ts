import type { RequestIdVariables } from "hono/request-id";
import type { Logger } from "pino";
import type { CoreClient } from "./core-client.ts";
import type { LoginThrottle } from "./login-throttle.ts";
import type { SessionData, SessionStore } from "./session-store.ts";

export interface BffConfig {
  allowedOrigins: readonly string[];
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  requestTimeoutMs: number;
  trustProxy: boolean;
  enableTestApi: boolean;
  /** Directory of the built SPA; when undefined the BFF serves only /api. */
  webDistDir?: string | undefined;
}

export interface BffDeps {
  config: BffConfig;
  core: CoreClient;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  logger: Logger;
  /** Epoch ms; injected so tests control time. */
  now: () => number;
  /** The TCP peer's address; undefined in in-process tests. */
  remoteAddress?: (c: import("hono").Context) => string | undefined;
}

export interface AppEnv {
  Variables: RequestIdVariables & {
    deps: BffDeps;
    logger: Logger;
    session?: { id: string; data: SessionData };
  };
}
