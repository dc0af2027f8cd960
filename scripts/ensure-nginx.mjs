#!/usr/bin/env node
// The cluster mode (npm run start:cluster, npm run test:e2e:cluster) balances with Debian's nginx,
// not a proxy of our own (issue 18). Like e2e/ensure-chromium.mjs: installs it with apt when it
// is missing and this runs as root; otherwise says what to install. NGINX_PATH points elsewhere.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const { NGINX_PATH: custom } = process.env;
export const nginxPath = custom || "/usr/sbin/nginx";

export function ensureNginx() {
  if (existsSync(nginxPath)) return nginxPath;
  if (custom) throw new Error(`nginx not found at NGINX_PATH=${nginxPath}.`);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    throw new Error("nginx is missing for the cluster mode.\nInstall with: apt-get install -y nginx-light (or nginx)");
  }
  console.log("Installing nginx with apt-get (takes a minute)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  // The package's own service (port 80) is not what the cluster uses: it starts nginx itself,
  // unprivileged, with a config of its own.
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "nginx"], { stdio: "inherit", env });
  if (!existsSync(nginxPath)) throw new Error("apt-get finished but nginx is still missing.");
  return nginxPath;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureNginx();
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
