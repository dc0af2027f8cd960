import type { OptionalMailType } from "@kakunin/contracts/mail";
import type { StepUpOperation } from "@kakunin/contracts/operations";
import type { MailOrigin } from "./security-layout.ts";

/**
 * A bank account as a mail names it: the names as the customer registered them, the account
 * type (預金種目) as a choice the template words in the mail's language (R36).
 */
export interface MailBank {
  bankName: string;
  branchName: string;
  accountType: "普通" | "当座";
}

/** 売買 of a stock order, worded by the template: 現物買, 信用新規売, … (account null: 買 / 売). */
export interface MailTradeSide {
  side: "buy" | "sell";
  account: "cash" | "margin" | null;
  marginAction: "open" | "close" | null;
}

/** One 変更項目 of the 口座情報変更完了 mail: a profile field, the address, or one mail setting. */
export type AccountInfoItem = "postalCode" | "address" | "phone" | "email" | { mailSetting: OptionalMailType };

/**
 * What each mail needs to say. Account numbers and addresses are passed in full and masked
 * when rendered. `origin` (R38): the client, or the operator, that made a security change.
 * No words of ours: what the mail says is chosen by codes (a side, an item, an operation) and
 * worded in the customer's language when it is rendered (R36); data the customer gave (names,
 * bank names) is passed as it is.
 */
export interface MailData {
  login_notification: { customerName: string; at: Date; ipAddress: string | null; userAgent: string | null };
  trade_execution: {
    customerName: string;
    at: Date;
    orderNumber: string;
    instrument: string;
    side: MailTradeSide;
    quantity: number;
    price: number;
  };
  fund_execution: {
    customerName: string;
    at: Date;
    orderNumber: string;
    fundName: string;
    side: "buy" | "sell";
    amount: number;
  };
  withdrawal_completed: {
    customerName: string;
    at: Date;
    requestNumber: string;
    amount: number;
    bank: MailBank;
    accountNumber: string;
  };
  account_info_changed: { customerName: string; at: Date; items: AccountInfoItem[] };
  withdrawal_auth_code: {
    customerName: string;
    code: string;
    expiresAt: Date;
    amount: number;
    bank: MailBank;
    accountNumber: string;
  };
  /**
   * `passkey`: the code of a passkey's registration or deletion (issue 14), sent whatever the
   * settings; its wording names that, not the 照会.
   */
  view_auth_code: {
    customerName: string;
    code: string;
    expiresAt: Date;
    /** The operation the code confirms (its name is the mail's 対象). */
    operation: StepUpOperation;
    passkey?: boolean;
  };
  /** The operator applied the change the customer applied for at `requestedAt`. */
  withdrawal_account_changed: {
    customerName: string;
    at: Date;
    requestedAt: Date;
    bank: MailBank;
    accountNumber: string;
  };
  /** `origin`: the client of the attempt that reached the limit. */
  account_locked: { customerName: string; at: Date; origin: MailOrigin };
  /** `oldAddress` is null when a second address is registered where there was none. */
  email_changed: {
    customerName: string;
    at: Date;
    oldAddress: string | null;
    newAddress: string;
    origin: MailOrigin;
  };
  margin_account_applied: { customerName: string; at: Date };
  margin_account_opened: { customerName: string; at: Date };
  /** No reason: the operator's note is internal, and screening criteria are not disclosed. */
  margin_account_rejected: { customerName: string; at: Date };
  passkey_registered: { customerName: string; at: Date; passkeyName: string; origin: MailOrigin };
  passkey_deleted: { customerName: string; at: Date; passkeyName: string; origin: MailOrigin };
  /** `origin`: the client whose assertion looked cloned. */
  passkey_suspended: { customerName: string; at: Date; passkeyName: string; origin: MailOrigin };
  /** The operator removed every passkey after 本人確認 (recovery). */
  passkeys_removed: { customerName: string; at: Date; count: number };
  /** 取引停止 (R33): the support number comes from the configured contact, as in every mail. */
  trading_stopped: { customerName: string; at: Date; origin: MailOrigin };
  trading_resumed: { customerName: string; at: Date };
  login_password_changed: { customerName: string; at: Date; origin: MailOrigin };
  /** `reissued`: the operator issued a new initial one, shown in お知らせ (origin "operator"). */
  execution_password_changed: { customerName: string; at: Date; origin: MailOrigin; reissued?: boolean };
  /** 出金先口座変更の申込: applied later by the operator (then withdrawal_account_changed). */
  withdrawal_account_change_requested: {
    customerName: string;
    at: Date;
    bank: MailBank;
    accountNumber: string;
    origin: MailOrigin;
  };
  /** The operator lifted the execution-password lock after 本人確認. */
  account_unlocked: { customerName: string; at: Date };
  /** Issue 15: the code that completes a password login from a new device. */
  new_device_login_code: { customerName: string; code: string; expiresAt: Date; origin: MailOrigin };
  /** Issue 15: a login from a new device happened; `coolingUntil` when destination changes open again. */
  new_device_login: { customerName: string; at: Date; origin: MailOrigin; coolingUntil: Date };
  /** ログインパスワード再設定 (decision 015): the code, and `origin` the client that asked for it. */
  password_reset_code: { customerName: string; code: string; expiresAt: Date; origin: MailOrigin };
  login_password_reset: { customerName: string; at: Date; origin: MailOrigin; coolingUntil: Date };
}
