// Japan time as the broker writes it, on the screens (web) and in the mails (core) alike.

// One formatter instance: constructing Intl formatters is comparatively expensive.
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

/** A moment → "2026/11/25 16:04:05" in Japan time, whatever the machine's or browser's time zone. */
export function formatJstDateTime(at: Date): string {
  const parts = Object.fromEntries(jstDateTime.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A moment → "16:04:05" in Japan time: for a time later the same day (e.g. when a code may be resent). */
export function formatJstTime(at: Date): string {
  return formatJstDateTime(at).slice(11);
}
