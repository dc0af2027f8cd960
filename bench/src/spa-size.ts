import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { screens } from "../../apps/web/src/app/screens.ts";

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** A Japanese message catalogue (decision 019): loaded before the screen renders in the default language. */
const JAPANESE_CATALOGUE = /\/locales\/(?:.*\/)?ja\.json\?lingui$/;

/** Issue 16 goal 3: what a first visit may download before the screen can render. */
export const SPA_BUDGET_KIB = { login: 110, other: 140 } as const;

export interface RouteSize {
  path: string;
  title: string;
  gzipBytes: number;
  budgetKiB: number;
}

/**
 * Initial JavaScript per screen (gzip), from the Vite manifest: the entry chunk and its static
 * imports, the member layout's lazy chunk for a signed-in screen (the router loads both before
 * it renders), the screen's own lazy chunk, each with its static imports, and the Japanese
 * message catalogues those chunks load (the default language's). Shared chunks
 * count once per screen, as a first visit downloads them once.
 */
export async function spaInitialJs(distDir: string): Promise<RouteSize[]> {
  const manifest = JSON.parse(await readFile(`${distDir}/.vite/manifest.json`, "utf8")) as Record<
    string,
    ManifestChunk
  >;
  const gz = new Map<string, number>();
  const sizeOf = async (file: string) => {
    if (!gz.has(file)) gz.set(file, gzipSync(await readFile(`${distDir}/${file}`)).length);
    return gz.get(file) ?? 0;
  };
  const closure = (key: string, seen: Set<string>) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
    return seen;
  };
  const keyOf = (module: string) => {
    const key = Object.keys(manifest).find((k) => k.endsWith(`src/app/routes/${module}.tsx`));
    if (!key) throw new Error(`no chunk for routes/${module}.tsx in the Vite manifest`);
    return key;
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error("no entry chunk in the Vite manifest");

  const rows: RouteSize[] = [];
  for (const screen of Object.values(screens)) {
    const keys = closure(entryKey, new Set());
    if (screen.layout === "member") closure(keyOf("app-layout"), keys);
    closure(keyOf(screen.module), keys);
    // The screen waits for the Japanese catalogues its modules declare (the router awaits them),
    // so they are part of what a first visit downloads before the screen renders.
    for (const key of [...keys]) {
      for (const dynamic of manifest[key]?.dynamicImports ?? []) {
        if (JAPANESE_CATALOGUE.test(dynamic)) closure(dynamic, keys);
      }
    }
    let gzipBytes = 0;
    for (const key of keys) {
      const file = manifest[key]?.file;
      if (file?.endsWith(".js")) gzipBytes += await sizeOf(file);
    }
    const budgetKiB = screen.path === "/login" ? SPA_BUDGET_KIB.login : SPA_BUDGET_KIB.other;
    rows.push({ path: screen.path, title: screen.title, gzipBytes, budgetKiB });
  }
  return rows;
}
