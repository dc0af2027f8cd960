import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** 出金 and 出金先口座: the amount form, its confirmation and receipt, the history, destination changes. */
export const withdrawalsCatalog = defineCatalog("withdrawals", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
