import { formatJstDateTime } from "@kakunin/format/jst";

/** "2026/11/25 16:04:05 (日本時間)": mails state when things happened in JST. */
export function formatJst(at: Date): string {
  return `${formatJstDateTime(at)} (日本時間)`;
}

export function formatYen(amount: number): string {
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
