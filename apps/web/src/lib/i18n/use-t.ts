import type { Locale } from "@kakunin/contracts/locale";
import type { MessageValues } from "@kakunin/contracts/message-ref";
import { renderMessageRef } from "@kakunin/contracts/message-ref";
import { i18n } from "@lingui/core";
import { use, useSyncExternalStore } from "react";
import { type Catalog, currentLocale, ensureCatalog } from "./catalog.ts";

export type Translate = (id: string, values?: MessageValues) => string;

/** Outside React (formatters, the API client's own messages): the current language. */
export const translate: Translate = (id, values) => i18n._(id, values);

/** A zod message (an id, maybe with values) in the current language. */
export function translateRef(ref: string): string {
  return renderMessageRef(ref, translate);
}

/**
 * The translator for a component, re-rendered when the language changes. Naming the catalogue
 * makes the component suspend (once) where its catalogue has not arrived yet, e.g. in a story
 * rendered on its own; on screens the route has already awaited it.
 */
const subscribe = (onChange: () => void) => i18n.on("change", onChange);
const activeLocale = () => (i18n.locale || currentLocale()) as Locale;

export function useT(...needs: Catalog[]): { t: Translate; tRef: (ref: string) => string; locale: Locale } {
  // Lingui's i18n is one object for the whole page; subscribing to it directly spares every
  // test and story a provider (and the SPA @lingui/react).
  const locale = useSyncExternalStore(subscribe, activeLocale, activeLocale);
  for (const catalog of needs) {
    const load = ensureCatalog(catalog, locale);
    if (load.status !== "fulfilled") use(load as Promise<void>);
  }
  const t: Translate = (id, values) => i18n._(id, values);
  return { t, tRef: (ref) => renderMessageRef(ref, t), locale };
}
