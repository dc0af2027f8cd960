import type { Locale } from "@kakunin/contracts/locale";
import { formatJstDateTime as formatJstMoment } from "@kakunin/format/jst";
import { currentLocale } from "./i18n/catalog.ts";

/**
 * Dates, times, yen and counts as the screens write them, in the page's language (R36):
 * Japanese as the broker has always written them, English as an international broker would,
 * with the time zone stated (its reader may not be in Japan). Always Japan time, whatever the
 * browser's time zone. Intl formatters are made once per language, on first use.
 */
function perLocale<T>(make: (locale: Locale) => T): () => T {
  const made = new Map<Locale, T>();
  return () => {
    const locale = currentLocale();
    let value = made.get(locale);
    if (value === undefined) {
      value = make(locale);
      made.set(locale, value);
    }
    return value;
  };
}

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** ISO 8601 → "2026/11/25 16:04:05" / "Nov 25, 2026, 16:04:05 JST". */
export function formatJstDateTime(iso: string): string {
  const date = parse(iso);
  return date ? formatJstMoment(date, currentLocale()) : iso;
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

function jstParts(date: Date): Record<string, string> {
  return Object.fromEntries(jstDateParts.formatToParts(date).map((part) => [part.type, part.value]));
}

// English dates: "Mon, Aug 22, 2022", "Aug 22, 2022", "Sun, Sep 18, 2022, 18:00 JST".
const englishDate = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "short",
    day: "numeric",
    ...options,
  });
const englishWeekdayDate = perLocale(() => englishDate({ weekday: "short" }));
const englishDay = perLocale(() => englishDate({}));
const englishDateHour = perLocale(() =>
  englishDate({ weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
);
// A calendar date has no time zone: written as the day it is (UTC keeps it from shifting).
const englishCalendarDate = perLocale(() => englishDate({ timeZone: "UTC" }));

/** ISO 8601 → "2022年8月22日（月）" (as dates are written in notices) / "Mon, Aug 22, 2022". */
export function formatJstDate(iso: string): string {
  const date = parse(iso);
  if (!date) return iso;
  if (currentLocale() === "en") return englishWeekdayDate().format(date);
  const parts = jstParts(date);
  return `${parts.year}年${parts.month}月${parts.day}日（${parts.weekday}）`;
}

/** ISO 8601 → "2022年8月22日" / "Aug 22, 2022" in Japan time, for a date inside a sentence. */
export function formatJstDay(iso: string): string {
  const date = parse(iso);
  if (!date) return iso;
  if (currentLocale() === "en") return englishDay().format(date);
  const parts = jstParts(date);
  return `${parts.year}年${parts.month}月${parts.day}日`;
}

/** ISO 8601 → "2022年9月18日（日）18時" (or "…18時30分") / "Sun, Sep 18, 2022, 18:00 JST". */
export function formatJstDateHour(iso: string): string {
  const date = parse(iso);
  if (!date) return iso;
  if (currentLocale() === "en") return `${englishDateHour().format(date)} JST`;
  const parts = jstParts(date);
  const minute = Number(parts.minute);
  return `${formatJstDate(iso)}${Number(parts.hour)}時${minute === 0 ? "" : `${minute}分`}`;
}

/**
 * A calendar date as sent by the API ("1980-01-15", no time zone: a birth date or an
 * application date is the same day everywhere) → "1980年1月15日" / "Jan 15, 1980".
 */
export function formatCalendarDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  if (currentLocale() === "en") return englishCalendarDate().format(new Date(`${isoDate}T00:00:00Z`));
  return `${Number(year)}年${Number(month)}月${Number(day)}日`;
}

// Japanese writes 円 after the number; English the ¥ sign before it, as Intl's JPY does.
const number = (locale: Locale, options: Intl.NumberFormatOptions) =>
  locale === "en"
    ? new Intl.NumberFormat("en-US", { style: "currency", currency: "JPY", minimumFractionDigits: 0, ...options })
    : new Intl.NumberFormat("ja-JP", options);
const yenNumber = perLocale((locale) => number(locale, { maximumFractionDigits: 0 }));
const priceNumber = perLocale((locale) => number(locale, { maximumFractionDigits: 2 }));
const countNumber = perLocale(
  (locale) => new Intl.NumberFormat(locale === "en" ? "en-US" : "ja-JP", { maximumFractionDigits: 0 }),
);

/** An amount of yen → "1,000,000円" (as on the broker's screens) / "¥1,000,000". */
export function formatYen(amount: number): string {
  const text = yenNumber().format(amount);
  return currentLocale() === "en" ? text : `${text}円`;
}

/** A unit price (株価, 基準価額) → "1,234.5円" / "¥1,234.5": prices may carry fractions of a yen. */
export function formatPrice(price: number): string {
  const text = priceNumber().format(price);
  return currentLocale() === "en" ? text : `${text}円`;
}

/** A count of shares or units → "1,000" (the caller adds 株 or 口, or "shares"/"units"). */
export function formatCount(count: number): string {
  return countNumber().format(count);
}
