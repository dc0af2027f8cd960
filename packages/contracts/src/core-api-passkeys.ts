import { z } from "zod";
import type { RouteDescriptor } from "./core-api.ts";
import { clientContextSchema, customerPathSchema } from "./core-api-customer.ts";
import { operationDigestSchema } from "./core-api-step-up.ts";
import { customerIdSchema, customerSummarySchema } from "./customers.ts";
import { deviceHashSchema } from "./devices.ts";
import { localeSchema } from "./locale.ts";
import {
  authenticationResponseSchema,
  passkeyChallengeSchema,
  passkeyCreationOptionsSchema,
  passkeyListSchema,
  passkeyNameSchema,
  passkeyRequestOptionsSchema,
  passkeyViewSchema,
  registrationResponseSchema,
} from "./passkeys.ts";

/**
 * Core API requests of passkeys (issue 14). The BFF generates each challenge, keeps it in
 * the session for one use, and passes it here twice: to build the options and as the
 * `expectedChallenge` the response must sign. Core keeps no challenge state.
 */
export const passkeyPathSchema = z.strictObject({ customerId: customerIdSchema, passkeyId: z.uuid() });

export const passkeyRegistrationOptionsRequestSchema = z.strictObject({ challenge: passkeyChallengeSchema });
export const passkeyAuthenticationOptionsRequestSchema = z.strictObject({
  challenge: passkeyChallengeSchema,
  /** Given: allow only that customer's passkeys (step-up); absent: discoverable login. */
  customerId: customerIdSchema.optional(),
  /**
   * A step-up's operation digest: `challenge` is then the BFF's nonce and the options carry
   * the challenge core derives from both (`sha256("kakunin-step-up" ‖ nonce ‖ digest)`), the
   * same derivation core's verification uses, so the assertion signs exactly what was confirmed.
   */
  digest: operationDigestSchema.optional(),
});

export { passkeyCreationOptionsSchema, passkeyRequestOptionsSchema };

export const registerPasskeyCoreRequestSchema = z.strictObject({
  response: registrationResponseSchema,
  expectedChallenge: passkeyChallengeSchema,
  name: passkeyNameSchema,
  client: clientContextSchema,
});

export const verifyPasskeyAssertionRequestSchema = z.strictObject({
  response: authenticationResponseSchema,
  expectedChallenge: passkeyChallengeSchema,
  /** The signed-in customer for a step-up; absent for a passkey login (the passkey names the customer). */
  customerId: customerIdSchema.optional(),
  client: clientContextSchema,
});
export const verifyPasskeyAssertionResponseSchema = z.object({
  customerId: customerIdSchema,
  passkeyId: z.uuid(),
});

/** A passkey login (discoverable): the passkey names the customer; recorded as a login (R42). */
export const passkeyLoginCoreRequestSchema = z.strictObject({
  response: authenticationResponseSchema,
  expectedChallenge: passkeyChallengeSchema,
  client: clientContextSchema,
  /** Issue 15: the device becomes known (no code: a passkey cannot be phished). */
  deviceHash: deviceHashSchema.optional(),
});
/** As a password login answers: who, and the language they chose (R36). */
export const passkeyLoginCoreResponseSchema = z.object({ customer: customerSummarySchema, locale: localeSchema });

export const renamePasskeyCoreRequestSchema = z.strictObject({ name: passkeyNameSchema, client: clientContextSchema });
export const deletePasskeyCoreRequestSchema = z.strictObject({ client: clientContextSchema });

/** The passkey routes of core (spread into `coreRoutes`). */
export const passkeyCoreRoutes = {
  passkeyRegistrationOptions: {
    method: "post",
    path: "/v1/customers/{customerId}/passkey-registration-options",
    summary: "WebAuthn creation options for the BFF's challenge (discoverable, UV required, own passkeys excluded)",
    params: customerPathSchema,
    body: passkeyRegistrationOptionsRequestSchema,
    response: passkeyCreationOptionsSchema,
    errors: [404, 409, 422],
  },
  registerPasskey: {
    method: "post",
    path: "/v1/customers/{customerId}/passkeys",
    summary: "Verify a registration response and store the passkey (at most 10); audited; always mails",
    params: customerPathSchema,
    body: registerPasskeyCoreRequestSchema,
    response: passkeyViewSchema,
    errors: [404, 409, 422],
  },
  listPasskeys: {
    method: "get",
    path: "/v1/customers/{customerId}/passkeys",
    summary: "パスキー設定: the customer's passkeys, oldest first",
    params: customerPathSchema,
    response: passkeyListSchema,
    errors: [404],
  },
  renamePasskey: {
    method: "patch",
    path: "/v1/customers/{customerId}/passkeys/{passkeyId}",
    summary: "Rename one of the customer's passkeys; audited",
    params: passkeyPathSchema,
    body: renamePasskeyCoreRequestSchema,
    response: passkeyViewSchema,
    errors: [404],
  },
  deletePasskey: {
    method: "post",
    path: "/v1/customers/{customerId}/passkeys/{passkeyId}/deletion",
    summary: "Delete one of the customer's passkeys; audited; always mails パスキー削除通知",
    params: passkeyPathSchema,
    body: deletePasskeyCoreRequestSchema,
    response: passkeyListSchema,
    errors: [404],
  },
  passkeyAuthenticationOptions: {
    method: "post",
    path: "/v1/passkey-authentication-options",
    summary: "WebAuthn request options for the BFF's challenge (a customer's passkeys, or discoverable)",
    body: passkeyAuthenticationOptionsRequestSchema,
    response: passkeyRequestOptionsSchema,
    errors: [403, 404],
  },
  verifyPasskeyAssertion: {
    method: "post",
    path: "/v1/passkey-assertions",
    summary: "Verify a passkey assertion against the expected challenge; audited whatever the outcome",
    body: verifyPasskeyAssertionRequestSchema,
    response: verifyPasskeyAssertionResponseSchema,
    errors: [403, 422],
  },
  passkeyLogin: {
    method: "post",
    path: "/v1/passkey-logins",
    summary: "Log in with a passkey: verify the assertion, record the login (ログイン履歴) and name the customer",
    body: passkeyLoginCoreRequestSchema,
    response: passkeyLoginCoreResponseSchema,
    errors: [403, 422],
  },
} as const satisfies Record<string, RouteDescriptor>;
