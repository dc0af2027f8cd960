import { defineCatalog } from "../../../lib/i18n/catalog.ts";

/** The 口座管理 route files' own words (headings, instructions, confirmations, completions). */
export const accountRoutesCatalog = defineCatalog("account", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
