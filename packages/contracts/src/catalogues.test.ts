import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { errorCodes } from "./errors.ts";
import { locales } from "./locale.ts";

/**
 * Every message catalogue of the repository (R36, decision 019): both languages hold the same
 * ids with the same placeholders, every id written in the code exists, and every id exists
 * because something uses it.
 */
const root = new URL("../../../", import.meta.url).pathname;
const sourceRoots = ["apps/web/src", "apps/web/.storybook", "apps/bff/src", "apps/core/src", "packages"];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || (name.startsWith(".") && name !== ".storybook")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const files = sourceRoots.flatMap((dir) => walk(join(root, dir)));
const catalogueFiles = files.filter((f) => /\/locales\/(?:.*\/)?ja\.json$/.test(f));
const isTest = (f: string) => /\.(test|spec|stories)\.tsx?$/.test(f) || f.includes("/testing/") || f.includes("/test/");
const sources = files.filter((f) => /\.tsx?$/.test(f) && !isTest(f) && !f.endsWith(".d.ts"));

type Catalogue = Record<string, string>;
const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Catalogue;
const catalogues = catalogueFiles.map((ja) => ({
  name: relative(root, ja).replace(/\/ja\.json$/, ""),
  byLocale: Object.fromEntries(locales.map((l) => [l, read(ja.replace(/ja\.json$/, `${l}.json`))])) as Record<
    string,
    Catalogue
  >,
}));
const allIds = new Set(catalogues.flatMap((c) => Object.keys(c.byLocale.ja ?? {})));
const namespaces = new Set([...allIds].map((id) => id.split(".")[0]));

/** Top-level ICU argument names: `{amount}`, `{count, plural, …}`. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1] as string).sort();
}

const sourceText = sources.map((f) => ({ file: relative(root, f), text: readFileSync(f, "utf8") }));
/** Every string literal in the code that names a message id of a known catalogue (a ref's values too). */
const idLiterals = sourceText.flatMap(({ file, text }) =>
  [...text.matchAll(/["'`]([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+(?:\?[^"'`\s]*)?)["'`]/g)].flatMap((m) => {
    const [id, query] = (m[1] as string).split("?");
    const ids = [id as string, ...[...new URLSearchParams(query ?? "").values()]];
    return ids
      .filter((candidate) => namespaces.has(candidate.split(".")[0]) && !/\.(tsx?|json|css|md)$/.test(candidate))
      .map((candidate) => ({ file, id: candidate }));
  }),
);
const allSource = sourceText.map((s) => s.text).join("\n");

describe("message catalogues", () => {
  it("are found", () => {
    expect(catalogues.length).toBeGreaterThan(3);
  });

  for (const catalogue of catalogues) {
    it(`${catalogue.name}: both languages hold the same ids with the same placeholders`, () => {
      const ja = catalogue.byLocale.ja ?? {};
      for (const locale of locales) {
        const other = catalogue.byLocale[locale] ?? {};
        expect(Object.keys(other).sort(), `${locale}.json ids`).toEqual(Object.keys(ja).sort());
        for (const [id, message] of Object.entries(other)) {
          expect(message.trim(), `${locale} ${id} is empty`).not.toBe("");
          expect(placeholders(message), `${locale} ${id} placeholders`).toEqual(placeholders(ja[id] ?? ""));
          // An English message is English: a copy of the Japanese left untranslated has no Latin letter.
          if (locale === "en" && /[A-Za-z]/.test(ja[id] ?? "") === false && /^[\d\s\p{P}]*$/u.test(message) === false) {
            expect(message, `en ${id} is not translated`).toMatch(/[A-Za-z]/);
          }
        }
      }
    });
  }

  it("hold every id the code names", () => {
    const missing = idLiterals.filter(({ id }) => !allIds.has(id)).map(({ file, id }) => `${file}: ${id}`);
    expect(missing).toEqual([]);
  });

  it("hold no id that nothing uses", () => {
    const dynamic = (id: string) =>
      // `screens.<ScreenKey>` is read from the screens table, `errors.<code>` from an error code.
      (id.startsWith("screens.") && allSource.includes(`${id.slice("screens.".length)}:`)) ||
      (id.startsWith("errors.") && (errorCodes as readonly string[]).includes(id.slice("errors.".length)));
    const unused = [...allIds].filter((id) => !dynamic(id) && !usedLiterally(id));
    expect(unused).toEqual([]);
  });

  it("cover every error code", () => {
    const missing = errorCodes.filter((code) => !allIds.has(`errors.${code}`));
    expect(missing).toEqual([]);
  });
});

function usedLiterally(id: string): boolean {
  return idLiterals.some((literal) => literal.id === id);
}
