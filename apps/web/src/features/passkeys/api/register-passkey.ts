import { type PasskeyView, passkeyViewSchema, type RegisterPasskeyRequest } from "@kakunin/contracts/passkeys";
import {
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
  startRegistration,
} from "@simplewebauthn/browser";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { isApiError } from "../../../lib/api-client.ts";
import { type GuardedCall, guardedRequest } from "../../../lib/guarded-request.ts";
import { registrationFailure } from "../utils/registration-failure.ts";
import { getPasskeyRegistrationOptions } from "./get-passkey-registration-options.ts";
import { passkeysQueryOptions } from "./get-passkeys.ts";

/** register_passkey's confirmed payload: the name only (the response is made after the confirmation). */
export type RegisterPasskeyPayload = Pick<RegisterPasskeyRequest, "name">;

/**
 * Responses the browser made, by Idempotency-Key, until the BFF has answered them: a retry
 * after the request was lost on the way resends the same response (its challenge is still
 * unused) instead of creating a second passkey on the device that the server would never list.
 */
export type MadeResponses = Map<string, RegistrationResponseJSON>;

async function createOnDevice(): Promise<RegistrationResponseJSON> {
  const options = await getPasskeyRegistrationOptions();
  try {
    // Core builds these with @simplewebauthn/server; the contract checks only the parts the BFF relies on.
    return await startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON });
  } catch (error) {
    throw registrationFailure(error);
  }
}

/**
 * パスキーの登録 (register_passkey), once the confirmation holds the grant: a fresh challenge
 * from the BFF → the browser creates the passkey (the OS asks for 指紋・顔・PIN) → the
 * confirmed name with the browser's response, under the confirmation's Idempotency-Key.
 * The authenticator is asked only now so that an abandoned confirmation leaves no passkey
 * on the device that the server never stored. A failure of the browser's part is an
 * ApiError with its own message, thrown before anything was sent with the grant.
 */
export async function registerPasskey(
  { body, idempotencyKey }: GuardedCall<RegisterPasskeyPayload>,
  made: MadeResponses = new Map(),
): Promise<PasskeyView> {
  const response = made.get(idempotencyKey) ?? (await createOnDevice());
  made.set(idempotencyKey, response);
  try {
    const view = await guardedRequest("/api/me/passkeys", passkeyViewSchema, {
      body: { name: body.name, response },
      idempotencyKey,
    });
    made.delete(idempotencyKey);
    return view;
  } catch (error) {
    // Answered (refused, or the challenge spent): the next attempt needs a new passkey and challenge.
    if (!(isApiError(error) && error.retryable)) made.delete(idempotencyKey);
    throw error;
  }
}

export function useRegisterPasskey() {
  const queryClient = useQueryClient();
  const made = useRef<MadeResponses>(new Map());
  return useMutation({
    mutationFn: (call: GuardedCall<RegisterPasskeyPayload>) => registerPasskey(call, made.current),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: passkeysQueryOptions().queryKey }),
  });
}
