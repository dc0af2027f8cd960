import type { ClientContext } from "@kakunin/contracts/core-api";
import type { Locale } from "@kakunin/contracts/locale";
import { BROWSER_MAP, parse } from "bowser";
import { type MailContext, mailTranslator } from "./i18n.ts";

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
export function describeUserAgent(userAgent: string | null, locale: Locale = "ja"): string | null {
  if (!userAgent) return null;
  const { browser, os } = parse(userAgent);
  const name = browser.name && knownBrowsers.has(browser.name) ? browser.name : undefined;
  const major = name ? browser.version?.split(".")[0] : undefined;
  // Windows' marketing name ("10", "11") says more than NT's number; elsewhere the version does.
  const osVersion = os.name === "Windows" ? (os.versionName ?? os.version) : os.version;
  const browserText = [name, major].filter(Boolean).join(" ");
  const osText = [os.name, osVersion].filter(Boolean).join(" ");
  if (!browserText && !osText) return null;
  const t = (id: string) => mailTranslator.t(locale, id);
  return `${browserText || t("mail.origin.unknownBrowser")} / ${osText || t("mail.origin.unknownOs")}`;
}

/** The 操作元 lines: the IP address and the readable browser / OS, or the operator. */
export function originLines(c: MailContext, origin: MailOrigin): string[] {
  if (origin === "operator") return [c.t("mail.origin.operator")];
  const unknown = c.t("mail.origin.unknown");
  return [
    c.t("mail.origin.ipAddress", { ipAddress: origin.ipAddress ?? unknown }),
    c.t("mail.origin.browser", { browser: describeUserAgent(origin.userAgent, c.locale) ?? unknown }),
  ];
}

/** One always-on security mail (R38) as the layout needs it, its lines worded in the mail's language. */
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
export function securityLines(c: MailContext, notice: SecurityNotice): string[] {
  return [
    ...notice.lead,
    "",
    c.t("mail.security.changes"),
    ...notice.changes,
    "",
    c.t("mail.security.at"),
    c.at(notice.at),
    "",
    c.t("mail.security.origin"),
    ...originLines(c, notice.origin),
    ...(notice.next ? ["", ...notice.next] : []),
    "",
    c.t("mail.security.notYou"),
    c.t("mail.security.callNow", { supportCenter: c.supportCenter }),
    ...(notice.suggestStop === false ? [] : [c.t("mail.security.suggestStop")]),
  ];
}
