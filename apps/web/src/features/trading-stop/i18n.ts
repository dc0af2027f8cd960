import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** 取引停止: the alert shown while trading is stopped. */
export const tradingStopCatalog = defineCatalog("tradingStop", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
