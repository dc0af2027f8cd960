import { type Locale, locales } from "@kakunin/contracts/locale";
import { useT } from "../../../lib/i18n/use-t.ts";
import { useUpdateLocale } from "../api/update-locale.ts";

/** Each language is named in itself, so a reader of either finds theirs. */
const names: Record<Locale, string> = { ja: "日本語", en: "English" };

/**
 * 日本語 / English on every page (R36). Links-like buttons: the current one is marked with
 * aria-current; the group's name is in both languages, as a reader may know only one.
 */
export function LanguageSwitch() {
  const { locale: shown } = useT();
  const update = useUpdateLocale();
  const current = update.isPending ? update.variables : shown;
  return (
    <fieldset className="kk-language-switch">
      <legend className="kk-visually-hidden">言語 / Language</legend>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="kk-language-switch__option"
          aria-pressed={locale === current}
          onClick={() => {
            if (locale !== shown) update.mutate(locale);
          }}
        >
          {names[locale]}
        </button>
      ))}
    </fieldset>
  );
}
