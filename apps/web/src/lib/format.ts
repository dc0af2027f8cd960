import { formatJstDateTime as formatJstMoment } from "@kakunin/format/jst";

/** ISO 8601 → "2026/11/25 16:04:05" in Japan time, whatever the browser's time zone. */
export function formatJstDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatJstMoment(date);
}

const jstDateParts = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  weekday: "short",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

function jstParts(iso: string): Record<string, string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(jstDateParts.formatToParts(date).map((part) => [part.type, part.value]));
}

/** ISO 8601 → "2022年8月22日（月）" in Japan time, as dates are written in notices. */
export function formatJstDate(iso: string): string {
  const parts = jstParts(iso);
  if (!parts) return iso;
  return `${parts.year}年${parts.month}月${parts.day}日（${parts.weekday}）`;
}

/** ISO 8601 → "2022年8月22日" in Japan time, for a date inside a sentence（…）. */
export function formatJstDay(iso: string): string {
  const parts = jstParts(iso);
  if (!parts) return iso;
  return `${parts.year}年${parts.month}月${parts.day}日`;
}

/** ISO 8601 → "2022年9月18日（日）18時" (or "…18時30分") in Japan time. */
export function formatJstDateHour(iso: string): string {
  const parts = jstParts(iso);
  if (!parts) return iso;
  const minute = Number(parts.minute);
  return `${formatJstDate(iso)}${Number(parts.hour)}時${minute === 0 ? "" : `${minute}分`}`;
}

/**
 * A calendar date as sent by the API ("1980-01-15", no time zone: a birth date or an
 * application date is the same day everywhere) → "1980年1月15日".
 */
export function formatCalendarDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${Number(year)}年${Number(month)}月${Number(day)}日`;
}

const yenNumber = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 0 });

/** An amount of yen → "1,000,000円", as amounts are written on the broker's screens. */
export function formatYen(amount: number): string {
  return `${yenNumber.format(amount)}円`;
}

const priceNumber = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 2 });

/** A unit price (株価, 基準価額) → "1,234.5円": prices may carry fractions of a yen. */
export function formatPrice(price: number): string {
  return `${priceNumber.format(price)}円`;
}

const countNumber = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 0 });

/** A count of shares or units → "1,000" (the caller adds 株 or 口). */
export function formatCount(count: number): string {
  return countNumber.format(count);
}
