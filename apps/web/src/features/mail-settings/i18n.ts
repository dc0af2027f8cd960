import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** メールサービス配信設定: the mail types, their states and the change form. */
export const mailSettingsCatalog = defineCatalog("mailSettings", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
