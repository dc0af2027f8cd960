import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** 取引's own words: order forms and summaries, 注文照会's table, 残高照会, 会員トップ's assets. */
export const tradingCatalog = defineCatalog("trading", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
