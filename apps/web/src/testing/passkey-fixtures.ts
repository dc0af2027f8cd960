import {
  type PasskeyView,
  passkeyCreationOptionsSchema,
  passkeyListSchema,
  passkeyViewSchema,
  registrationResponseSchema,
} from "@kakunin/contracts/passkeys";
import type { RegistrationResponseJSON } from "@simplewebauthn/browser";
import type { z } from "zod";

/**
 * パスキー設定's API fixtures, shared by app/passkeys.test.tsx and the screen's stories; each
 * is checked against its contract schema when this module loads, as fixtures.ts does.
 */
function checked<T>(schema: z.ZodType, value: T): T {
  schema.parse(value);
  return value;
}

/** A synced passkey (iCloud キーチェーン), used this morning. */
export const phonePasskey = checked(passkeyViewSchema, {
  id: "3f0c6a52-8d1e-4b7a-9c2d-5e6f7a8b9c01",
  name: "Safari（iPhone）",
  createdAt: "2026-11-20T01:02:03.000Z",
  lastUsedAt: "2026-11-25T00:30:00.000Z",
  synced: true,
  suspended: false,
} satisfies PasskeyView);

/** A device-bound security key, never used since it was registered. */
export const securityKeyPasskey = checked(passkeyViewSchema, {
  id: "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
  name: "セキュリティキー",
  createdAt: "2026-10-01T06:00:00.000Z",
  lastUsedAt: null,
  synced: false,
  suspended: false,
} satisfies PasskeyView);

/** Suspended after its sign counter went back (a possible clone). */
export const suspendedPasskey = checked(passkeyViewSchema, {
  id: "c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f",
  name: "Chrome（Windows）",
  createdAt: "2026-09-10T03:00:00.000Z",
  lastUsedAt: "2026-11-24T12:00:00.000Z",
  synced: false,
  suspended: true,
} satisfies PasskeyView);

/** What POST /api/me/passkeys answers for a new 「仕事用PC」. */
export const registeredPasskey = checked(passkeyViewSchema, {
  id: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
  name: "仕事用PC",
  createdAt: "2026-11-25T07:04:05.000Z",
  lastUsedAt: null,
  synced: true,
  suspended: false,
} satisfies PasskeyView);

export const demoPasskeys = checked(passkeyListSchema, { passkeys: [phonePasskey, securityKeyPasskey] });
export const passkeysWithSuspended = checked(passkeyListSchema, {
  passkeys: [phonePasskey, securityKeyPasskey, suspendedPasskey],
});
export const noPasskeys = checked(passkeyListSchema, { passkeys: [] });
/** At the limit of 10. */
export const tenPasskeys = checked(passkeyListSchema, {
  passkeys: Array.from({ length: 10 }, (_, index) => ({
    ...securityKeyPasskey,
    id: `7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c${(index + 10).toString(16).padStart(2, "0")}`,
    name: `セキュリティキー${index + 1}`,
  })),
});

/** POST /api/me/passkey-registration-options, as core builds them (@simplewebauthn/server). */
export const demoRegistrationOptions = checked(passkeyCreationOptionsSchema, {
  challenge: "q8D1mX2kR5tN7vB0cF3hJ6lP9sW4yZ1aE2gI5oU8rT0",
  rp: { id: "localhost", name: "kakunin証券" },
  user: { id: "AAAAAAAAQACAAAAAAAAAAQ", name: "1000001", displayName: "1000001" },
  pubKeyCredParams: [
    { type: "public-key", alg: -8 },
    { type: "public-key", alg: -7 },
    { type: "public-key", alg: -257 },
  ],
  timeout: 300000,
  attestation: "none",
  excludeCredentials: [],
  authenticatorSelection: { residentKey: "required", userVerification: "required", requireResidentKey: true },
  extensions: { credProps: true },
  hints: [],
});

/** What startRegistration returns once the authenticator made the passkey. */
export const demoRegistrationResponse = checked(registrationResponseSchema, {
  id: "Y3JlZGVudGlhbC1pZC0wMDE",
  rawId: "Y3JlZGVudGlhbC1pZC0wMDE",
  type: "public-key",
  response: {
    clientDataJSON: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0",
    attestationObject: "o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YVjE",
    transports: ["internal", "hybrid"],
  },
  authenticatorAttachment: "platform",
  clientExtensionResults: { credProps: { rk: true } },
} satisfies RegistrationResponseJSON);
