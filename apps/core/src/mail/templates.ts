import type { MailType } from "@kakunin/contracts/mail";
import { formatJst, formatYen, maskAccountNumber, maskEmail } from "./format.ts";
import type { MailData } from "./mail-data.ts";
import {
  originLines,
  type SecurityNotice,
  type SupportContact,
  securityLines,
  supportCenter,
} from "./security-layout.ts";
import { supportContact } from "./support-contact.ts";

export type { MailData } from "./mail-data.ts";

export interface RenderedMail {
  subject: string;
  text: string;
}

const SUBJECT_PREFIX = "【kakunin証券】";

/**
 * Every mail ends the same way, naming the support number and its hours (issue 17). No mail
 * carries a link (R34): a customer who learns that our mails never contain links cannot be
 * phished by one that does.
 */
const footer = (contact: SupportContact) =>
  [
    "",
    "――――――――――――――――――――",
    "本メールは送信専用のアドレスからお送りしています。ご返信いただいてもお答えできません。",
    "弊社からのメールにログイン画面やパスワード入力画面へのリンクを記載することはありません。",
    `お心当たりのない場合やご不明な点は、${supportCenter(contact)}までお電話でご連絡ください。`,
    "kakunin証券",
  ].join("\n");

const body = (contact: SupportContact, customerName: string, lines: string[]) =>
  [`${customerName} 様`, "", ...lines, footer(contact)].join("\n");

/** An always-on security mail (R38) in the shared layout. */
const security = (contact: SupportContact, customerName: string, notice: SecurityNotice) =>
  body(contact, customerName, securityLines(notice, contact));

/** パスキーの登録・削除: the same notice, told apart by the verb. */
const passkeyChanged = (c: SupportContact, d: MailData["passkey_registered"], verb: "登録" | "削除") => ({
  subject: `${SUBJECT_PREFIX}パスキーを${verb}しました`,
  text: security(c, d.customerName, {
    lead: [`お客様の口座${verb === "登録" ? "に" : "から"}パスキーが${verb}されました。`],
    changes: [`パスキーの${verb}（パスキー名: ${d.passkeyName}）`],
    at: d.at,
    origin: d.origin,
  }),
});

/** ログインパスワード・執行パスワードの変更; a reissued initial one is found in お知らせ. */
const passwordChanged = (c: SupportContact, d: MailData["execution_password_changed"], kind: string) => ({
  subject: `${SUBJECT_PREFIX}${kind}変更のお知らせ`,
  text: security(c, d.customerName, {
    lead: [
      d.reissued
        ? `お客様のお申し出により、${kind}を再発行しました（初期${kind}）。`
        : `お客様の${kind}が変更されました。`,
    ],
    changes: [d.reissued ? `${kind}（初期${kind}の再発行）` : kind],
    at: d.at,
    origin: d.origin,
    ...(d.reissued
      ? { next: [`新しい初期${kind}は、ログイン後の「お知らせ」でご確認のうえ、変更してください。`] }
      : {}),
  }),
});

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

const templates: { [T in MailType]: (d: MailData[T], c: SupportContact) => RenderedMail } = {
  login_notification: (d, c) => ({
    subject: `${SUBJECT_PREFIX}ログインのお知らせ`,
    text: body(c, d.customerName, [
      "お客様の口座にログインがありました。",
      "",
      `日時: ${formatJst(d.at)}`,
      ...originLines({ ipAddress: d.ipAddress, userAgent: d.userAgent }),
      "",
      "お客様ご自身によるログインであれば、このメールへの対応は不要です。",
    ]),
  }),
  trade_execution: (d, c) => ({
    subject: `${SUBJECT_PREFIX}約定のお知らせ`,
    text: body(c, d.customerName, [
      "ご注文が約定しました。",
      "",
      `約定日時: ${formatJst(d.at)}`,
      `注文番号: ${d.orderNumber}`,
      `銘柄: ${d.instrument}`,
      `売買: ${d.side}`,
      `数量: ${d.quantity.toLocaleString("ja-JP")}株`,
      `約定単価: ${formatYen(d.price)}`,
    ]),
  }),
  fund_execution: (d, c) => ({
    subject: `${SUBJECT_PREFIX}投資信託約定のお知らせ`,
    text: body(c, d.customerName, [
      "投資信託のご注文が約定しました。",
      "",
      `約定日時: ${formatJst(d.at)}`,
      `注文番号: ${d.orderNumber}`,
      `ファンド: ${d.fundName}`,
      `売買: ${d.side}`,
      `金額: ${formatYen(d.amount)}`,
    ]),
  }),
  withdrawal_completed: (d, c) => ({
    subject: `${SUBJECT_PREFIX}出金申込受付のお知らせ`,
    text: body(c, d.customerName, [
      "出金のお申込みを受け付けました。",
      "",
      `受付日時: ${formatJst(d.at)}`,
      `受付番号: ${d.requestNumber}`,
      `出金金額: ${formatYen(d.amount)}`,
      `出金先: ${d.bank} ${maskAccountNumber(d.accountNumber)}`,
    ]),
  }),
  account_info_changed: (d, c) => ({
    subject: `${SUBJECT_PREFIX}口座情報変更完了のお知らせ`,
    text: body(c, d.customerName, [
      "ご登録情報の変更が完了しました。",
      "",
      `変更日時: ${formatJst(d.at)}`,
      `変更項目: ${d.items.join("、")}`,
    ]),
  }),
  withdrawal_auth_code: (d, c) => ({
    subject: `${SUBJECT_PREFIX}出金認証コードのお知らせ`,
    text: body(c, d.customerName, [
      "出金のお申込みに必要な認証コードをお知らせします。",
      "",
      `認証コード: ${d.code}`,
      `対象の出金: ${formatYen(d.amount)}（出金先 ${d.bank} ${maskAccountNumber(d.accountNumber)}）`,
      `有効期限: ${formatJst(d.expiresAt)}`,
      "",
      `この認証コードは上記の出金にのみ使用できます。お心当たりのない場合は、入力せずに${supportCenter(c)}までご連絡ください。`,
    ]),
  }),
  view_auth_code: (d, c) => ({
    subject: `${SUBJECT_PREFIX}${d.passkey ? `${d.purpose}のための認証コード` : "照会用認証コード"}のお知らせ`,
    text: body(c, d.customerName, [
      d.passkey
        ? `${d.purpose}のための認証コードをお知らせします。`
        : "登録情報の照会に必要な認証コードをお知らせします。",
      "",
      `認証コード: ${d.code}`,
      `対象: ${d.purpose}`,
      `有効期限: ${formatJst(d.expiresAt)}`,
      ...(d.passkey
        ? [
            "",
            `お心当たりのない場合は、入力せずに${supportCenter(c)}までご連絡ください。第三者がお客様のパスキーを登録・削除しようとしている可能性があります。`,
          ]
        : []),
    ]),
  }),
  withdrawal_account_change_requested: (d, c) => ({
    subject: `${SUBJECT_PREFIX}出金先口座変更のお申込み受付のお知らせ`,
    text: security(c, d.customerName, {
      lead: [
        "出金先口座の変更のお申込みを受け付けました。",
        "弊社で確認のうえ変更し、完了しましたらあらためてメールでお知らせします。変更の完了までは、これまでの出金先口座へ出金します。",
      ],
      changes: [`出金先口座の変更のお申込み（新しい出金先: ${d.bank} ${maskAccountNumber(d.accountNumber)}）`],
      at: d.at,
      origin: d.origin,
    }),
  }),
  withdrawal_account_changed: (d, c) => ({
    subject: `${SUBJECT_PREFIX}出金先口座変更のお知らせ`,
    text: security(c, d.customerName, {
      lead: ["お申込みいただいた出金先口座の変更手続きが完了しました。"],
      changes: [
        `出金先口座の変更（新しい出金先: ${d.bank} ${maskAccountNumber(d.accountNumber)}）`,
        `お申込み日時: ${formatJst(d.requestedAt)}`,
      ],
      at: d.at,
      origin: "operator",
    }),
  }),
  account_locked: (d, c) => ({
    subject: `${SUBJECT_PREFIX}アカウントロックのお知らせ`,
    text: security(c, d.customerName, {
      lead: [
        "執行パスワードの入力誤りが上限（9回）に達したため、お客様のアカウントをロックしました。",
        "ロック中は、ご注文・出金・登録情報の照会など執行パスワードが必要なお取引をご利用いただけません。",
      ],
      changes: ["アカウントのロック（執行パスワードの入力誤り）"],
      at: d.at,
      origin: d.origin,
      next: [
        `ロックの解除をご希望の場合は、${supportCenter(c)}までお電話でご連絡ください。本人確認のうえ解除いたします。`,
      ],
    }),
  }),
  account_unlocked: (d, c) => ({
    subject: `${SUBJECT_PREFIX}アカウントロック解除のお知らせ`,
    text: security(c, d.customerName, {
      lead: [
        "お客様のお申し出により、本人確認のうえ、お客様のアカウントのロックを解除しました。",
        "執行パスワードが必要なお取引を再びご利用いただけます。",
      ],
      changes: ["アカウントのロック解除"],
      at: d.at,
      origin: "operator",
    }),
  }),
  email_changed: (d, c) => ({
    subject: `${SUBJECT_PREFIX}メールアドレス変更のお知らせ`,
    text: security(c, d.customerName, {
      lead: ["ご登録のメールアドレスが変更されました。"],
      changes: [
        "メールアドレス",
        `変更前: ${d.oldAddress ? maskEmail(d.oldAddress) : "（未登録）"}`,
        `変更後: ${maskEmail(d.newAddress)}`,
      ],
      at: d.at,
      origin: d.origin,
    }),
  }),
  margin_account_applied: (d, c) => ({
    subject: `${SUBJECT_PREFIX}信用取引口座開設のお申し込みを受け付けました`,
    text: body(c, d.customerName, [
      "信用取引口座開設のお申し込みを受け付けました。",
      "",
      `受付日時: ${formatJst(d.at)}`,
      "",
      "弊社にて審査のうえ、結果をメールでお知らせします。審査中は信用取引の新規建てはご利用いただけません。",
    ]),
  }),
  margin_account_opened: (d, c) => ({
    subject: `${SUBJECT_PREFIX}信用取引口座開設のお知らせ`,
    text: body(c, d.customerName, [
      "審査の結果、お客様の信用取引口座を開設しました。本日より信用取引をご利用いただけます。",
      "",
      `開設日時: ${formatJst(d.at)}`,
      "",
      "信用取引は、委託保証金を上回る金額のお取引ができる一方、損失が委託保証金を上回るおそれがあります。信用取引口座設定約諾書の内容をご確認のうえ、ご利用ください。",
    ]),
  }),
  margin_account_rejected: (d, c) => ({
    subject: `${SUBJECT_PREFIX}信用取引口座開設審査結果のお知らせ`,
    text: body(c, d.customerName, [
      "信用取引口座開設のお申し込みについて、審査の結果、誠に勝手ながら今回は開設を見送らせていただきました。",
      "",
      `審査完了日時: ${formatJst(d.at)}`,
      "",
      "審査の基準および結果の理由についてはお答えいたしかねます。あらかじめご了承ください。",
    ]),
  }),
  passkey_registered: (d, c) => passkeyChanged(c, d, "登録"),
  passkey_deleted: (d, c) => passkeyChanged(c, d, "削除"),
  passkey_suspended: (d, c) => ({
    subject: `${SUBJECT_PREFIX}パスキーの利用を停止しました`,
    text: security(c, d.customerName, {
      lead: [
        "お客様のパスキーから、複製されたおそれのある応答を受け取ったため、安全のためこのパスキーの利用を停止しました。",
      ],
      changes: [`パスキーの利用停止（パスキー名: ${d.passkeyName}）`],
      at: d.at,
      origin: d.origin,
      next: ["このパスキーは削除し、あらためて登録してください。"],
    }),
  }),
  passkeys_removed: (d, c) => ({
    subject: `${SUBJECT_PREFIX}パスキーをすべて削除しました`,
    text: security(c, d.customerName, {
      lead: ["お客様のお申し出により、本人確認のうえ、登録されていたパスキーをすべて削除しました。"],
      changes: [`パスキーの削除（${d.count}件）`],
      at: d.at,
      origin: "operator",
      next: ["ログイン後、パスキー設定から新しいパスキーを登録してください。"],
    }),
  }),
  trading_stopped: (d, c) => ({
    subject: `${SUBJECT_PREFIX}取引停止のお知らせ`,
    text: security(c, d.customerName, {
      lead: [
        "お客様のお申し出により、お客様の口座のお取引を停止しました。",
        "停止中は、ご注文（新規・訂正）、出金、出金先口座・メールアドレス・パスワードの変更、パスキーの登録・削除、信用取引口座の申込をご利用いただけません。ご注文の取消はご利用いただけます。",
      ],
      changes: ["取引停止"],
      at: d.at,
      origin: d.origin,
      next: [
        `停止の解除をご希望の場合は、${supportCenter(c)}までお電話でご連絡ください。本人確認のうえ解除いたします。`,
      ],
      suggestStop: false,
    }),
  }),
  trading_resumed: (d, c) => ({
    subject: `${SUBJECT_PREFIX}取引停止解除のお知らせ`,
    text: security(c, d.customerName, {
      lead: [
        "お客様のお申し出により、本人確認のうえ、お客様の口座の取引停止を解除しました。本日よりお取引をご利用いただけます。",
      ],
      changes: ["取引停止の解除"],
      at: d.at,
      origin: "operator",
      next: ["不正利用のおそれがある場合は、ログインパスワードと執行パスワードを変更してください。"],
    }),
  }),
  login_password_changed: (d, c) => passwordChanged(c, d, "ログインパスワード"),
  execution_password_changed: (d, c) => passwordChanged(c, d, "執行パスワード"),
  new_device_login_code: (d, c) => ({
    subject: `${SUBJECT_PREFIX}新しい端末からのログイン用認証コードのお知らせ`,
    text: body(c, d.customerName, [
      "お客様の口座に、これまでご利用のない端末からログインの操作がありました。",
      "ログインを完了するには、ログイン画面に次の認証コードを入力してください。",
      "",
      `認証コード: ${d.code}`,
      `有効期限: ${formatJst(d.expiresAt)}`,
      "",
      "■ 操作元",
      ...originLines(d.origin),
      "",
      `お心当たりのない場合は、認証コードを入力せずに${supportCenter(c)}までご連絡ください。第三者がお客様のログインパスワードを知っているおそれがあります。`,
    ]),
  }),
  new_device_login: (d, c) => ({
    subject: `${SUBJECT_PREFIX}新しい端末からのログインのお知らせ`,
    text: security(c, d.customerName, {
      lead: ["お客様の口座に、これまでご利用のない端末からログインがありました。"],
      changes: ["新しい端末からのログイン"],
      at: d.at,
      origin: d.origin,
      next: [
        `安全のため、${formatJst(d.coolingUntil)}まで出金先口座の変更はお受けできません。また、出金には認証コードの入力が必要です。`,
      ],
    }),
  }),
  password_reset_code: (d, c) => ({
    subject: `${SUBJECT_PREFIX}ログインパスワード再設定用認証コードのお知らせ`,
    text: body(c, d.customerName, [
      "ログインパスワードの再設定に必要な認証コードをお知らせします。",
      "",
      `認証コード: ${d.code}`,
      `有効期限: ${formatJst(d.expiresAt)}`,
      "",
      // Where the request came from, so a customer who did not ask can tell the support centre.
      "■ お手続きの環境",
      ...originLines(d.origin),
      "",
      `お心当たりのない場合は、認証コードを入力せずに${supportCenter(c)}までご連絡ください。第三者がお客様のログインパスワードを再設定しようとしている可能性があります。`,
    ]),
  }),
  login_password_reset: (d, c) => ({
    subject: `${SUBJECT_PREFIX}ログインパスワード再設定のお知らせ`,
    text: security(c, d.customerName, {
      lead: [
        "「ログインパスワードをお忘れの方」のお手続きにより、お客様のログインパスワードを再設定しました。",
        "安全のため、ログイン中のすべての端末をログアウトしました。",
      ],
      changes: ["ログインパスワード（再設定）"],
      at: d.at,
      origin: d.origin,
      next: [
        `安全のため、${formatJst(d.coolingUntil)}まで出金先口座の変更はお受けできません。また、出金には認証コードの入力が必要です。`,
      ],
      // Whoever reset it holds the password now: the customer may not be able to log in to stop.
      suggestStop: false,
    }),
  }),
};

/** `contact`: the configured support number and hours unless a test passes its own. */
export function renderMail<T extends MailType>(
  type: T,
  data: MailData[T],
  contact: SupportContact = supportContact(),
): RenderedMail {
  return templates[type](data, contact);
}
