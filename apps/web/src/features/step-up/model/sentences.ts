import type { Locale } from "@kakunin/contracts/locale";
import { currentLocale } from "../../../lib/i18n/catalog.ts";

/**
 * Sentences said one after another in one paragraph or alert: Japanese runs them together
 * (its full stop is wide), English needs a space between them.
 */
export function joinSentences(parts: readonly (string | undefined)[], locale: Locale = currentLocale()): string {
  return parts.filter((part): part is string => part !== undefined && part !== "").join(locale === "ja" ? "" : " ");
}
