#!/usr/bin/env node
// Playwright cannot download browsers on these machines: use Debian's Chromium, and the
// Noto CJK fonts the Japanese screens (and the visual baselines) are rendered with.
// Installs what is missing with apt when running as root; otherwise says what to install.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const missing = [
  ...(existsSync(chromium) || process.env.CHROMIUM_PATH ? [] : ["chromium"]),
  ...(existsSync(font) ? [] : ["fonts-noto-cjk"]),
];
if (process.env.CHROMIUM_PATH && !existsSync(chromium)) {
  console.error(`Chromium not found at CHROMIUM_PATH=${chromium}.`);
  process.exit(1);
}
if (missing.length === 0) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (!isRoot || !existsSync("/usr/bin/apt-get")) {
  console.error(
    `Missing for the browser tests: ${missing.join(", ")}.\nInstall with: apt-get install -y ${missing.join(" ")}`,
  );
  process.exit(1);
}
console.log(`Installing ${missing.join(", ")} with apt-get (takes a minute or two)…`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { stdio: "inherit", env });
if (!existsSync(chromium) || !existsSync(font)) {
  console.error("apt-get finished but Chromium or the Noto CJK fonts are still missing.");
  process.exit(1);
}
