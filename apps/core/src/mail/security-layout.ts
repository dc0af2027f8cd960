import type { ClientContext } from "@kakunin/contracts/core-api";
import { BROWSER_MAP, parse } from "bowser";
import { formatJst } from "./format.ts";

/** お客様サポートセンター as every mail names it (issue 17): SUPPORT_PHONE and SUPPORT_HOURS. */
export interface SupportContact {
  phone: string;
  hours: string;
}

/**
 * Where a security change came from: the customer's client (IP address and User-Agent, as the
 * BFF passed them), or an operator acting on the customer's request (unlock, approval, 解除).
 */
export type MailOrigin = ClientContext | "operator";

// bowser's last rule guesses a name for any agent (e.g. "Mozilla" from a bare
// "Mozilla/5.0 (Windows NT 10.0)"): only browsers it knows are named, the rest stay unknown.
const knownBrowsers: ReadonlySet<string> = new Set(Object.values(BROWSER_MAP));

/**
 * 「Chrome 131 / Windows 10」 from a User-Agent, by bowser (as the BFF's ログイン中の端末 does):
 * the raw header tells a customer nothing. Only the browser's major version is shown; null
 * when neither browser nor system is recognised.
 */
export function describeUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const { browser, os } = parse(userAgent);
  const name = browser.name && knownBrowsers.has(browser.name) ? browser.name : undefined;
  const major = name ? browser.version?.split(".")[0] : undefined;
  // Windows' marketing name ("10", "11") says more than NT's number; elsewhere the version does.
  const osVersion = os.name === "Windows" ? (os.versionName ?? os.version) : os.version;
  const browserText = [name, major].filter(Boolean).join(" ");
  const osText = [os.name, osVersion].filter(Boolean).join(" ");
  if (!browserText && !osText) return null;
  return `${browserText || "不明なブラウザ"} / ${osText || "不明なOS"}`;
}

/** The 操作元 lines: the IP address and the readable browser / OS, or the operator. */
export function originLines(origin: MailOrigin): string[] {
  if (origin === "operator") return ["弊社担当者（お客様のお申し出による手続き）"];
  return [
    `IPアドレス: ${origin.ipAddress ?? "不明"}`,
    `ブラウザ / OS: ${describeUserAgent(origin.userAgent) ?? "不明"}`,
  ];
}

/** 「お客様サポートセンター（電話 0120-000-000、受付時間 平日 8:30〜17:00）」 */
export const supportCenter = (contact: SupportContact) =>
  `お客様サポートセンター（電話 ${contact.phone}、受付時間 ${contact.hours}）`;

/** One always-on security mail (R38) as the layout needs it. */
export interface SecurityNotice {
  /** The opening sentence(s): what happened, in the customer's words. */
  lead: string[];
  /** 「変更内容」: what changed, one item a line (e.g. 「ログインパスワード」, 「新しい出金先: …」). */
  changes: string[];
  at: Date;
  origin: MailOrigin;
  /** What the customer does next when it was them (e.g. how a lock is lifted); optional. */
  next?: string[];
  /**
   * Whether 「お心当たりがない場合」 suggests 取引停止 from the menu; false where it makes no
   * sense (the stop itself) or cannot help (the customer cannot log in).
   */
  suggestStop?: boolean;
}

/**
 * The one layout of every always-on security mail (R38): what changed, when (JST), from where,
 * and what to do if it was not the customer — call the support number; never a link (R34).
 * Exported for every security mail, including ones added elsewhere (e.g. 新しい端末からのログイン).
 */
export function securityLines(notice: SecurityNotice, contact: SupportContact): string[] {
  return [
    ...notice.lead,
    "",
    "■ 変更内容",
    ...notice.changes,
    "",
    "■ 日時",
    formatJst(notice.at),
    "",
    "■ 操作元",
    ...originLines(notice.origin),
    ...(notice.next ? ["", ...notice.next] : []),
    "",
    "■ お心当たりがない場合",
    `第三者がお客様の口座を不正に操作しているおそれがあります。至急${supportCenter(contact)}までお電話でご連絡ください。`,
    ...(notice.suggestStop === false
      ? []
      : ["ご注文と出金をすぐに止めるには、ログイン後のメニュー「口座管理」の「取引停止」から停止してください。"]),
  ];
}
