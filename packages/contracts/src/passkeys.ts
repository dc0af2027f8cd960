import { z } from "zod";
import { singleLineText } from "./text.ts";

/** At most this many passkeys per customer (issue 14). */
export const PASSKEY_LIMIT = 10;

/** パスキー名: what the customer calls the device, one line of usable text. */
export const passkeyNameSchema = singleLineText("fields.passkeyName", 40);

/** One of the customer's passkeys as パスキー設定 lists it; never the key material. */
export const passkeyViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Backed up to a passkey provider (multi-device, 同期) rather than bound to one device. */
  synced: z.boolean(),
  /** Suspended after a sign-counter regression (possible clone); it no longer signs in. */
  suspended: z.boolean(),
});
export type PasskeyView = z.infer<typeof passkeyViewSchema>;
export const passkeyListSchema = z.object({ passkeys: z.array(passkeyViewSchema).max(PASSKEY_LIMIT) });
export type PasskeyList = z.infer<typeof passkeyListSchema>;

/**
 * base64url text with a length cap: the browser's JSON encoding of the ceremony's bytes.
 * Caps are generous for real authenticators and keep hostile bodies small.
 */
const b64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, "base64url");

const transportSchema = z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"]);
const clientExtensionResultsSchema = z
  .object({ credProps: z.object({ rk: z.boolean().optional() }).optional() })
  .catchall(z.unknown());

/** RegistrationResponseJSON of WebAuthn Level 3 (what @simplewebauthn/browser's startRegistration returns). */
export const registrationResponseSchema = z.strictObject({
  id: b64url(1_366),
  rawId: b64url(1_366),
  type: z.literal("public-key"),
  response: z.strictObject({
    clientDataJSON: b64url(4_096),
    attestationObject: b64url(16_384),
    authenticatorData: b64url(4_096).optional(),
    transports: z.array(transportSchema).max(8).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url(2_048).optional(),
  }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: clientExtensionResultsSchema,
});
export type RegistrationResponse = z.infer<typeof registrationResponseSchema>;

/** AuthenticationResponseJSON (what startAuthentication returns). */
export const authenticationResponseSchema = z.strictObject({
  id: b64url(1_366),
  rawId: b64url(1_366),
  type: z.literal("public-key"),
  response: z.strictObject({
    clientDataJSON: b64url(4_096),
    authenticatorData: b64url(4_096),
    signature: b64url(1_024),
    userHandle: b64url(128).optional(),
  }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: clientExtensionResultsSchema,
});
export type AuthenticationResponse = z.infer<typeof authenticationResponseSchema>;

/** A challenge the BFF generated and keeps (session-bound, single use): base64url, 16–64 bytes. */
export const passkeyChallengeSchema = z
  .string()
  .min(22)
  .max(86)
  .regex(/^[A-Za-z0-9_-]+$/);

/**
 * A step-up's passkey nonce: the BFF draws it when the confirmation opens, keeps it in the
 * pending confirmation, and the challenge is derived from it and the operation digest
 * (`stepUpPasskeyChallenge`), so the signature covers exactly what was confirmed.
 */
export const passkeyNonceSchema = passkeyChallengeSchema;

/** BFF → core: the assertion and the nonce; core derives the expected challenge from it and the digest. */
export const passkeyStepUpCoreEntrySchema = z.strictObject({
  response: authenticationResponseSchema,
  nonce: passkeyNonceSchema,
});
export type PasskeyStepUpCoreEntry = z.infer<typeof passkeyStepUpCoreEntrySchema>;

/** PublicKeyCredentialCreationOptionsJSON, passed to the browser as core built it. */
export const passkeyCreationOptionsSchema = z
  .object({ challenge: z.string(), rp: z.object({ id: z.string().optional(), name: z.string() }) })
  .loose();
export type PasskeyCreationOptions = z.infer<typeof passkeyCreationOptionsSchema>;
/** PublicKeyCredentialRequestOptionsJSON. */
export const passkeyRequestOptionsSchema = z.object({ challenge: z.string(), rpId: z.string().optional() }).loose();
export type PasskeyRequestOptions = z.infer<typeof passkeyRequestOptionsSchema>;

/**
 * register_passkey's confirmed payload: the name. Not strict on purpose: the executing
 * request also carries the authenticator's response (made after the confirmation, so an
 * abandoned confirmation leaves no orphan passkey on the device), which the digest omits.
 */
export const registerPasskeyPayloadSchema = z.object({ name: passkeyNameSchema });
/** POST /api/me/passkeys: the confirmed name and the browser's registration response. */
export const registerPasskeyRequestSchema = z.strictObject({
  name: passkeyNameSchema,
  response: registrationResponseSchema,
});
export type RegisterPasskeyRequest = z.infer<typeof registerPasskeyRequestSchema>;

/** delete_passkey's payload and request body (POST /api/me/passkeys/:passkeyId/deletion). */
export const deletePasskeyPayloadSchema = z.strictObject({ passkeyId: z.uuid() });
export type DeletePasskeyRequest = z.infer<typeof deletePasskeyPayloadSchema>;

/** PATCH /api/me/passkeys/:passkeyId: 名前の変更. */
export const renamePasskeyRequestSchema = z.strictObject({ name: passkeyNameSchema });

/** POST /api/session/passkey: a passkey login (discoverable credential; the passkey names the customer). */
export const passkeyLoginRequestSchema = z.strictObject({ response: authenticationResponseSchema });
