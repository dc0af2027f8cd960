import type { Locale } from "@kakunin/contracts/locale";
import { formatJstDateTime } from "@kakunin/format/jst";

const englishYen = new Intl.NumberFormat("en-US", { style: "currency", currency: "JPY" });

/**
 * When things happened, in JST: "2026/11/25 16:04:05 (日本時間)" in Japanese,
 * "Nov 25, 2026, 16:04:05 JST" in English.
 */
export function formatJst(at: Date, locale: Locale = "ja"): string {
  // English states JST itself: an international customer reads the mail in another time zone.
  if (locale === "en") return formatJstDateTime(at, "en");
  return `${formatJstDateTime(at)} (日本時間)`;
}

/** "1,000,000円" in Japanese, "¥1,000,000" in English. */
export function formatYen(amount: number, locale: Locale = "ja"): string {
  if (locale === "en") return englishYen.format(amount);
  return `${amount.toLocaleString("ja-JP")}円`;
}

/** "t***@example.jp": enough for the customer to recognise, useless to a reader of the mail. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

/** "****567": the last 3 digits of an account number only. */
export function maskAccountNumber(number: string): string {
  return `${"*".repeat(Math.max(number.length - 3, 4))}${number.slice(-3)}`;
}
