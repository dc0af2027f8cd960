import { defineCatalog } from "../../lib/i18n/catalog.ts";

/** The step-up confirmation: each method's input and instructions, resend, tries left, the lock. */
export const stepUpCatalog = defineCatalog("step-up", {
  ja: () => import("./locales/ja.json?lingui"),
  en: () => import("./locales/en.json?lingui"),
});
