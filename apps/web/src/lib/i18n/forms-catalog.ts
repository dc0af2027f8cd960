import { defineCatalog } from "./catalog.ts";

/**
 * The contracts' field messages of every form but ログイン's (`validation.*`, `fields.*`, the
 * password rules). Declared by the member layout and by the password reset, the screens that
 * have those forms, so ログイン does not download them.
 */
export const formsCatalog = defineCatalog("forms", {
  ja: () => import("@kakunin/contracts/locales/forms/ja.json?lingui"),
  en: () => import("@kakunin/contracts/locales/forms/en.json?lingui"),
});
