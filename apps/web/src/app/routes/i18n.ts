import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** 会員トップ and the password reset (ログイン speaks through the auth catalogue, 404 through the app one). */
export const routesCatalog = defineCatalog("routes", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
