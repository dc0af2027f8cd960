import type { Locale } from "@kakunin/contracts/locale";
import { i18n, type Messages } from "@lingui/core";

/**
 * Message catalogues, one per feature (and a few shared ones), each loaded per language only
 * when a module that needs it is first evaluated (decision 019). A catalogue file is JSON of
 * ICU messages; @lingui/vite-plugin compiles it at build time (`?lingui`), so the browser gets
 * no message parser.
 */
type CatalogModule = { messages: Messages };
export type CatalogLoaders = Record<Locale, () => Promise<CatalogModule>>;

export interface Catalog {
  readonly name: string;
  readonly loaders: CatalogLoaders;
}

// A promise React's `use` can read without suspending once it has settled.
type Tracked = Promise<void> & { status?: "pending" | "fulfilled" | "rejected" };

const catalogs = new Set<Catalog>();
const loads = new Map<Catalog, Map<Locale, Tracked>>();
/** Unset until the language is known (bootstrap); catalogues defined before it wait for it. */
let chosen: Locale | undefined;

export function ensureCatalog(catalog: Catalog, locale: Locale): Tracked {
  let perLocale = loads.get(catalog);
  if (!perLocale) {
    perLocale = new Map();
    loads.set(catalog, perLocale);
  }
  let load = perLocale.get(locale);
  if (!load) {
    const tracked: Tracked = catalog.loaders[locale]().then(({ messages }) => {
      i18n.load(locale, messages);
    });
    tracked.status = "pending";
    tracked.then(
      () => {
        tracked.status = "fulfilled";
      },
      () => {
        tracked.status = "rejected";
        // A failed download (offline) is tried again next time rather than remembered.
        perLocale.delete(locale);
      },
    );
    perLocale.set(locale, tracked);
    load = tracked;
  }
  return load;
}

/**
 * Declares a catalogue. Called at the top of a feature's `i18n.ts`, so the download starts as
 * soon as a screen that needs it is evaluated, side by side with React rendering it.
 */
export function defineCatalog(name: string, loaders: CatalogLoaders): Catalog {
  const catalog: Catalog = { name, loaders };
  catalogs.add(catalog);
  if (chosen) void ensureCatalog(catalog, chosen).catch(() => undefined);
  return catalog;
}

/** Every catalogue declared so far, loaded in the current language (a lazy route awaits this). */
export function catalogsReady(): Promise<unknown> {
  const locale = chosen;
  if (!locale) return Promise.resolve();
  return Promise.all([...catalogs].map((catalog) => ensureCatalog(catalog, locale)));
}

/**
 * Switches the language: every catalogue declared so far is loaded in it first, so no screen
 * shows an id or falls back to a spinner on the switch; then Lingui re-renders its readers.
 */
export async function activateLocale(locale: Locale): Promise<void> {
  // A lazy chunk evaluated while these download (the first screen's, during the bootstrap)
  // declares catalogues this pass did not name; until `chosen` is set nothing else loads them,
  // so go round again until no new one appeared. Catalogues are only ever added.
  let named: number;
  do {
    named = catalogs.size;
    await Promise.all([...catalogs].map((catalog) => ensureCatalog(catalog, locale)));
  } while (catalogs.size !== named);
  chosen = locale;
  i18n.activate(locale);
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}

export function currentLocale(): Locale {
  return chosen ?? "ja";
}
