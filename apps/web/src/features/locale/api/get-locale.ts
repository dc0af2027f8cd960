import { type LocaleBody, localeBodySchema } from "@kakunin/contracts/locale";
import { apiRequest } from "../../../lib/api-client.ts";

/**
 * The language to show (R36): the BFF answers from the language cookie, else from the
 * browser's Accept-Language (a first visit), else Japanese. Read once, before the first render.
 */
export function getLocale({ signal }: { signal?: AbortSignal } = {}): Promise<LocaleBody> {
  return apiRequest("/api/locale", localeBodySchema, { signal });
}
