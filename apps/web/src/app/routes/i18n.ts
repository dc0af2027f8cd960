import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** The public screens and 会員トップ: ログイン, password reset, 404. */
export const routesCatalog = defineCatalog("routes", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
