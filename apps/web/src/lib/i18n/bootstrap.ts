import { defaultLocale, type Locale, toLocale } from "@kakunin/contracts/locale";
import { activateLocale } from "./catalog.ts";

/**
 * Picks the first language before anything renders: what the BFF says (the cookie, else
 * Accept-Language), or Japanese when it cannot be asked; the page still works offline.
 */
export async function bootstrapLocale(ask: () => Promise<{ locale: Locale }>): Promise<Locale> {
  const locale = await ask().then(
    (answer) => toLocale(answer.locale),
    () => defaultLocale,
  );
  await activateLocale(locale).catch(() => activateLocale(defaultLocale));
  return locale;
}
