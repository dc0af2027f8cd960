import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** 口座情報, メールアドレス登録 and 口座開設状況: the 登録情報 screens' own words. */
export const registeredInfoCatalog = defineCatalog("registeredInfo", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
