#!/usr/bin/env node
// No production source file over 400 lines (issue 13): a file that long holds more than one
// responsibility. Counts the .ts/.tsx files under apps/*/src and packages/*/src; tests,
// stories and the test-support folders (src/test/, src/testing/) are not production code.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const MAX_LINES = 400;

const isSource = (path) =>
  /\.tsx?$/.test(path) &&
  !/\.(test|stories|spec)\.tsx?$/.test(path) &&
  !/(^|\/)(test|testing)\//.test(path) &&
  !/(^|\/)node_modules\//.test(path);

const roots = ["apps", "packages"].flatMap((dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(dir, d.name, "src")),
);

const failures = [];
for (const root of roots) {
  let entries;
  try {
    entries = readdirSync(root, { recursive: true });
  } catch {
    continue; // a workspace without src/
  }
  for (const entry of entries) {
    const rel = join(root, entry).split("\\").join("/");
    if (!isSource(rel.slice(root.length + 1))) continue;
    const text = readFileSync(rel, "utf8");
    const lines = text.endsWith("\n") ? text.split("\n").length - 1 : text.split("\n").length;
    if (lines > MAX_LINES) failures.push(`${rel}: ${lines} lines`);
  }
}

if (failures.length > 0) {
  console.error(`Production source files over ${MAX_LINES} lines (split them by responsibility):`);
  for (const f of failures) console.error(`  ${f}`);
  process.exit(1);
}
console.log(`✔ no production source file over ${MAX_LINES} lines`);
