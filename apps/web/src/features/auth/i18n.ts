import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** ログイン (password, passkey, a new device's 認証コード) and the 自動ログアウト warning. */
export const authCatalog = defineCatalog("auth", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
