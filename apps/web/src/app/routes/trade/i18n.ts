import { defineCatalog } from "../../../lib/i18n/catalog.ts";

/** The 取引 screens' own words: steps, confirmations, completions and instructions. */
export const tradeRoutesCatalog = defineCatalog("tradeRoutes", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
