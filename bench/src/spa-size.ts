import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}

/**
 * Initial JavaScript per route: the entry chunk and its static imports, plus the route's
 * lazily loaded chunk and its static imports (what a first visit to that URL downloads).
 */
export async function spaInitialJs(distDir: string) {
  const manifest = JSON.parse(await readFile(`${distDir}/.vite/manifest.json`, "utf8")) as Record<
    string,
    ManifestChunk
  >;
  const gz = new Map<string, number>();
  const sizeOf = async (file: string) => {
    if (!gz.has(file)) gz.set(file, gzipSync(await readFile(`${distDir}/${file}`)).length);
    return gz.get(file) ?? 0;
  };
  const closure = (key: string, seen = new Set<string>()) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
    return seen;
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error("no entry chunk in the Vite manifest");
  const entry = closure(entryKey);
  const jsBytes = async (keys: Set<string>) => {
    let total = 0;
    for (const k of keys) {
      const file = manifest[k]?.file;
      if (file?.endsWith(".js")) total += await sizeOf(file);
    }
    return total;
  };
  const rows: { route: string; gzipBytes: number }[] = [{ route: "(entry only)", gzipBytes: await jsBytes(entry) }];
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry || !chunk.src?.includes("/routes/")) continue;
    rows.push({ route: chunk.src, gzipBytes: await jsBytes(closure(key, new Set(entry))) });
  }
  return rows;
}
