import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const readme = fileURLToPath(new URL("../README.md", import.meta.url));

/**
 * The variables the README's configuration table lists under `### {heading}` (a row's first
 * cell may name two, `A` / `B`). The apps' env tests compare them with their env schemas, so
 * the documentation cannot drift from the code (issue 17).
 */
export function readmeConfigVariables(heading: string): string[] {
  const text = readFileSync(readme, "utf8");
  const start = text.indexOf(`\n### ${heading}`);
  if (start < 0) throw new Error(`README has no "### ${heading}" section`);
  const end = text.indexOf("\n#", start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...(line.split("|")[1] ?? "").matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1] ?? ""));
}
