import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** お知らせ on 会員トップ. */
export const noticesCatalog = defineCatalog("notices", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
