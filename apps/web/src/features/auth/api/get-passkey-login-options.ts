import { type PasskeyRequestOptions, passkeyRequestOptionsSchema } from "@kakunin/contracts/passkeys";
import { apiRequest } from "../../../lib/api-client.ts";

/**
 * Starts a passkey login: the request options for the browser (discoverable: no お客様コード).
 * The BFF keeps their challenge for one use, bound to this browser by a flow cookie, so each
 * ceremony asks for its own.
 */
export function getPasskeyLoginOptions({ signal }: { signal?: AbortSignal } = {}): Promise<PasskeyRequestOptions> {
  return apiRequest("/api/session/passkey-options", passkeyRequestOptionsSchema, { method: "POST", body: {}, signal });
}
