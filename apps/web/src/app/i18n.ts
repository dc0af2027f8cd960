import { defineCatalog } from "../lib/i18n/catalog.ts";

/** The shell every page shows: screen titles, the page layout's own words, loading and error pages. */
export const appCatalog = defineCatalog("app", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
