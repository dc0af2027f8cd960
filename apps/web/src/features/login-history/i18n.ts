import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** ログイン履歴 and 前回ログイン. */
export const loginHistoryCatalog = defineCatalog("loginHistory", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
