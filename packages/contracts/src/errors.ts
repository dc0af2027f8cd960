import { z } from "zod";
import { stepUpDemandSchema } from "./step-up-demand.ts";

/**
 * Stable error codes shared by core, the BFF and the SPA. Codes are the contract; their
 * messages are `errors.<code>` in the contracts' catalogues (locales/ja.json, en.json), in
 * the reader's language (R36).
 */
export const errorCodes = [
  "validation_failed",
  "invalid_credentials",
  /** The BFF's login throttle (R1); other throttles have their own codes below. */
  "rate_limited",
  /** 認証コード resend within a minute of the last one (R13). */
  "auth_code_resend_too_soon",
  /** The 6th 認証コード within an hour for one operation (R13). */
  "auth_code_resend_limit",
  "wrong_current_password",
  "wrong_execution_password",
  "account_locked",
  "step_up_required",
  "step_up_missing",
  "wrong_auth_code",
  "auth_code_expired",
  "auth_code_required",
  "idempotency_conflict",
  "idempotency_key_reused",
  "insufficient_funds",
  "bank_account_changed",
  "no_pending_request",
  "margin_application_in_review",
  "margin_account_open",
  "order_rejected",
  "order_not_open",
  /** Passkeys (issue 14): a ceremony that did not verify, whatever the reason (nothing is changed). */
  "passkey_invalid",
  "passkey_unknown",
  "passkey_limit",
  "passkey_suspended",
  "passkey_challenge_expired",
  "passkey_required",
  "passkey_login_required",
  "passkey_registration_required",
  "unauthenticated",
  "session_expired",
  /** The session was ended from another browser (ログイン中の端末, a password change, 取引停止). */
  "session_revoked",
  "csrf_failed",
  "forbidden",
  "not_found",
  "payload_too_large",
  "unsupported_media_type",
  "request_timeout",
  "upstream_unavailable",
  "busy",
  "attempt_in_progress",
  /** Operators only: the same market job (NAV run, expiry, tick) is running on some core instance (issue 18). */
  "run_in_progress",
  /** ログイン中の端末 (R32): the session named has ended already or is not the customer's. */
  "session_not_found",
  /** ログイン中の端末: this browser's own session ends with 「ログアウト」 in the menu. */
  "session_is_current",
  "internal_error",
  /** 取引停止 (R33); core names the support number in its message (SUPPORT_PHONE). */
  "account_stopped",
  /** Issue 15: a password login from a new device needs the 認証コード mailed to the registered address. */
  "device_verification_required",
  "device_verification_expired",
  /** Issue 15: during the cooling period after a login from a new device; core names the end. */
  "new_device_cooling",
  /**
   * ログインパスワード再設定 (decision 015): one answer for a wrong, used, void or expired code
   * and for a start that matched no customer, so the code step tells nothing of the first.
   */
  "password_reset_code_invalid",
] as const;

export type ErrorCode = (typeof errorCodes)[number];
export const errorCodeSchema = z.enum(errorCodes);

export const fieldErrorSchema = z.object({
  /** Dotted path of the offending field, e.g. `customerCode`. Empty for the whole body. */
  path: z.string(),
  message: z.string(),
  /** Machine-readable rule that failed, e.g. a password-policy violation code. */
  reason: z.string().optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * Everything an error body may carry beyond its code and message, declared once for core,
 * the BFF and the SPA. Each extra goes with particular codes, noted on it.
 */
export const errorExtrasSchema = z.object({
  fields: z.array(fieldErrorSchema).optional(),
  /** Execution-password tries left before the account locks (with wrong_execution_password). */
  remainingAttempts: z.number().int().min(0).optional(),
  /** Entries left before the 認証コード is void (with wrong_auth_code). */
  remainingCodeAttempts: z.number().int().min(0).optional(),
  /**
   * With step_up_required: what to confirm and how (R35). The operation stays a plain string
   * here so an SPA still reads a demand for an operation newer than itself.
   */
  stepUp: stepUpDemandSchema.optional(),
  /** Masked address the 認証コード went to (with device_verification_required). */
  codeSentTo: z.string().optional(),
  /** When the cooling period ends, ISO 8601 (with new_device_cooling). */
  coolingUntil: z.iso.datetime({ offset: true }).optional(),
  /** When a new 認証コード may be sent, ISO 8601 (with auth_code_resend_too_soon / _limit). */
  retryAt: z.iso.datetime({ offset: true }).optional(),
});
export type ErrorExtras = z.infer<typeof errorExtrasSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    fields: errorExtrasSchema.shape.fields,
    requestId: z.string().optional(),
    retryable: z.boolean().optional(),
    ...errorExtrasSchema.omit({ fields: true }).shape,
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

const extraKeys = Object.keys(errorExtrasSchema.shape) as (keyof ErrorExtras)[];

/** Picks the extras out of anything that has them (an error body, an error's options), dropping the absent ones. */
export function pickErrorExtras(source: ErrorExtras): ErrorExtras {
  const extras: Record<string, unknown> = {};
  for (const key of extraKeys) if (source[key] !== undefined) extras[key] = source[key];
  return extras as ErrorExtras;
}

/** The most tries a customer gets at the execution password before the account locks (R8). */
export const EXECUTION_PASSWORD_MAX_ATTEMPTS = 9;
