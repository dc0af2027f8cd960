import { defaultLocale, isLocale, type Locale } from "@kakunin/contracts/locale";
import { activateLocale } from "./catalog.ts";

/**
 * Picks the first language before anything renders: what the BFF says (the cookie, else
 * Accept-Language), or Japanese when it cannot be asked; the page still works offline.
 */
export async function bootstrapLocale(ask: () => Promise<{ locale: Locale }>): Promise<Locale> {
  const locale = await ask().then(
    (answer) => (isLocale(answer.locale) ? answer.locale : defaultLocale),
    () => defaultLocale,
  );
  await activateLocale(locale).catch(() => activateLocale(defaultLocale));
  return locale;
}
