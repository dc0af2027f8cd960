import { z } from "zod";
import { stepUpDemandSchema } from "./step-up-demand.ts";

/**
 * Stable error codes shared by core, the BFF and the SPA. Codes are the contract;
 * messages are the default Japanese wording shown to customers.
 */
export const errorMessages = {
  validation_failed: "入力内容に誤りがあります。各項目をご確認ください。",
  invalid_credentials: "お客様コードまたはログインパスワードが正しくありません。",
  /** The BFF's login throttle (R1); other throttles have their own codes below. */
  rate_limited: "ログインの試行回数が上限に達しました。しばらく時間をおいてから再度お試しください。",
  /** 認証コード resend within a minute of the last one (R13). */
  auth_code_resend_too_soon: "再送信は1分以上あけてお試しください。",
  /** The 6th 認証コード within an hour for one operation (R13). */
  auth_code_resend_limit: "認証コードの再送信は1時間に5回までです。しばらくしてから再度お試しください。",
  wrong_current_password: "現在のパスワードが正しくありません。",
  wrong_execution_password: "執行パスワードが正しくありません。",
  account_locked:
    "執行パスワードの入力誤りが上限（9回）に達したため、アカウントをロックしました。ロックの解除をご希望の場合は、お客様サポートセンターまでお電話でご連絡ください。本人確認のうえ解除いたします。",
  step_up_required: "この操作には執行パスワードの入力が必要です。",
  step_up_missing: "確認の有効期限が切れました。もう一度お手続きください。",
  wrong_auth_code: "認証コードが正しくありません。",
  auth_code_expired: "認証コードの有効期限が切れたか、無効になりました。認証コードを再送信してください。",
  auth_code_required: "認証コードを入力してください。",
  idempotency_conflict: "同じお手続きを処理中です。しばらくお待ちください。",
  idempotency_key_reused: "このお手続きは既に別の内容で受け付けています。画面を更新して、もう一度お手続きください。",
  insufficient_funds: "出金可能額を超えています。",
  bank_account_changed: "出金先口座が変更されています。画面を更新して、もう一度お手続きください。",
  no_pending_request: "処理待ちのお申込みはありません。",
  margin_application_in_review: "信用取引口座開設のお申し込みは審査中です。審査結果はメールでお知らせします。",
  margin_account_open: "信用取引口座は開設済みです。",
  order_rejected: "ご注文を受け付けできませんでした。入力内容をご確認ください。",
  order_not_open: "このご注文は既に約定・取消・失効しているため、訂正・取消できません。",
  /** Passkeys (issue 14): a ceremony that did not verify, whatever the reason (nothing is changed). */
  passkey_invalid: "パスキーを確認できませんでした。もう一度お試しください。",
  passkey_unknown: "このパスキーは登録されていません。削除されたか、別の口座のパスキーです。",
  passkey_limit: "パスキーは10件まで登録できます。不要なパスキーを削除してから登録してください。",
  passkey_suspended:
    "このパスキーは安全のため利用を停止しています。別のパスキーをご利用いただくか、お客様サポートセンターまでご連絡ください。",
  passkey_challenge_expired: "確認の有効期限が切れました。もう一度お試しください。",
  passkey_required: "パスキーで確認してください。",
  passkey_login_required:
    "この口座はパスキーでログインしていただく設定です。「パスキーでログイン」からログインしてください。パスキーの端末をなくされた場合はサポートセンターにご連絡ください。",
  passkey_registration_required:
    "このお手続きにはパスキーの登録が必要です。口座管理の「パスキー設定」からパスキーを登録してください。",
  unauthenticated: "ログインしてください。",
  session_expired: "一定時間操作がなかったため、ログアウトしました。再度ログインしてください。",
  /** The session was ended from another browser (ログイン中の端末, a password change, 取引停止). */
  session_revoked: "別の端末からの操作でログアウトされました。再度ログインしてください。",
  csrf_failed: "不正なリクエストのため処理できませんでした。画面を再読み込みしてください。",
  forbidden: "この操作は許可されていません。",
  not_found: "お探しのページまたはデータが見つかりません。",
  payload_too_large: "送信データが大きすぎます。",
  unsupported_media_type: "送信データの形式が正しくありません。",
  request_timeout: "処理に時間がかかっています。しばらくしてから再度お試しください。",
  upstream_unavailable: "ただいまサービスに接続できません。しばらくしてから再度お試しください。",
  busy: "ただいま混み合っています。しばらく時間をおいてから再度お試しください。",
  attempt_in_progress: "お客様の認証を処理中です。少し時間をおいてから再度お試しください。",
  /** Operators only: the same market job (NAV run, expiry, tick) is running on some core instance (issue 18). */
  run_in_progress: "同じ処理を実行中です。完了を待ってから、必要であれば再度実行してください。",
  /** ログイン中の端末 (R32): the session named has ended already or is not the customer's. */
  session_not_found: "この端末は既にログアウトしています。一覧を更新してください。",
  /** ログイン中の端末: this browser's own session ends with 「ログアウト」 in the menu. */
  session_is_current: "この端末はメニューの「ログアウト」からログアウトしてください。",
  internal_error: "システムエラーが発生しました。しばらくしてから再度お試しください。",
  /** 取引停止 (R33); core names the support number in its message (SUPPORT_PHONE). */
  account_stopped:
    "お客様のお申し出により取引を停止しているため、このお手続きはできません。停止の解除をご希望の場合は、お客様サポートセンターまでお電話でご連絡ください。本人確認のうえ解除いたします。",
  /** Issue 15: a password login from a new device needs the 認証コード mailed to the registered address. */
  device_verification_required:
    "新しい端末からのログインです。登録メールアドレス宛に送信した認証コードを入力してください。",
  device_verification_expired:
    "認証コードの有効期限が切れたか、無効になりました。お手数ですが、もう一度ログインしてください。",
  /** Issue 15: during the cooling period after a login from a new device; core names the end. */
  new_device_cooling: "新しい端末からのログインの直後のため、安全のため出金先口座の変更はしばらくお受けできません。",
  /**
   * ログインパスワード再設定 (decision 015): one answer for a wrong, used, void or expired code
   * and for a start that matched no customer, so the code step tells nothing of the first.
   */
  password_reset_code_invalid:
    "認証コードが正しくないか、有効期限が切れています。認証コードは10分間有効で、5回誤ると無効になります。無効になった場合は、最初からやり直してください。",
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof errorMessages;
export const errorCodeSchema = z.enum(Object.keys(errorMessages) as [ErrorCode, ...ErrorCode[]]);

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

export function errorBody(
  code: ErrorCode,
  extra: ErrorExtras & { requestId?: string; message?: string } = {},
): ErrorBody {
  const retryable =
    code === "upstream_unavailable" ||
    code === "request_timeout" ||
    code === "internal_error" ||
    // Password checks refused by core's admission control (issue 12): nothing was counted.
    code === "busy" ||
    code === "attempt_in_progress";
  return {
    error: {
      code,
      message: extra.message ?? errorMessages[code],
      ...(extra.fields ? { fields: extra.fields } : {}),
      ...(extra.requestId ? { requestId: extra.requestId } : {}),
      ...(retryable ? { retryable } : {}),
      ...pickErrorExtras(extra),
    },
  };
}

/** Turns zod issues into field errors whose messages are the schema's Japanese messages. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const reason = issue.code === "custom" ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
    return {
      path: issue.path.map(String).join("."),
      message: issue.code === "unrecognized_keys" ? `不明な項目があります: ${issue.keys.join(", ")}` : issue.message,
      ...(typeof reason === "string" ? { reason } : {}),
    };
  });
}

/** The most tries a customer gets at the execution password before the account locks (R8). */
export const EXECUTION_PASSWORD_MAX_ATTEMPTS = 9;
