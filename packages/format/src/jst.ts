// Japan time as the broker writes it, on the screens (web) and in the mails (core) alike, in
// Japanese (the default) or English (R36). English states the time zone: its reader may be
// anywhere, and Japanese readers take Japan time for granted.

/** The languages these formatters write; the same as @kakunin/contracts' Locale. */
export type FormatLocale = "ja" | "en";

// One formatter instance per language: constructing Intl formatters is comparatively expensive.
const jstDateTime = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

// Made on first use: a Japanese page or mail never needs them.
let englishDateTime: Intl.DateTimeFormat | undefined;
let englishTime: Intl.DateTimeFormat | undefined;

function english(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Tokyo", hourCycle: "h23", ...options });
}

/**
 * A moment in Japan time, whatever the machine's or browser's time zone:
 * "2026/11/25 16:04:05" in Japanese, "Nov 25, 2026, 16:04:05 JST" in English.
 */
export function formatJstDateTime(at: Date, locale: FormatLocale = "ja"): string {
  if (locale === "en") {
    englishDateTime ??= english({
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    return `${englishDateTime.format(at)} JST`;
  }
  const parts = Object.fromEntries(jstDateTime.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * A moment's time of day in Japan time, for a time later the same day (e.g. when a code may be
 * resent): "16:04:05" in Japanese, "16:04:05 JST" in English.
 */
export function formatJstTime(at: Date, locale: FormatLocale = "ja"): string {
  if (locale === "en") {
    englishTime ??= english({ hour: "2-digit", minute: "2-digit", second: "2-digit" });
    return `${englishTime.format(at)} JST`;
  }
  return formatJstDateTime(at).slice(11);
}
