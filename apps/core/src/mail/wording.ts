import type { OptionalMailType } from "@kakunin/contracts/mail";
import type { StepUpOperation } from "@kakunin/contracts/operations";
import { maskAccountNumber } from "./format.ts";
import type { MailContext } from "./i18n.ts";
import type { AccountInfoItem, MailBank, MailTradeSide } from "./mail-data.ts";

// The codes mail data carries (R36), worded in the mail's language: tables of full message ids.

const accountTypeIds: Record<MailBank["accountType"], string> = {
  普通: "mail.bank.ordinary",
  当座: "mail.bank.checking",
};

/** 「三井住友銀行 渋谷支店 普通 ****567」: the account number masked. */
export const bankAccount = (c: MailContext, bank: MailBank, accountNumber: string) =>
  c.t("mail.bank.account", {
    bankName: bank.bankName,
    branchName: bank.branchName,
    accountType: c.t(accountTypeIds[bank.accountType]),
    accountNumber: maskAccountNumber(accountNumber),
  });

const tradeSideIds = {
  cash: { buy: "mail.tradeExecution.side.cashBuy", sell: "mail.tradeExecution.side.cashSell" },
  open: { buy: "mail.tradeExecution.side.marginOpenBuy", sell: "mail.tradeExecution.side.marginOpenSell" },
  close: { buy: "mail.tradeExecution.side.marginCloseBuy", sell: "mail.tradeExecution.side.marginCloseSell" },
  none: { buy: "mail.tradeExecution.side.buy", sell: "mail.tradeExecution.side.sell" },
} as const;

/** 現物買, 信用新規売, 信用返済買, …; 買 / 売 for an order without an account. */
export function tradeSide(s: MailTradeSide): string {
  if (s.account === "margin") return tradeSideIds[s.marginAction === "open" ? "open" : "close"][s.side];
  return tradeSideIds[s.account === "cash" ? "cash" : "none"][s.side];
}

export const fundSideIds = { buy: "mail.fundExecution.side.buy", sell: "mail.fundExecution.side.sell" } as const;

const mailTypeIds: Record<OptionalMailType, string> = {
  login_notification: "mail.mailType.loginNotification",
  trade_execution: "mail.mailType.tradeExecution",
  fund_execution: "mail.mailType.fundExecution",
  withdrawal_completed: "mail.mailType.withdrawalCompleted",
  account_info_changed: "mail.mailType.accountInfoChanged",
  withdrawal_auth_code: "mail.mailType.withdrawalAuthCode",
  view_auth_code: "mail.mailType.viewAuthCode",
};

const itemIds = {
  postalCode: "mail.accountInfoChanged.item.postalCode",
  address: "mail.accountInfoChanged.item.address",
  phone: "mail.accountInfoChanged.item.phone",
  email: "mail.accountInfoChanged.item.email",
} as const;

/** One 変更項目 of the 口座情報変更完了 mail; a mail setting is named by its type. */
export const accountInfoItem = (c: MailContext, i: AccountInfoItem) =>
  typeof i === "string"
    ? c.t(itemIds[i])
    : c.t("mail.accountInfoChanged.item.mailSetting", { mailType: c.t(mailTypeIds[i.mailSetting]) });

/** The operations' names as mails give them (the Japanese is each operation's `label`). */
export const operationIds: Record<StepUpOperation, string> = {
  view_registered_info: "mail.operation.viewRegisteredInfo",
  change_profile: "mail.operation.changeProfile",
  change_email: "mail.operation.changeEmail",
  change_mail_settings: "mail.operation.changeMailSettings",
  withdrawal: "mail.operation.withdrawal",
  change_bank_account: "mail.operation.changeBankAccount",
  place_order: "mail.operation.placeOrder",
  modify_order: "mail.operation.modifyOrder",
  cancel_order: "mail.operation.cancelOrder",
  apply_margin_account: "mail.operation.applyMarginAccount",
  register_passkey: "mail.operation.registerPasskey",
  delete_passkey: "mail.operation.deletePasskey",
};

/** The 認証コード and its 有効期限. */
export const codeLines = (c: MailContext, code: string, expiresAt: Date) => [
  c.t("mail.label.authCode", { code }),
  c.t("mail.label.expiresAt", { at: c.at(expiresAt) }),
];
