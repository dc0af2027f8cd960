import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** ログイン中の端末: the sessions table and its confirmation dialog. */
export const sessionsCatalog = defineCatalog("sessions", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
