import type { OpenAPIHono } from "@hono/zod-openapi";
import type { RequestIdVariables } from "hono/request-id";
import type { Db } from "../db/client.ts";
import type { Clock } from "./clock.ts";
import type { HashGate } from "./hash-gate.ts";
import type { Logger } from "./logger.ts";
import type { SecretBox } from "./secret-box.ts";

/** Credential rules that deployments configure (R3, R7, R11). */
export interface CredentialSettings {
  passwordHistorySize: number;
  registrationFrom: Date;
  enforcedFrom: Date;
}

/** The WebAuthn relying party passkeys are bound to (issue 14), from WEBAUTHN_* settings. */
export interface WebAuthnSettings {
  rpId: string;
  rpName: string;
  origins: string[];
}

/** What core's domain code needs besides the database; one object, built in main.ts or tests. */
export interface CoreServices {
  clock: Clock;
  secretBox: SecretBox;
  settings: CredentialSettings;
  /** The simulated market (R18): the seed of its deterministic price steps. */
  market: { seed: number };
  /** Admission control for every argon2 evaluation of a customer's password (issue 12). */
  hashGate: HashGate;
  webauthn: WebAuthnSettings;
}

export interface AppBindings {
  Variables: RequestIdVariables & { db: Db; logger: Logger; services: CoreServices };
}

export type AppOpenAPI = OpenAPIHono<AppBindings>;
