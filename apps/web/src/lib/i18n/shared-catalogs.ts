import { defineCatalog } from "./catalog.ts";

/**
 * The contracts' browser catalogue: the shared schemas' field messages (`validation.*`,
 * `fields.*`) and the errors the SPA may raise itself (`errors.*`), the same text core and the
 * BFF send. Other errors arrive already worded, in the body the BFF sends.
 */
export const contractsCatalog = defineCatalog("contracts", {
  ja: () => import("@kakunin/contracts/locales/browser/ja.json?lingui"),
  en: () => import("@kakunin/contracts/locales/browser/en.json?lingui"),
});

/** packages/ui's own words (本文へ移動, 手続きの流れ…): the kit reads them from Lingui's `i18n`. */
export const uiCatalog = defineCatalog("ui", {
  ja: () => import("@kakunin/ui/locales/ja.json?lingui"),
  en: () => import("@kakunin/ui/locales/en.json?lingui"),
});
