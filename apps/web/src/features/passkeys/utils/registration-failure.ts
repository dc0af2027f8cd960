import { ApiError } from "../../../lib/api-client.ts";
import { translate } from "../../../lib/i18n/use-t.ts";

/**
 * The browser's part of a registration failed: the POST to the BFF never happened, so the
 * grant from the confirmation is still unused and 「登録する」 on the same confirmation starts
 * the browser's part again (the confirmation says 本人確認は完了しています). The messages say
 * so. They are passkeysCatalog ids, worded when the failure happens (the screen showing it has
 * that catalogue loaded): `translate(registrationCancelledMessage)` is the text.
 */
export const registrationCancelledMessage = "passkeys.registration.cancelled";
export const registrationDuplicateMessage = "passkeys.registration.duplicate";
export const registrationUnavailableMessage = "passkeys.registration.unavailable";

/** Error names as the WebAuthn spec raises them (@simplewebauthn/browser keeps `name`). */
function errorName(error: unknown): string | undefined {
  return error instanceof Error || (typeof DOMException !== "undefined" && error instanceof DOMException)
    ? error.name
    : undefined;
}

/**
 * `startRegistration`'s failure as an ApiError, so the confirmation shows our message in its
 * alert like any refusal (it shows only ApiError messages; anything else reads as 内部エラー).
 * NotAllowedError is what every browser raises when the customer closes or ignores the
 * prompt (the spec does not let a page tell those apart); AbortError when it was aborted.
 */
export function registrationFailure(error: unknown): ApiError {
  const name = errorName(error);
  const message = translate(
    name === "NotAllowedError" || name === "AbortError"
      ? registrationCancelledMessage
      : name === "InvalidStateError"
        ? registrationDuplicateMessage
        : registrationUnavailableMessage,
  );
  // Status 0: nothing was answered by the server; internal_error is only the closest stable code.
  return new ApiError({ code: "internal_error", status: 0, message, retryable: false });
}
