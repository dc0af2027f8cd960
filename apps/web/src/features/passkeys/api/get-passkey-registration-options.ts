import { type PasskeyCreationOptions, passkeyCreationOptionsSchema } from "@kakunin/contracts/passkeys";
import { apiRequest } from "../../../lib/api-client.ts";

/**
 * POST /api/me/passkey-registration-options: the creation options for the browser, built on
 * a challenge the BFF keeps for this session and one use. A POST, not a GET: each call draws
 * a new challenge, so it must never be cached or prefetched.
 */
export function getPasskeyRegistrationOptions(): Promise<PasskeyCreationOptions> {
  return apiRequest("/api/me/passkey-registration-options", passkeyCreationOptionsSchema, {
    method: "POST",
    body: {},
  });
}
