import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** パスキー設定: the list, the name form, registration and its failures. */
export const passkeysCatalog = defineCatalog("passkeys", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
