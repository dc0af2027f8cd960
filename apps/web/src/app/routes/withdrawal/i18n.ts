import { defineCatalog } from "../../../lib/i18n/catalog.ts";

/** The 出金 and 出金申込履歴 screens' own words (the forms and tables are the withdrawals feature's). */
export const withdrawalRoutesCatalog = defineCatalog("withdrawal-routes", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
