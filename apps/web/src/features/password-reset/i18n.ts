import { defineCatalog } from "../../lib/i18n/catalog.ts";
// Its forms (birth date, the new password and its rules) word the contracts' field messages.
import "../../lib/i18n/forms-catalog.ts";

/** ログインパスワードの再設定: the forms of its three steps. */
export const passwordResetCatalog = defineCatalog("passwordReset", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
