import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** 信用取引口座開設: the application's questions, answers and the 約諾書. */
export const marginAccountsCatalog = defineCatalog("marginAccounts", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
