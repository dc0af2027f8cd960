import type { MailType } from "@kakunin/contracts/mail";
import { formatJst, formatYen, maskAccountNumber, maskEmail } from "./format.ts";

/** What each mail needs to say. Account numbers and addresses are passed in full and masked here. */
export interface MailData {
  login_notification: { customerName: string; at: Date; ipAddress: string | null; userAgent: string | null };
  trade_execution: {
    customerName: string;
    at: Date;
    orderNumber: string;
    instrument: string;
    side: string;
    quantity: number;
    price: number;
  };
  fund_execution: {
    customerName: string;
    at: Date;
    orderNumber: string;
    fundName: string;
    side: string;
    amount: number;
  };
  withdrawal_completed: {
    customerName: string;
    at: Date;
    requestNumber: string;
    amount: number;
    bank: string;
    accountNumber: string;
  };
  account_info_changed: { customerName: string; at: Date; items: string[] };
  withdrawal_auth_code: {
    customerName: string;
    code: string;
    expiresAt: Date;
    amount: number;
    bank: string;
    accountNumber: string;
  };
  /**
   * `passkey`: the code of a passkey's registration or deletion (issue 14), sent whatever the
   * settings; its wording names that, not the 照会.
   */
  view_auth_code: { customerName: string; code: string; expiresAt: Date; purpose: string; passkey?: boolean };
  withdrawal_account_changed: { customerName: string; at: Date; bank: string; accountNumber: string };
  account_locked: { customerName: string; at: Date };
  /** `oldAddress` is null when a second address is registered where there was none. */
  email_changed: { customerName: string; at: Date; oldAddress: string | null; newAddress: string };
  margin_account_applied: { customerName: string; at: Date };
  margin_account_opened: { customerName: string; at: Date };
  /** No reason: the operator's note is internal, and screening criteria are not disclosed. */
  margin_account_rejected: { customerName: string; at: Date };
  passkey_registered: { customerName: string; at: Date; passkeyName: string };
  passkey_deleted: { customerName: string; at: Date; passkeyName: string };
  passkey_suspended: { customerName: string; at: Date; passkeyName: string };
  /** The operator removed every passkey after 本人確認 (recovery). */
  passkeys_removed: { customerName: string; at: Date; count: number };
  /** 取引停止 (R33): `supportPhone` is core's SUPPORT_PHONE, the number that lifts it. */
  trading_stopped: { customerName: string; at: Date; supportPhone: string };
  trading_resumed: { customerName: string; at: Date; supportPhone: string };
}

export interface RenderedMail {
  subject: string;
  text: string;
}

const SUBJECT_PREFIX = "【kakunin証券】";

/**
 * Every mail ends the same way. No mail carries a link (R34): a customer who learns that our
 * mails never contain links cannot be phished by one that does.
 */
const footer = [
  "",
  "――――――――――――――――――――",
  "本メールは送信専用のアドレスからお送りしています。ご返信いただいてもお答えできません。",
  "弊社からのメールにログイン画面やパスワード入力画面へのリンクを記載することはありません。",
  "お心当たりのない場合は、お手数ですがお客様サポートセンターまでお電話でご連絡ください。",
  "kakunin証券",
].join("\n");

const body = (customerName: string, lines: string[]) => [`${customerName} 様`, "", ...lines, footer].join("\n");

const ifNotYou = "お心当たりのない場合は、至急お客様サポートセンターまでお電話でご連絡ください。";

/** パスキーの登録・削除: the same notice, told apart by the verb. */
const passkeyChanged = (d: { customerName: string; at: Date; passkeyName: string }, verb: "登録" | "削除") => ({
  subject: `${SUBJECT_PREFIX}パスキーを${verb}しました`,
  text: body(d.customerName, [
    `お客様の口座${verb === "登録" ? "に" : "から"}パスキーが${verb}されました。`,
    "",
    `${verb}日時: ${formatJst(d.at)}`,
    `パスキー名: ${d.passkeyName}`,
    "",
    ifNotYou,
  ]),
});

const templates: { [T in MailType]: (d: MailData[T]) => RenderedMail } = {
  login_notification: (d) => ({
    subject: `${SUBJECT_PREFIX}ログインのお知らせ`,
    text: body(d.customerName, [
      "お客様の口座にログインがありました。",
      "",
      `日時: ${formatJst(d.at)}`,
      `IPアドレス: ${d.ipAddress ?? "不明"}`,
      `ブラウザ: ${d.userAgent ?? "不明"}`,
      "",
      "お客様ご自身によるログインであれば、このメールへの対応は不要です。",
    ]),
  }),
  trade_execution: (d) => ({
    subject: `${SUBJECT_PREFIX}約定のお知らせ`,
    text: body(d.customerName, [
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
  fund_execution: (d) => ({
    subject: `${SUBJECT_PREFIX}投資信託約定のお知らせ`,
    text: body(d.customerName, [
      "投資信託のご注文が約定しました。",
      "",
      `約定日時: ${formatJst(d.at)}`,
      `注文番号: ${d.orderNumber}`,
      `ファンド: ${d.fundName}`,
      `売買: ${d.side}`,
      `金額: ${formatYen(d.amount)}`,
    ]),
  }),
  withdrawal_completed: (d) => ({
    subject: `${SUBJECT_PREFIX}出金申込受付のお知らせ`,
    text: body(d.customerName, [
      "出金のお申込みを受け付けました。",
      "",
      `受付日時: ${formatJst(d.at)}`,
      `受付番号: ${d.requestNumber}`,
      `出金金額: ${formatYen(d.amount)}`,
      `出金先: ${d.bank} ${maskAccountNumber(d.accountNumber)}`,
    ]),
  }),
  account_info_changed: (d) => ({
    subject: `${SUBJECT_PREFIX}口座情報変更完了のお知らせ`,
    text: body(d.customerName, [
      "ご登録情報の変更が完了しました。",
      "",
      `変更日時: ${formatJst(d.at)}`,
      `変更項目: ${d.items.join("、")}`,
    ]),
  }),
  withdrawal_auth_code: (d) => ({
    subject: `${SUBJECT_PREFIX}出金認証コードのお知らせ`,
    text: body(d.customerName, [
      "出金のお申込みに必要な認証コードをお知らせします。",
      "",
      `認証コード: ${d.code}`,
      `対象の出金: ${formatYen(d.amount)}（出金先 ${d.bank} ${maskAccountNumber(d.accountNumber)}）`,
      `有効期限: ${formatJst(d.expiresAt)}`,
      "",
      "この認証コードは上記の出金にのみ使用できます。お心当たりのない場合は、入力せずにお客様サポートセンターまでご連絡ください。",
    ]),
  }),
  view_auth_code: (d) => ({
    subject: `${SUBJECT_PREFIX}${d.passkey ? `${d.purpose}のための認証コード` : "照会用認証コード"}のお知らせ`,
    text: body(d.customerName, [
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
            "お心当たりのない場合は、入力せずにお客様サポートセンターまでご連絡ください。第三者がお客様のパスキーを登録・削除しようとしている可能性があります。",
          ]
        : []),
    ]),
  }),
  withdrawal_account_changed: (d) => ({
    subject: `${SUBJECT_PREFIX}出金先口座変更のお知らせ`,
    text: body(d.customerName, [
      "お申込みいただいた出金先口座の変更手続きが完了しました。",
      "",
      `変更日時: ${formatJst(d.at)}`,
      `新しい出金先: ${d.bank} ${maskAccountNumber(d.accountNumber)}`,
    ]),
  }),
  account_locked: (d) => ({
    subject: `${SUBJECT_PREFIX}アカウントロックのお知らせ`,
    text: body(d.customerName, [
      "執行パスワードの入力誤りが上限（9回）に達したため、お客様のアカウントをロックしました。",
      "ロック中は、ご注文・出金・登録情報の照会など執行パスワードが必要なお取引をご利用いただけません。",
      "",
      `ロック日時: ${formatJst(d.at)}`,
      "",
      "ロックの解除をご希望の場合は、お客様サポートセンターまでお電話でご連絡ください。本人確認のうえ解除いたします。",
    ]),
  }),
  email_changed: (d) => ({
    subject: `${SUBJECT_PREFIX}メールアドレス変更のお知らせ`,
    text: body(d.customerName, [
      "ご登録のメールアドレスが変更されました。",
      "",
      `変更日時: ${formatJst(d.at)}`,
      `変更前: ${d.oldAddress ? maskEmail(d.oldAddress) : "（未登録）"}`,
      `変更後: ${maskEmail(d.newAddress)}`,
    ]),
  }),
  margin_account_applied: (d) => ({
    subject: `${SUBJECT_PREFIX}信用取引口座開設のお申し込みを受け付けました`,
    text: body(d.customerName, [
      "信用取引口座開設のお申し込みを受け付けました。",
      "",
      `受付日時: ${formatJst(d.at)}`,
      "",
      "弊社にて審査のうえ、結果をメールでお知らせします。審査中は信用取引の新規建てはご利用いただけません。",
    ]),
  }),
  margin_account_opened: (d) => ({
    subject: `${SUBJECT_PREFIX}信用取引口座開設のお知らせ`,
    text: body(d.customerName, [
      "審査の結果、お客様の信用取引口座を開設しました。本日より信用取引をご利用いただけます。",
      "",
      `開設日時: ${formatJst(d.at)}`,
      "",
      "信用取引は、委託保証金を上回る金額のお取引ができる一方、損失が委託保証金を上回るおそれがあります。信用取引口座設定約諾書の内容をご確認のうえ、ご利用ください。",
    ]),
  }),
  margin_account_rejected: (d) => ({
    subject: `${SUBJECT_PREFIX}信用取引口座開設審査結果のお知らせ`,
    text: body(d.customerName, [
      "信用取引口座開設のお申し込みについて、審査の結果、誠に勝手ながら今回は開設を見送らせていただきました。",
      "",
      `審査完了日時: ${formatJst(d.at)}`,
      "",
      "審査の基準および結果の理由についてはお答えいたしかねます。あらかじめご了承ください。",
    ]),
  }),
  passkey_registered: (d) => passkeyChanged(d, "登録"),
  passkey_deleted: (d) => passkeyChanged(d, "削除"),
  passkey_suspended: (d) => ({
    subject: `${SUBJECT_PREFIX}パスキーの利用を停止しました`,
    text: body(d.customerName, [
      "お客様のパスキーから、複製されたおそれのある応答を受け取ったため、安全のためこのパスキーの利用を停止しました。",
      "",
      `停止日時: ${formatJst(d.at)}`,
      `パスキー名: ${d.passkeyName}`,
      "",
      "このパスキーは削除し、あらためて登録してください。ご不明な点はお客様サポートセンターまでお電話でご連絡ください。",
    ]),
  }),
  passkeys_removed: (d) => ({
    subject: `${SUBJECT_PREFIX}パスキーをすべて削除しました`,
    text: body(d.customerName, [
      "お客様のお申し出により、本人確認のうえ、登録されていたパスキーをすべて削除しました。",
      "",
      `削除日時: ${formatJst(d.at)}`,
      `削除件数: ${d.count}件`,
      "",
      "ログイン後、パスキー設定から新しいパスキーを登録してください。",
      ifNotYou,
    ]),
  }),
  trading_stopped: (d) => ({
    subject: `${SUBJECT_PREFIX}取引停止のお知らせ`,
    text: body(d.customerName, [
      "お客様のお申し出により、お客様の口座のお取引を停止しました。",
      "停止中は、ご注文（新規・訂正）、出金、出金先口座・メールアドレス・パスワードの変更、パスキーの登録・削除、信用取引口座の申込をご利用いただけません。ご注文の取消はご利用いただけます。",
      "",
      `停止日時: ${formatJst(d.at)}`,
      "",
      `停止の解除をご希望の場合は、お客様サポートセンター（${d.supportPhone}）までお電話でご連絡ください。本人確認のうえ解除いたします。`,
      `お客様ご自身が停止されたのでない場合も、至急お客様サポートセンター（${d.supportPhone}）までご連絡ください。`,
    ]),
  }),
  trading_resumed: (d) => ({
    subject: `${SUBJECT_PREFIX}取引停止解除のお知らせ`,
    text: body(d.customerName, [
      "お客様のお申し出により、本人確認のうえ、お客様の口座の取引停止を解除しました。本日よりお取引をご利用いただけます。",
      "",
      `解除日時: ${formatJst(d.at)}`,
      "",
      "不正利用のおそれがある場合は、ログインパスワードと執行パスワードを変更してください。",
      `お心当たりのない場合は、至急お客様サポートセンター（${d.supportPhone}）までお電話でご連絡ください。`,
    ]),
  }),
};

export function renderMail<T extends MailType>(type: T, data: MailData[T]): RenderedMail {
  return templates[type](data);
}
