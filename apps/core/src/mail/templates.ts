import { defaultLocale, type Locale } from "@kakunin/contracts/locale";
import type { MailType } from "@kakunin/contracts/mail";
import { maskEmail } from "./format.ts";
import { type MailContext, mailContext } from "./i18n.ts";
import type { MailData } from "./mail-data.ts";
import { originLines, type SecurityNotice, type SupportContact, securityLines } from "./security-layout.ts";
import { supportContact } from "./support-contact.ts";
import { accountInfoItem, bankAccount, codeLines, fundSideIds, operationIds, tradeSide } from "./wording.ts";

export type { MailData } from "./mail-data.ts";

export interface RenderedMail {
  subject: string;
  text: string;
}

/**
 * Every mail ends the same way, naming the support number and its hours (issue 17). No mail
 * carries a link (R34): a customer who learns that our mails never contain links cannot be
 * phished by one that does.
 */
const footer = (c: MailContext) =>
  [
    "",
    "――――――――――――――――――――",
    c.t("mail.layout.sendOnly"),
    c.t("mail.layout.noLinks"),
    c.t("mail.layout.contactUs", { supportCenter: c.supportCenter }),
    c.t("mail.layout.signature"),
  ].join("\n");

/** A mail: `subject` (worded) after the company's prefix; the greeting, `lines` and the footer. */
const mail = (c: MailContext, subject: string, customerName: string, lines: string[]): RenderedMail => ({
  subject: c.t("mail.layout.subject", { subject }),
  text: [c.t("mail.layout.greeting", { name: customerName }), "", ...lines, footer(c)].join("\n"),
});

/** An always-on security mail (R38) in the shared layout. */
const security = (c: MailContext, subject: string, customerName: string, notice: SecurityNotice) =>
  mail(c, subject, customerName, securityLines(c, notice));

/** ログインパスワード・執行パスワードの変更; a reissued initial one is found in お知らせ. */
const passwordChanged = (c: MailContext, d: MailData["execution_password_changed"], kind: "login" | "execution") => {
  const reissued = kind === "execution" && d.reissued;
  const ids =
    kind === "login"
      ? {
          subject: "mail.loginPasswordChanged.subject",
          lead: "mail.loginPasswordChanged.lead",
          change: "mail.loginPasswordChanged.change",
        }
      : reissued
        ? {
            subject: "mail.executionPasswordChanged.subject",
            lead: "mail.executionPasswordChanged.reissuedLead",
            change: "mail.executionPasswordChanged.reissuedChange",
          }
        : {
            subject: "mail.executionPasswordChanged.subject",
            lead: "mail.executionPasswordChanged.lead",
            change: "mail.executionPasswordChanged.change",
          };
  return security(c, c.t(ids.subject), d.customerName, {
    lead: [c.t(ids.lead)],
    changes: [c.t(ids.change)],
    at: d.at,
    origin: d.origin,
    ...(reissued ? { next: [c.t("mail.executionPasswordChanged.reissuedNext")] } : {}),
  });
};

/**
 * The always-on security mails (R38), each rendered in the shared layout (`securityLines`):
 * what changed, when, from where, and the support number to call if it was not the customer.
 */
export const securityMailTypes = [
  "login_password_changed",
  "execution_password_changed",
  "email_changed",
  "passkey_registered",
  "passkey_deleted",
  "passkey_suspended",
  "passkeys_removed",
  "withdrawal_account_change_requested",
  "withdrawal_account_changed",
  "account_locked",
  "account_unlocked",
  "trading_stopped",
  "trading_resumed",
  "new_device_login",
  "login_password_reset",
] as const satisfies readonly MailType[];

const templates: { [T in MailType]: (d: MailData[T], c: MailContext) => RenderedMail } = {
  login_notification: (d, c) =>
    mail(c, c.t("mail.loginNotification.subject"), d.customerName, [
      c.t("mail.loginNotification.lead"),
      "",
      c.t("mail.loginNotification.at", { at: c.at(d.at) }),
      ...originLines(c, { ipAddress: d.ipAddress, userAgent: d.userAgent }),
      "",
      c.t("mail.loginNotification.noAction"),
    ]),
  trade_execution: (d, c) =>
    mail(c, c.t("mail.tradeExecution.subject"), d.customerName, [
      c.t("mail.tradeExecution.lead"),
      "",
      c.t("mail.label.executedAt", { at: c.at(d.at) }),
      c.t("mail.label.orderNumber", { orderNumber: d.orderNumber }),
      c.t("mail.tradeExecution.instrument", { instrument: d.instrument }),
      c.t("mail.label.side", { side: c.t(tradeSide(d.side)) }),
      c.t("mail.tradeExecution.quantity", { quantity: d.quantity }),
      c.t("mail.tradeExecution.price", { price: c.yen(d.price) }),
    ]),
  fund_execution: (d, c) =>
    mail(c, c.t("mail.fundExecution.subject"), d.customerName, [
      c.t("mail.fundExecution.lead"),
      "",
      c.t("mail.label.executedAt", { at: c.at(d.at) }),
      c.t("mail.label.orderNumber", { orderNumber: d.orderNumber }),
      c.t("mail.fundExecution.fund", { fundName: d.fundName }),
      c.t("mail.label.side", { side: c.t(fundSideIds[d.side]) }),
      c.t("mail.fundExecution.amount", { amount: c.yen(d.amount) }),
    ]),
  withdrawal_completed: (d, c) =>
    mail(c, c.t("mail.withdrawalCompleted.subject"), d.customerName, [
      c.t("mail.withdrawalCompleted.lead"),
      "",
      c.t("mail.label.receivedAt", { at: c.at(d.at) }),
      c.t("mail.withdrawalCompleted.requestNumber", { requestNumber: d.requestNumber }),
      c.t("mail.withdrawalCompleted.amount", { amount: c.yen(d.amount) }),
      c.t("mail.withdrawalCompleted.bank", { bank: bankAccount(c, d.bank, d.accountNumber) }),
    ]),
  account_info_changed: (d, c) =>
    mail(c, c.t("mail.accountInfoChanged.subject"), d.customerName, [
      c.t("mail.accountInfoChanged.lead"),
      "",
      c.t("mail.accountInfoChanged.at", { at: c.at(d.at) }),
      c.t("mail.accountInfoChanged.items", {
        items: d.items.map((i) => accountInfoItem(c, i)).join(c.t("mail.layout.listSeparator")),
      }),
    ]),
  withdrawal_auth_code: (d, c) =>
    mail(c, c.t("mail.withdrawalAuthCode.subject"), d.customerName, [
      c.t("mail.withdrawalAuthCode.lead"),
      "",
      c.t("mail.label.authCode", { code: d.code }),
      c.t("mail.withdrawalAuthCode.target", { amount: c.yen(d.amount), bank: bankAccount(c, d.bank, d.accountNumber) }),
      c.t("mail.label.expiresAt", { at: c.at(d.expiresAt) }),
      "",
      c.t("mail.withdrawalAuthCode.warning", { supportCenter: c.supportCenter }),
    ]),
  view_auth_code: (d, c) => {
    const purpose = c.t(operationIds[d.operation]);
    return mail(
      c,
      d.passkey ? c.t("mail.viewAuthCode.passkeySubject", { purpose }) : c.t("mail.viewAuthCode.subject"),
      d.customerName,
      [
        d.passkey ? c.t("mail.viewAuthCode.passkeyLead", { purpose }) : c.t("mail.viewAuthCode.lead"),
        "",
        c.t("mail.label.authCode", { code: d.code }),
        c.t("mail.viewAuthCode.purpose", { purpose }),
        c.t("mail.label.expiresAt", { at: c.at(d.expiresAt) }),
        ...(d.passkey ? ["", c.t("mail.viewAuthCode.passkeyWarning", { supportCenter: c.supportCenter })] : []),
      ],
    );
  },
  withdrawal_account_change_requested: (d, c) =>
    security(c, c.t("mail.withdrawalAccountChangeRequested.subject"), d.customerName, {
      lead: [c.t("mail.withdrawalAccountChangeRequested.lead"), c.t("mail.withdrawalAccountChangeRequested.lead2")],
      changes: [c.t("mail.withdrawalAccountChangeRequested.change", { bank: bankAccount(c, d.bank, d.accountNumber) })],
      at: d.at,
      origin: d.origin,
    }),
  withdrawal_account_changed: (d, c) =>
    security(c, c.t("mail.withdrawalAccountChanged.subject"), d.customerName, {
      lead: [c.t("mail.withdrawalAccountChanged.lead")],
      changes: [
        c.t("mail.withdrawalAccountChanged.change", { bank: bankAccount(c, d.bank, d.accountNumber) }),
        c.t("mail.withdrawalAccountChanged.requestedAt", { at: c.at(d.requestedAt) }),
      ],
      at: d.at,
      origin: "operator",
    }),
  account_locked: (d, c) =>
    security(c, c.t("mail.accountLocked.subject"), d.customerName, {
      lead: [c.t("mail.accountLocked.lead"), c.t("mail.accountLocked.lead2")],
      changes: [c.t("mail.accountLocked.change")],
      at: d.at,
      origin: d.origin,
      next: [c.t("mail.accountLocked.next", { supportCenter: c.supportCenter })],
    }),
  account_unlocked: (d, c) =>
    security(c, c.t("mail.accountUnlocked.subject"), d.customerName, {
      lead: [c.t("mail.accountUnlocked.lead"), c.t("mail.accountUnlocked.lead2")],
      changes: [c.t("mail.accountUnlocked.change")],
      at: d.at,
      origin: "operator",
    }),
  email_changed: (d, c) =>
    security(c, c.t("mail.emailChanged.subject"), d.customerName, {
      lead: [c.t("mail.emailChanged.lead")],
      changes: [
        c.t("mail.emailChanged.change"),
        c.t("mail.emailChanged.before", {
          address: d.oldAddress ? maskEmail(d.oldAddress) : c.t("mail.emailChanged.none"),
        }),
        c.t("mail.emailChanged.after", { address: maskEmail(d.newAddress) }),
      ],
      at: d.at,
      origin: d.origin,
    }),
  margin_account_applied: (d, c) =>
    mail(c, c.t("mail.marginAccountApplied.subject"), d.customerName, [
      c.t("mail.marginAccountApplied.lead"),
      "",
      c.t("mail.label.receivedAt", { at: c.at(d.at) }),
      "",
      c.t("mail.marginAccountApplied.next"),
    ]),
  margin_account_opened: (d, c) =>
    mail(c, c.t("mail.marginAccountOpened.subject"), d.customerName, [
      c.t("mail.marginAccountOpened.lead"),
      "",
      c.t("mail.marginAccountOpened.at", { at: c.at(d.at) }),
      "",
      c.t("mail.marginAccountOpened.risk"),
    ]),
  margin_account_rejected: (d, c) =>
    mail(c, c.t("mail.marginAccountRejected.subject"), d.customerName, [
      c.t("mail.marginAccountRejected.lead"),
      "",
      c.t("mail.marginAccountRejected.at", { at: c.at(d.at) }),
      "",
      c.t("mail.marginAccountRejected.noReasons"),
    ]),
  passkey_registered: (d, c) =>
    security(c, c.t("mail.passkeyRegistered.subject"), d.customerName, {
      lead: [c.t("mail.passkeyRegistered.lead")],
      changes: [c.t("mail.passkeyRegistered.change", { passkeyName: d.passkeyName })],
      at: d.at,
      origin: d.origin,
    }),
  passkey_deleted: (d, c) =>
    security(c, c.t("mail.passkeyDeleted.subject"), d.customerName, {
      lead: [c.t("mail.passkeyDeleted.lead")],
      changes: [c.t("mail.passkeyDeleted.change", { passkeyName: d.passkeyName })],
      at: d.at,
      origin: d.origin,
    }),
  passkey_suspended: (d, c) =>
    security(c, c.t("mail.passkeySuspended.subject"), d.customerName, {
      lead: [c.t("mail.passkeySuspended.lead")],
      changes: [c.t("mail.passkeySuspended.change", { passkeyName: d.passkeyName })],
      at: d.at,
      origin: d.origin,
      next: [c.t("mail.passkeySuspended.next")],
    }),
  passkeys_removed: (d, c) =>
    security(c, c.t("mail.passkeysRemoved.subject"), d.customerName, {
      lead: [c.t("mail.passkeysRemoved.lead")],
      changes: [c.t("mail.passkeysRemoved.change", { count: d.count })],
      at: d.at,
      origin: "operator",
      next: [c.t("mail.passkeysRemoved.next")],
    }),
  trading_stopped: (d, c) =>
    security(c, c.t("mail.tradingStopped.subject"), d.customerName, {
      lead: [c.t("mail.tradingStopped.lead"), c.t("mail.tradingStopped.lead2")],
      changes: [c.t("mail.tradingStopped.change")],
      at: d.at,
      origin: d.origin,
      next: [c.t("mail.tradingStopped.next", { supportCenter: c.supportCenter })],
      suggestStop: false,
    }),
  trading_resumed: (d, c) =>
    security(c, c.t("mail.tradingResumed.subject"), d.customerName, {
      lead: [c.t("mail.tradingResumed.lead")],
      changes: [c.t("mail.tradingResumed.change")],
      at: d.at,
      origin: "operator",
      next: [c.t("mail.tradingResumed.next")],
    }),
  login_password_changed: (d, c) => passwordChanged(c, d, "login"),
  execution_password_changed: (d, c) => passwordChanged(c, d, "execution"),
  new_device_login_code: (d, c) =>
    mail(c, c.t("mail.newDeviceLoginCode.subject"), d.customerName, [
      c.t("mail.newDeviceLoginCode.lead"),
      c.t("mail.newDeviceLoginCode.lead2"),
      "",
      ...codeLines(c, d.code, d.expiresAt),
      "",
      c.t("mail.security.origin"),
      ...originLines(c, d.origin),
      "",
      c.t("mail.newDeviceLoginCode.warning", { supportCenter: c.supportCenter }),
    ]),
  new_device_login: (d, c) =>
    security(c, c.t("mail.newDeviceLogin.subject"), d.customerName, {
      lead: [c.t("mail.newDeviceLogin.lead")],
      changes: [c.t("mail.newDeviceLogin.change")],
      at: d.at,
      origin: d.origin,
      next: [c.t("mail.label.coolingNotice", { until: c.at(d.coolingUntil) })],
    }),
  password_reset_code: (d, c) =>
    mail(c, c.t("mail.passwordResetCode.subject"), d.customerName, [
      c.t("mail.passwordResetCode.lead"),
      "",
      ...codeLines(c, d.code, d.expiresAt),
      "",
      // Where the request came from, so a customer who did not ask can tell the support centre.
      c.t("mail.origin.requestedFrom"),
      ...originLines(c, d.origin),
      "",
      c.t("mail.passwordResetCode.warning", { supportCenter: c.supportCenter }),
    ]),
  login_password_reset: (d, c) =>
    security(c, c.t("mail.loginPasswordReset.subject"), d.customerName, {
      lead: [c.t("mail.loginPasswordReset.lead"), c.t("mail.loginPasswordReset.lead2")],
      changes: [c.t("mail.loginPasswordReset.change")],
      at: d.at,
      origin: d.origin,
      next: [c.t("mail.label.coolingNotice", { until: c.at(d.coolingUntil) })],
      // Whoever reset it holds the password now: the customer may not be able to log in to stop.
      suggestStop: false,
    }),
};

export interface RenderOptions {
  /** The customer's language (R36); Japanese unless given. */
  locale?: Locale;
  /** The configured support number and hours (in `locale`) unless a test passes its own. */
  contact?: SupportContact;
}

export function renderMail<T extends MailType>(type: T, data: MailData[T], options: RenderOptions = {}): RenderedMail {
  const locale = options.locale ?? defaultLocale;
  return templates[type](data, mailContext(locale, options.contact ?? supportContact(locale)));
}
