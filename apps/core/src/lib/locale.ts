import { defaultLocale, type Locale, locales, toLocale } from "@kakunin/contracts/locale";
import { languageDetector } from "hono/language";

/**
 * The reader's language (R36) for core's error bodies and field errors: the BFF forwards the
 * browser's language as `Accept-Language`; anything else (an operator's tool, no header) gets
 * Japanese. Core never sets a cookie: it only answers the BFF.
 */
export const detectLocale = languageDetector({
  order: ["header"],
  supportedLanguages: [...locales],
  fallbackLanguage: defaultLocale,
  caches: false,
});

/** The language `detectLocale` found; Japanese where it did not run (e.g. an error before it). */
export function localeOf(c: { get(key: "language"): string | undefined }): Locale {
  return toLocale(c.get("language"));
}
