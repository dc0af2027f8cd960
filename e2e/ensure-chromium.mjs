#!/usr/bin/env node
// Playwright cannot download browsers on these machines: use Debian's Chromium.
// Installs it with apt when missing and running as root; otherwise says what to install.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (process.env.CHROMIUM_PATH || !isRoot || !existsSync("/usr/bin/apt-get")) {
  console.error(
    `Chromium not found at ${path}.\n` +
      "Install Debian's Chromium (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.",
  );
  process.exit(1);
}
console.log("Chromium missing: installing Debian's chromium with apt-get (takes a minute or two)…");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-noto-cjk"], {
  stdio: "inherit",
  env,
});
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing.`);
  process.exit(1);
}
