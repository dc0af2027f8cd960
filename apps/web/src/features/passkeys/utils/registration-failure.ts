import { ApiError } from "../../../lib/api-client.ts";

/**
 * The browser's part of a registration failed: the POST to the BFF never happened, so the
 * grant from the confirmation is still unused and 「登録する」 on the same confirmation starts
 * the browser's part again (the confirmation says 本人確認は完了しています). The messages say so.
 */
export const registrationCancelledMessage =
  "パスキーの登録が完了しませんでした。端末でのパスキーの作成が取り消されたか、時間内に完了しませんでした。もう一度「登録する」を押してお手続きください。";
export const registrationDuplicateMessage =
  "この端末（パスキーの保存先）には、この口座のパスキーがすでに登録されています。登録済みのパスキーをそのままお使いいただくか、別の端末で登録してください。";
export const registrationUnavailableMessage =
  "この端末ではパスキーを作成できませんでした。もう一度「登録する」を押すか、別のブラウザ・端末でお手続きください。";

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
  const message =
    name === "NotAllowedError" || name === "AbortError"
      ? registrationCancelledMessage
      : name === "InvalidStateError"
        ? registrationDuplicateMessage
        : registrationUnavailableMessage;
  // Status 0: nothing was answered by the server; internal_error is only the closest stable code.
  return new ApiError({ code: "internal_error", status: 0, message, retryable: false });
}
