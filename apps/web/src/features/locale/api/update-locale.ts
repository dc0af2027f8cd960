import { type Locale, type LocaleBody, localeBodySchema } from "@kakunin/contracts/locale";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client.ts";
import { activateLocale } from "../../../lib/i18n/catalog.ts";

/**
 * Chooses the language: the BFF sets the language cookie and, when a customer is logged in,
 * stores it as their preference in core (mails follow it). The screen switches as soon as its
 * catalogues are here, whether or not the BFF could be reached: the choice is the customer's.
 */
export function updateLocale(locale: Locale): Promise<LocaleBody> {
  return apiRequest("/api/locale", localeBodySchema, { method: "PUT", body: { locale } });
}

export function useUpdateLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      const saved = updateLocale(locale);
      await activateLocale(locale);
      return saved;
    },
    // What the servers worded (notices, the session's language, errors in cached answers) is
    // fetched again in the new language; every query, as any of them may carry such text.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
