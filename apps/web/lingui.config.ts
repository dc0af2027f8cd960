import { defineConfig } from "@lingui/conf";
import { formatter } from "@lingui/format-json";

/**
 * Catalogues for @lingui/vite-plugin (decision 019): one per feature folder, a few shared ones,
 * and the contracts' (error codes and field messages, shared with core and the BFF). Messages
 * are hand-keyed ids, not extracted, so `lingui extract` is not used; the key test
 * (src/lib/i18n/catalogues.test.ts) checks that both languages hold every id that is used.
 */
export default defineConfig({
  sourceLocale: "ja",
  locales: ["ja", "en"],
  fallbackLocales: false,
  format: formatter({ style: "minimal" }),
  catalogs: [
    { path: "<rootDir>/src/features/{name}/locales/{locale}", include: ["<rootDir>/src/features/{name}"] },
    { path: "<rootDir>/src/app/locales/{locale}", include: ["<rootDir>/src/app"] },
    { path: "<rootDir>/src/app/routes/locales/{locale}", include: ["<rootDir>/src/app/routes"] },
    // Named one by one: `{name}` would also match the route files beside these folders.
    ...["account", "trade", "withdrawal"].map((name) => ({
      path: `<rootDir>/src/app/routes/${name}/locales/{locale}`,
      include: [`<rootDir>/src/app/routes/${name}`],
    })),
    {
      path: "<rootDir>/../../packages/contracts/src/locales/browser/{locale}",
      include: ["<rootDir>/../../packages/contracts/src"],
    },
    {
      path: "<rootDir>/../../packages/contracts/src/locales/forms/{locale}",
      include: ["<rootDir>/../../packages/contracts/src"],
    },
    { path: "<rootDir>/../../packages/ui/src/locales/{locale}", include: ["<rootDir>/../../packages/ui/src"] },
  ],
});
