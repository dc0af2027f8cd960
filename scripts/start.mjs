#!/usr/bin/env node
// Starts MailDev, core and the BFF (and Vite with --dev) in one terminal; Ctrl-C stops all.
// Process supervision is concurrently's job; this file only says what to run and
// prints where things are once they answer.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { concurrently } from "concurrently";
import { tsImport } from "tsx/esm/api";

const dev = process.argv.includes("--dev");
// Core, the BFF and the ops CLI share random development secrets (service and operator tokens,
// encryption and step-up keys) kept in .data/dev-secrets.json. Create them once here, before
// core and the BFF start side by side (their own loaders would also agree, but one writer is simpler).
if (process.env.NODE_ENV !== "production") {
  const { loadDevSecrets, defaultDevSecretsDir, DEV_SECRETS_FILE } = await tsImport(
    "../packages/contracts/src/dev-secrets.ts",
    import.meta.url,
  );
  const firstTime = !existsSync(join(defaultDevSecretsDir, DEV_SECRETS_FILE));
  loadDevSecrets();
  // A database made before secrets were generated holds initial execution passwords sealed
  // with the former demo key, which the new key cannot open.
  if (firstTime && existsSync(join(defaultDevSecretsDir, "core-pglite"))) {
    console.warn(
      "Note: .data/core-pglite predates .data/dev-secrets.json; its initial 執行パスワード cannot be shown.\n" +
        "      Delete .data/core-pglite to seed the demo data again, or: npm run ops -- reissue-initial-password <code>",
    );
  }
}
const bin = (name) => `node_modules/.bin/${name}`;
// Child servers are started directly (not through `npx`), so a kill reaches them. Outside --dev
// the server is `node --import tsx` itself: the tsx CLI would start a second Node process first
// (issue 16: `npm start` to a usable login in ≤ 5 s).
const tsx = dev ? `${bin("tsx")} watch` : `"${process.execPath}" --import tsx`;

/** A port from the environment (issue 17: run beside other services), or the default; anything else stops here. */
function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} must be a port number (1–65535), not ${JSON.stringify(raw)}`);
    process.exit(1);
  }
  return value;
}
const ports = {
  smtp: port("SMTP_PORT", 1025),
  maildev: port("MAILDEV_PORT", 1080),
  core: port("CORE_PORT", 8081),
  bff: port("BFF_PORT", 8080),
  vite: port("VITE_PORT", 5173),
};
const origins = [`http://localhost:${ports.bff}`, ...(dev ? [`http://localhost:${ports.vite}`] : [])].join(",");
// Each app reads its own variables (its env.ts); these only tie the chosen ports together.
// A variable set by the caller wins.
const withDefaults = (env) =>
  Object.fromEntries(Object.entries(env).map(([key, value]) => [key, process.env[key] || value]));
const commands = [
  {
    name: "mail",
    prefixColor: "magenta",
    command: `${bin("maildev")} --smtp ${ports.smtp} --ip 127.0.0.1 --web ${ports.maildev} --web-ip 127.0.0.1 --silent`,
  },
  {
    name: "core",
    prefixColor: "blue",
    command: `${tsx} apps/core/src/main.ts`,
    env: withDefaults({
      CORE_PORT: String(ports.core),
      SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
      WEBAUTHN_ORIGINS: origins,
      // The demo's market moves (issue 17); tests leave it at core's default, still.
      MARKET_TICK_MS: "5000",
    }),
  },
  {
    name: "bff",
    prefixColor: "green",
    command: `${tsx} apps/bff/src/main.ts`,
    env: withDefaults({
      BFF_PORT: String(ports.bff),
      CORE_URL: `http://127.0.0.1:${ports.core}`,
      ALLOWED_ORIGINS: origins,
      ...(dev ? { WEB_DIST_DIR: "/nonexistent" } : {}),
    }),
  },
];
if (dev) {
  commands.push({
    name: "web",
    prefixColor: "cyan",
    command: "../../node_modules/.bin/vite",
    cwd: "apps/web",
    env: { VITE_PORT: String(ports.vite), BFF_PORT: String(ports.bff) },
  });
}

const { result } = concurrently(commands, {
  prefix: "name",
  killOthersOn: ["failure", "success"],
  killTimeout: 5_000,
  restartTries: 0,
});

async function waitFor(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

const ready = await Promise.all([
  waitFor(`http://127.0.0.1:${ports.core}/health`),
  waitFor(`http://127.0.0.1:${ports.bff}/api/session`),
  waitFor(`http://127.0.0.1:${ports.maildev}/api/healthz`),
]);
if (ready.every(Boolean)) {
  const app = dev ? `http://localhost:${ports.vite}` : `http://localhost:${ports.bff}`;
  console.log(`
  kakunin is running${dev ? " (dev, with HMR)" : ""}. Ctrl-C stops everything.

    App              ${app}
    BFF (API)        http://localhost:${ports.bff}/api
    Core (OpenAPI)   http://127.0.0.1:${ports.core}/openapi.json
                     (operator routes: /ops/openapi.json with CORE_OPS_TOKEN from .data/dev-secrets.json)
    Mail (MailDev)   http://localhost:${ports.maildev}   (SMTP 127.0.0.1:${ports.smtp})

  Demo logins (demo data only, SPEC §9):
    お客様コード 1000001  ログインパスワード Kiso8pine3    山田 太郎
    お客様コード 1000002  ログインパスワード Tsuki5river8  佐藤 花子
    お客様コード 1000003  ログインパスワード Haru3wind6    鈴木 一郎
`);
}

result.then(
  () => process.exit(0),
  () => process.exit(1),
);
