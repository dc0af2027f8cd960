import { i18n } from "@lingui/core";
import { useSyncExternalStore } from "react";

/**
 * The kit's own words (本文へ移動, 手続きの流れ…) in the page's language (R36). The kit reads
 * Lingui's page-wide `i18n`, which the app fills: it loads `src/locales/{ja,en}.json` with its
 * own catalogues before it renders, so the kit knows nothing of the app. A component re-renders
 * when the language changes.
 */
const subscribe = (onChange: () => void) => i18n.on("change", onChange);
const activeLocale = () => i18n.locale;

export function useUiText(): (id: string) => string {
  useSyncExternalStore(subscribe, activeLocale, activeLocale);
  return (id) => i18n._(id);
}
