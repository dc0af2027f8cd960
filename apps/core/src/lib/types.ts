import type { OpenAPIHono } from "@hono/zod-openapi";
import type { StepUpOperation } from "@kakunin/contracts/step-up";
import type { LanguageVariables } from "hono/language";
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

/**
 * When a passkey is required (issue 14), from PASSKEY_* settings. "Usable" means a passkey
 * that is not suspended: a customer whose passkeys are all suspended falls back to the
 * password (and then deletes the suspended one and registers anew).
 */
export interface PasskeyPolicy {
  /** Operations whose confirmation needs the passkey once the customer has a usable one. */
  stepUpOperations: readonly StepUpOperation[];
  /** Operations refused (passkey_registration_required) to a customer without one from `enforcementDate`. */
  enforcedOperations: readonly StepUpOperation[];
  enforcementDate: Date;
  /** Password login is refused (passkey_login_required) once the customer has a usable passkey. */
  loginRequired: boolean;
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
  passkeyPolicy: PasskeyPolicy;
  /** The お客様サポートセンター number (SUPPORT_PHONE) that 取引停止 messages and mails name (R33). */
  supportPhone: string;
  /** New-device detection (issue 15): NEW_DEVICE_CODE_REQUIRED and NEW_DEVICE_COOLING_HOURS. */
  newDevice: NewDevicePolicy;
}

/** A password login from a new device needs a 認証コード (`codeRequired`) and starts a cooling period. */
export interface NewDevicePolicy {
  codeRequired: boolean;
  coolingHours: number;
}

export interface AppBindings {
  Variables: RequestIdVariables & LanguageVariables & { db: Db; logger: Logger; services: CoreServices };
}

export type AppOpenAPI = OpenAPIHono<AppBindings>;
