import { activateLocale } from "../lib/i18n/catalog.ts";

// Every catalogue of the SPA, declared up front, so a component rendered on its own in a test
// finds its messages loaded (Japanese, the default) instead of suspending.
import.meta.glob(["../**/i18n.ts", "!../**/*.test.ts"], { eager: true });
await import("../lib/i18n/shared-catalogs.ts");
await activateLocale("ja");
