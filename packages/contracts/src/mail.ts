import { z } from "zod";
import { messageRef } from "./message-ref.ts";

/**
 * Mail types of メールサービス配信設定 (R23): each has a state (配信中 / 配信不要) and a
 * destination (one of the customer's up to 2 registered addresses).
 */
export const optionalMailTypes = [
  "login_notification",
  "trade_execution",
  "fund_execution",
  "withdrawal_completed",
  "account_info_changed",
  "withdrawal_auth_code",
  "view_auth_code",
] as const;
export const optionalMailTypeSchema = z.enum(optionalMailTypes);
export type OptionalMailType = z.infer<typeof optionalMailTypeSchema>;

/** 信用取引口座開設 (R41): the application received, and the operator's decision either way. */
const marginAccountMailTypes = ["margin_account_applied", "margin_account_opened", "margin_account_rejected"] as const;

/** Passkeys (issue 14): every change to the customer's passkeys is reported, whatever the settings. */
const passkeyMailTypes = ["passkey_registered", "passkey_deleted", "passkey_suspended", "passkeys_removed"] as const;

/** 取引停止 (R33, R38): the stop and its lifting are always mailed. */
const tradingStopMailTypes = ["trading_stopped", "trading_resumed"] as const;

/**
 * Security changes (R38) not covered above: the passwords, a 出金先口座 change applied for (it is
 * applied later, by the operator: withdrawal_account_changed) and the operator's unlock.
 */
const securityChangeMailTypes = [
  "login_password_changed",
  "execution_password_changed",
  "withdrawal_account_change_requested",
  "account_unlocked",
] as const;

/** New-device detection (issue 15): the login code and the notice of the login, whatever the settings. */
const newDeviceMailTypes = ["new_device_login_code", "new_device_login"] as const;
/** ログインパスワード再設定 (decision 015): the code and the reset itself, whatever the settings. */
const passwordResetMailTypes = ["password_reset_code", "login_password_reset"] as const;

/** Sent whatever the settings say: the customer must learn of these (R8, R14, R22). */
export const mandatoryMailTypes = [
  "withdrawal_account_changed",
  "account_locked",
  "email_changed",
  ...marginAccountMailTypes,
  ...passkeyMailTypes,
  ...tradingStopMailTypes,
  ...securityChangeMailTypes,
  ...newDeviceMailTypes,
  ...passwordResetMailTypes,
] as const;
export const mailTypeSchema = z.enum([...optionalMailTypes, ...mandatoryMailTypes]);
export type MailType = z.infer<typeof mailTypeSchema>;

/** The notice's own labels. */
export const mailTypeLabels: Record<MailType, string> = {
  login_notification: "ログイン通知",
  trade_execution: "取引(約定)通知",
  fund_execution: "投信約定通知メール",
  withdrawal_completed: "出金申込完了通知メール",
  account_info_changed: "口座情報変更完了通知メール",
  withdrawal_auth_code: "出金認証コード通知メール",
  view_auth_code: "照会用認証コード",
  withdrawal_account_changed: "出金先口座変更通知",
  account_locked: "ロック通知",
  email_changed: "メールアドレス変更通知",
  margin_account_applied: "信用取引口座開設申込受付通知",
  margin_account_opened: "信用取引口座開設完了通知",
  margin_account_rejected: "信用取引口座開設審査結果通知",
  passkey_registered: "パスキー登録通知",
  passkey_deleted: "パスキー削除通知",
  passkey_suspended: "パスキー利用停止通知",
  passkeys_removed: "パスキー一括削除通知",
  trading_stopped: "取引停止通知",
  trading_resumed: "取引停止解除通知",
  login_password_changed: "ログインパスワード変更通知",
  execution_password_changed: "執行パスワード変更通知",
  withdrawal_account_change_requested: "出金先口座変更申込受付通知",
  account_unlocked: "ロック解除通知",
  new_device_login_code: "新しい端末からのログイン用認証コード",
  new_device_login: "新しい端末からのログイン通知",
  password_reset_code: "ログインパスワード再設定用認証コード",
  login_password_reset: "ログインパスワード再設定通知",
};

/** Registered address slot: 1 or 2. */
export const addressPositionSchema = z.union([z.literal(1), z.literal(2)]);

/** A registered e-mail address; the shared schema keeps invalid addresses out of the model. */
export const emailAddressSchema = z
  .email({ error: "validation.email.format" })
  .max(254, messageRef("validation.maxLength", { field: "fields.emailAddress", max: 254 }));

export const mailSettingSchema = z.object({
  type: optionalMailTypeSchema,
  label: z.string(),
  /** 配信中 (true) / 配信不要 (false). */
  enabled: z.boolean(),
  /** 配信先: which registered address. */
  destination: addressPositionSchema,
});
export type MailSetting = z.infer<typeof mailSettingSchema>;

export const mailSettingsSchema = z.object({
  addresses: z.array(z.object({ position: addressPositionSchema, address: emailAddressSchema })).max(2),
  settings: z.array(mailSettingSchema),
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;

/** Outbox row states; `failed` needs an operator (permanent SMTP rejection or retries exhausted). */
export const outboxStatusSchema = z.enum(["pending", "sending", "sent", "failed"]);

export const outboxMessageSchema = z.object({
  id: z.number().int(),
  messageId: z.string(),
  mailType: mailTypeSchema,
  toAddress: z.string(),
  subject: z.string(),
  status: outboxStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime({ offset: true }).nullable(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
});
export const outboxMessageListSchema = z.object({ messages: z.array(outboxMessageSchema) });
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** One row of メールサービス配信設定 changed (R24): 配信設定 and 配信先. */
export const mailSettingChangeSchema = z.strictObject({
  type: optionalMailTypeSchema,
  enabled: z.boolean({ error: "validation.mailSetting.enabled" }),
  destination: addressPositionSchema,
});
export type MailSettingChange = z.infer<typeof mailSettingChangeSchema>;
