import { z } from "zod";
import { mailSettingChangeSchema, type OptionalMailType } from "./mail.ts";
import { marginAccountApplicationSchema } from "./margin-accounts.ts";
import { deletePasskeyPayloadSchema, registerPasskeyPayloadSchema } from "./passkeys.ts";
import { emailChangeSchema, profileChangeSchema } from "./registered-info.ts";
import { cancelOrderRequestSchema, modifyOrderRequestSchema, orderRequestSchema } from "./trading.ts";
import { bankAccountChangeSchema, withdrawalRequestSchema } from "./withdrawals.ts";

/** A BFF route (under `/api`) as the browser calls it. */
export interface BffRoute {
  method: "get" | "post" | "put" | "delete";
  path: `/${string}`;
}

export interface OperationDefinition {
  /** Japanese name of the operation, e.g. in the 認証コード mail's 「…のための認証コード」. */
  label: string;
  /**
   * `window`: a confirmation lets the customer view for a while (R21: registered information);
   * `once`: it is for exactly one execution of exactly what was confirmed (R26).
   */
  grant: "window" | "once";
  /**
   * The 認証コード: the optional mail setting that, when on, adds one to the confirmation
   * (R13, R21); `always` whatever the settings (a passkey's registration or deletion, issue 14).
   */
  codeSetting: OptionalMailType | "always" | null;
  /**
   * The digest-bound payload: exactly the fields shown on the confirmation screen. A once
   * operation's request body is parsed with it, so the digest covers the normalised values
   * that will execute (e.g. "1500002" and "150-0002" are one postal code).
   */
  payload: z.ZodType;
  /** The BFF routes the grant opens (once operations: the one route that executes it). */
  bffRoutes: readonly BffRoute[];
  /** The core routes (names in `coreRoutes`) those BFF routes call. */
  coreRoutes: readonly string[];
}

/**
 * Step-up (R6, R13, R26, R35): every operation that needs the 執行パスワード (and, when the
 * customer asks for it, an 認証コード) on a confirmation screen before it runs. Adding a
 * guarded operation starts with one entry here; see docs/guarded-operations.md.
 */
export const operationDefinitions = {
  view_registered_info: {
    label: "登録情報の照会",
    grant: "window",
    codeSetting: "view_auth_code",
    payload: z.strictObject({}),
    bffRoutes: [
      { method: "get", path: "/me/profile" },
      { method: "get", path: "/me/account-openings" },
      { method: "get", path: "/me/emails" },
      { method: "get", path: "/me/mail-settings" },
    ],
    coreRoutes: ["getProfile", "listAccountOpenings", "getEmails", "getMailSettings"],
  },
  change_profile: {
    label: "口座情報の変更",
    grant: "once",
    codeSetting: null,
    payload: profileChangeSchema,
    bffRoutes: [{ method: "put", path: "/me/profile" }],
    coreRoutes: ["changeProfile"],
  },
  change_email: {
    label: "メールアドレスの変更",
    grant: "once",
    codeSetting: null,
    payload: emailChangeSchema,
    bffRoutes: [{ method: "put", path: "/me/emails" }],
    coreRoutes: ["changeEmail"],
  },
  change_mail_settings: {
    label: "メールサービス配信設定の変更",
    grant: "once",
    codeSetting: null,
    payload: mailSettingChangeSchema,
    bffRoutes: [{ method: "put", path: "/me/mail-settings" }],
    coreRoutes: ["changeMailSetting"],
  },
  withdrawal: {
    label: "出金",
    grant: "once",
    codeSetting: "withdrawal_auth_code",
    payload: withdrawalRequestSchema,
    bffRoutes: [{ method: "post", path: "/me/withdrawals" }],
    coreRoutes: ["createWithdrawal"],
  },
  change_bank_account: {
    label: "出金先口座の変更",
    grant: "once",
    codeSetting: null,
    payload: bankAccountChangeSchema,
    bffRoutes: [{ method: "post", path: "/me/bank-account-changes" }],
    coreRoutes: ["requestBankAccountChange"],
  },
  place_order: {
    label: "注文",
    grant: "once",
    codeSetting: null,
    payload: orderRequestSchema,
    bffRoutes: [{ method: "post", path: "/me/orders" }],
    coreRoutes: ["placeOrder"],
  },
  modify_order: {
    label: "注文の訂正",
    grant: "once",
    codeSetting: null,
    payload: modifyOrderRequestSchema,
    bffRoutes: [{ method: "put", path: "/me/orders/:orderNumber" }],
    coreRoutes: ["modifyOrder"],
  },
  cancel_order: {
    label: "注文の取消",
    grant: "once",
    codeSetting: null,
    payload: cancelOrderRequestSchema,
    bffRoutes: [{ method: "post", path: "/me/orders/:orderNumber/cancel" }],
    coreRoutes: ["cancelOrder"],
  },
  apply_margin_account: {
    label: "信用取引口座開設の申込",
    grant: "once",
    codeSetting: null,
    payload: marginAccountApplicationSchema,
    bffRoutes: [{ method: "post", path: "/me/margin-account-applications" }],
    coreRoutes: ["applyMarginAccount"],
  },
  register_passkey: {
    label: "パスキーの登録",
    grant: "once",
    codeSetting: "always",
    payload: registerPasskeyPayloadSchema,
    bffRoutes: [{ method: "post", path: "/me/passkeys" }],
    coreRoutes: ["registerPasskey"],
  },
  delete_passkey: {
    label: "パスキーの削除",
    grant: "once",
    codeSetting: "always",
    payload: deletePasskeyPayloadSchema,
    bffRoutes: [{ method: "post", path: "/me/passkeys/:passkeyId/deletion" }],
    coreRoutes: ["deletePasskey"],
  },
} as const satisfies Record<string, OperationDefinition>;

export type OperationDefinitions = typeof operationDefinitions;
export type StepUpOperation = keyof OperationDefinitions;
export const stepUpOperationNames = Object.keys(operationDefinitions) as [StepUpOperation, ...StepUpOperation[]];
export const stepUpOperationSchema = z.enum(stepUpOperationNames);

/** The parsed (normalised) payload of an operation: what its digest and its execution use. */
export type OperationPayload<O extends StepUpOperation> = z.output<OperationDefinitions[O]["payload"]>;

/** Operations whose grant is for one execution of one payload (R26). */
export type OnceOperation = {
  [O in StepUpOperation]: OperationDefinitions[O]["grant"] extends "once" ? O : never;
}[StepUpOperation];
