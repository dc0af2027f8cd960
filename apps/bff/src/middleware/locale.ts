import { defaultLocale, LOCALE_COOKIE, type Locale, locales, toLocale } from "@kakunin/contracts/locale";
import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import { languageDetector } from "hono/language";
import type { AppEnv } from "../lib/types.ts";

/**
 * The request's language (R36): the language cookie the customer chose, else the browser's
 * Accept-Language (a first visit), else Japanese. It words the BFF's error bodies and field
 * errors and goes to core as Accept-Language. Only `PUT /api/locale` and a login set the
 * cookie (`setLocaleCookie`); detecting never does.
 */
export const detectLocale = languageDetector({
  order: ["cookie", "header"],
  lookupCookie: LOCALE_COOKIE,
  supportedLanguages: [...locales],
  fallbackLanguage: defaultLocale,
  caches: false,
});

/** The language `detectLocale` found; Japanese where it did not run. */
export function localeOf(c: { get(key: "language"): string | undefined }): Locale {
  return toLocale(c.get("language"));
}

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Remembers the language in this browser for a year. HttpOnly: the SPA asks `GET /api/locale`.
 * Secure like the session cookie; Lax, so the language holds when the customer arrives from a
 * link in a mail.
 */
export function setLocaleCookie(c: Context<AppEnv>, locale: Locale) {
  setCookie(c, LOCALE_COOKIE, locale, {
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "Lax",
    maxAge: YEAR_SECONDS,
  });
  // This request's later steps (its answer, the calls to core) speak the new language too.
  c.set("language", locale);
}
