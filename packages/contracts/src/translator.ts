import { type I18n, type Messages, setupI18n } from "@lingui/core";
import { compileMessage } from "@lingui/message-utils/compileMessage";
import { defaultLocale, type Locale, locales } from "./locale.ts";
import browserEn from "./locales/browser/en.json" with { type: "json" };
import browserJa from "./locales/browser/ja.json" with { type: "json" };
import formsEn from "./locales/forms/en.json" with { type: "json" };
import formsJa from "./locales/forms/ja.json" with { type: "json" };
import serverEn from "./locales/server/en.json" with { type: "json" };
import serverJa from "./locales/server/ja.json" with { type: "json" };
import { type MessageValues, renderMessageRef } from "./message-ref.ts";

/**
 * Server-side messages (core and the BFF): error bodies, field errors and mails in the
 * reader's language. Catalogues are ICU MessageFormat; servers compile them as they load
 * (the SPA gets them precompiled by @lingui/vite-plugin instead).
 */
export type Catalogue = Record<string, string>;

export interface Translator {
  t(locale: Locale, id: string, values?: MessageValues): string;
  /** A zod message (an id, or an id with values: see message-ref.ts) in `locale`. */
  ref(locale: Locale, ref: string): string;
  has(id: string): boolean;
}

export function createTranslator(catalogues: Record<Locale, Catalogue>[]): Translator {
  const byLocale = new Map<Locale, I18n>();
  for (const locale of locales) {
    const i18n = setupI18n();
    i18n.setMessagesCompiler(compileMessage);
    const messages: Messages = {};
    for (const catalogue of catalogues) Object.assign(messages, catalogue[locale]);
    i18n.loadAndActivate({ locale, messages });
    byLocale.set(locale, i18n);
  }
  const known = new Set(catalogues.flatMap((c) => Object.keys(c[defaultLocale])));
  const t = (locale: Locale, id: string, values?: MessageValues) =>
    (byLocale.get(locale) ?? (byLocale.get(defaultLocale) as I18n))._(id, values);
  return {
    t,
    ref: (locale, ref) => renderMessageRef(ref, (id, values) => t(locale, id, values)),
    has: (id) => known.has(id),
  };
}

/**
 * The contracts' catalogues: error codes (`errors.*`), field messages and names. `browser/`
 * holds what the SPA may have to say on any page (ログイン's field messages, the shared
 * message templates, errors it meets with no answer to read, e.g. when the BFF cannot be
 * reached);
 * `forms/` the field messages of every other form (the SPA loads them with the member layout
 * and the password reset, not on ログイン); `server/` the rest, which only ever reaches a
 * browser inside an error body.
 */
export const contractsCatalogues: Record<Locale, Catalogue>[] = [
  { ja: browserJa, en: browserEn },
  { ja: formsJa, en: formsEn },
  { ja: serverJa, en: serverEn },
];

export const contractsTranslator = createTranslator(contractsCatalogues);
