import { z } from "zod";
import { messageRef } from "./message-ref.ts";

/**
 * The languages kakunin speaks (R36). Japanese is the default and keeps the notice's labels;
 * English is for international customers and staff.
 */
export const locales = ["ja", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "ja";
export const localeSchema = z.enum(locales, { error: messageRef("server.validation.locale") });

/** The cookie that carries the chosen language; the BFF sets it, and reads it before Accept-Language. */
export const LOCALE_COOKIE = "__Host-kakunin-lang";

export function isLocale(value: unknown): value is Locale {
  return (locales as readonly unknown[]).includes(value);
}

/** `value` as a language kakunin speaks; none or any other reads as Japanese, the default. */
export function toLocale(value: unknown): Locale {
  return isLocale(value) ? value : defaultLocale;
}

/** Body of `GET /api/locale` and `PUT /api/locale`. */
export const localeBodySchema = z.object({ locale: localeSchema });
export type LocaleBody = z.infer<typeof localeBodySchema>;
