import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** 執行パスワード変更, ログインパスワード変更, the password checklist, the lock and schedule alerts. */
export const credentialsCatalog = defineCatalog("credentials", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
