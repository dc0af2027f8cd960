#!/usr/bin/env node
// npm run start:cluster (issue 18): MailDev, core ×2 on the PostgreSQL server, the BFF ×2 on Redis,
// and Debian's nginx as the round-robin load balancer in front of both tiers. Ctrl-C stops it all.
//
// Unlike scripts/start.mjs this supervises its children itself (no concurrently): in a cluster the
// loss of one instance must not stop the others, and the instance-loss test stops and restarts one
// on purpose through a small test-only control (CLUSTER_CONTROL_PORT).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { tsImport } from "tsx/esm/api";
import { writeNginxConfig } from "./cluster-nginx.mjs";
import { ensureNginx } from "./ensure-nginx.mjs";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** A variable from the environment, or the fallback when unset or empty (as each app's env.ts reads them). */
const setting = (name, fallback) => process.env[name] || fallback;

/** A port from the environment, or the default; anything else stops here. */
function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    fail(`${name} must be a port number (1–65535), not ${JSON.stringify(raw)}`);
  }
  return value;
}
/** A comma-separated list of ports: one instance per port. */
function portList(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const values = raw.split(",").map((p) => Number(p.trim()));
  if (values.some((v) => !Number.isInteger(v) || v < 1 || v > 65535)) {
    fail(`${name} must be comma-separated port numbers, not ${JSON.stringify(raw)}`);
  }
  return values;
}

const ports = {
  // The balancer's ports take the names `npm start` gives the single instances: that is where people go.
  front: port("BFF_PORT", 8080),
  coreFront: port("CORE_PORT", 8081),
  bffs: portList("BFF_INSTANCE_PORTS", [8082, 8083]),
  cores: portList("CORE_INSTANCE_PORTS", [8084, 8085]),
  smtp: port("SMTP_PORT", 1025),
  maildev: port("MAILDEV_PORT", 1080),
  control: setting("CLUSTER_CONTROL_PORT") ? port("CLUSTER_CONTROL_PORT", 0) : undefined,
};
const origin = `http://localhost:${ports.front}`;

// A run of the e2e suite (CLUSTER_EPHEMERAL=true) gets a database and a Redis key prefix of its
// own, removed when it stops, so runs never see each other's data (issue 18).
const ephemeral = setting("CLUSTER_EPHEMERAL") === "true";
const runId = ephemeral ? `e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}` : undefined;
const baseDatabaseUrl = new URL(setting("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kakunin"));
const databaseName = runId
  ? `${baseDatabaseUrl.pathname.slice(1) || "kakunin"}_${runId}`
  : baseDatabaseUrl.pathname.slice(1);
const databaseUrl = new URL(baseDatabaseUrl);
databaseUrl.pathname = `/${databaseName}`;
const redisUrl = setting("REDIS_URL", "redis://127.0.0.1:6379");
const redisKeyPrefix = `${setting("REDIS_KEY_PREFIX", "kakunin:bff:")}${runId ? `${runId}:` : ""}`;
const clusterDir = join(repoRoot, ".data", "cluster", runId ?? "default");

if (process.env.NODE_ENV !== "production") {
  // As in start.mjs: one writer of the shared development secrets before four apps read them.
  const { loadDevSecrets } = await tsImport("../packages/contracts/src/dev-secrets.ts", import.meta.url);
  loadDevSecrets();
}

let nginxPath;
try {
  nginxPath = ensureNginx();
} catch (err) {
  fail(err.message);
}
if (!existsSync(join(repoRoot, "apps/web/dist/index.html"))) {
  fail("No built SPA in apps/web/dist: run `npm run start:cluster` (it builds first) or `npm run build`.");
}

/** Connects to the server's maintenance database, where databases are created and dropped. */
async function withMaintenance(fn) {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

await withMaintenance(async (client) => {
  const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [databaseName]);
  if (rowCount === 0) {
    await client.query(`create database ${quoteIdent(databaseName)}`);
    console.log(`cluster: created database ${databaseName}`);
  }
});

// --- children -------------------------------------------------------------------------------

const tsxNode = [process.execPath, "--import", "tsx"];
const colours = { mail: 35, nginx: 33, core: 34, bff: 32 };

/** name → { spec, child, stopping } */
const instances = new Map();
let shuttingDown = false;

function spawnInstance(name, spec) {
  const child = spawn(spec.command[0], spec.command.slice(1), {
    cwd: repoRoot,
    env: { ...process.env, ...spec.env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: Ctrl-C reaches this runner only, which stops the children in order
    // and then removes a run's database and keys.
    detached: true,
  });
  const colour = colours[name.replace(/-\d+$/, "")] ?? 0;
  const label = `\x1b[${colour}m[${name}]\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream.on("data", (chunk) => {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(`${label}${line}\n`);
    });
  }
  const entry = { spec, child, stopping: false, exited: new Promise((r) => child.once("exit", r)) };
  instances.set(name, entry);
  child.once("exit", (code, signal) => {
    if (shuttingDown || entry.stopping) return;
    console.log(`cluster: ${name} exited (${signal ?? code})`);
    // Losing one app instance is what the cluster is for; without the balancer or the mail
    // catcher nothing works, so then everything stops.
    if (spec.essential) void shutdown(1);
  });
  return entry;
}

async function stopInstance(name, signal = "SIGTERM") {
  const entry = instances.get(name);
  if (!entry || entry.child.exitCode !== null || entry.child.signalCode !== null) return;
  entry.stopping = true;
  try {
    process.kill(-entry.child.pid, signal);
  } catch {
    // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-entry.child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }, 5_000);
  await entry.exited;
  clearTimeout(timer);
}

/** Polls `url` until it answers 2xx; gives up early if `entry`'s process has exited meanwhile. */
async function waitFor(url, entry, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (entry && (entry.child.exitCode !== null || entry.child.signalCode !== null)) {
      throw new Error(
        `it exited while starting (${entry.child.signalCode ?? entry.child.exitCode}); see its output above`,
      );
    }
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function startInstance(name) {
  const entry = instances.get(name);
  if (entry.child.exitCode === null && entry.child.signalCode === null) return;
  await waitFor(entry.spec.health, spawnInstance(name, entry.spec));
}

const specs = new Map();
specs.set("mail", {
  command: [
    join(repoRoot, "node_modules/.bin/maildev"),
    ...["--smtp", String(ports.smtp), "--ip", "127.0.0.1", "--web", String(ports.maildev), "--web-ip", "127.0.0.1"],
    "--silent",
  ],
  health: `http://127.0.0.1:${ports.maildev}/api/healthz`,
  essential: true,
});
ports.cores.forEach((p, i) => {
  specs.set(`core-${i + 1}`, {
    command: [...tsxNode, "apps/core/src/main.ts"],
    env: {
      ...withDefaults({
        SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
        WEBAUTHN_ORIGINS: origin,
        // The demo's market moves, as with `npm start`; the e2e run sets 0.
        MARKET_TICK_MS: "5000",
      }),
      DATABASE_URL: databaseUrl.href,
      CORE_PORT: String(p),
    },
    health: `http://127.0.0.1:${p}/health`,
  });
});
ports.bffs.forEach((p, i) => {
  specs.set(`bff-${i + 1}`, {
    command: [...tsxNode, "apps/bff/src/main.ts"],
    env: {
      ...withDefaults({ ALLOWED_ORIGINS: origin }),
      BFF_PORT: String(p),
      REDIS_URL: redisUrl,
      // Through the balancer: consecutive calls go to alternating cores, and a stopped core is skipped.
      CORE_URL: `http://127.0.0.1:${ports.coreFront}`,
      REDIS_KEY_PREFIX: redisKeyPrefix,
      // nginx is the only client and sets X-Forwarded-For: ログイン履歴 shows the customer's address.
      TRUST_PROXY: "true",
    },
    health: `http://127.0.0.1:${p}/api/session`,
  });
});
specs.set("nginx", {
  command: [nginxPath, "-p", `${clusterDir}/nginx/`, "-c", "nginx.conf", "-e", "stderr", "-g", "daemon off;"],
  health: `http://127.0.0.1:${ports.coreFront}/health`,
  essential: true,
});

/** Variables the caller set win over these (as in start.mjs). */
function withDefaults(env) {
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, process.env[key] || value]));
}

// --- stop and clean up ----------------------------------------------------------------------

let shutdownPromise;
function shutdown(code) {
  shutdownPromise ??= (async () => {
    shuttingDown = true;
    // The balancer first (no new requests), then the BFFs, the cores (they drain the outbox
    // worker) and MailDev last.
    const order = [
      "nginx",
      ...ports.bffs.map((_, i) => `bff-${i + 1}`),
      ...ports.cores.map((_, i) => `core-${i + 1}`),
      "mail",
    ];
    for (const name of order) await stopInstance(name);
    if (ephemeral) await removeRunData();
    process.exit(code);
  })();
  return shutdownPromise;
}

async function removeRunData() {
  try {
    await withMaintenance((client) => client.query(`drop database if exists ${quoteIdent(databaseName)} with (force)`));
    console.log(`cluster: dropped database ${databaseName}`);
  } catch (err) {
    console.error(`cluster: could not drop database ${databaseName}: ${err.message}`);
  }
  try {
    const { Redis } = await import("ioredis");
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    let cursor = "0";
    let removed = 0;
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${redisKeyPrefix}*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) removed += await redis.unlink(...keys);
    } while (cursor !== "0");
    await redis.quit();
    console.log(`cluster: removed ${removed} Redis keys under ${redisKeyPrefix}`);
  } catch (err) {
    console.error(`cluster: could not remove Redis keys under ${redisKeyPrefix}: ${err.message}`);
  }
  rmSync(clusterDir, { recursive: true, force: true });
}

process.once("SIGINT", () => void shutdown(0));
process.once("SIGTERM", () => void shutdown(0));

// --- start ----------------------------------------------------------------------------------

try {
  writeNginxConfig(`${clusterDir}/nginx`, ports);
  await startSpec("mail");
  // One core after the other: each applies the migrations (and seeds an empty database) at
  // start, which is not meant to run twice at the same moment.
  for (let i = 1; i <= ports.cores.length; i++) await startSpec(`core-${i}`);
  await Promise.all(ports.bffs.map((_, i) => startSpec(`bff-${i + 1}`)));
  // Last, so the first request it passes on finds every instance up (nginx would otherwise
  // mark a starting one as failed for fail_timeout).
  await startSpec("nginx");
  await waitFor(`http://127.0.0.1:${ports.front}/api/session`);
} catch (err) {
  console.error(`cluster: ${err.message}`);
  await shutdown(1);
}

async function startSpec(name) {
  const spec = specs.get(name);
  await waitFor(spec.health, spawnInstance(name, spec)).catch((err) => {
    throw new Error(`${name}: ${err.message}`);
  });
}

if (ports.control !== undefined) startControl(ports.control);

console.log(`
  kakunin cluster is running. Ctrl-C stops everything${ephemeral ? " and removes this run's database and Redis keys" : ""}.

    App (nginx → BFF ×${ports.bffs.length})   ${origin}            instances ${ports.bffs.map((p) => `:${p}`).join(" ")}
    Core (nginx → core ×${ports.cores.length})  http://127.0.0.1:${ports.coreFront}     instances ${ports.cores.map((p) => `:${p}`).join(" ")}
    Mail (MailDev)           http://localhost:${ports.maildev}   (SMTP 127.0.0.1:${ports.smtp})
    PostgreSQL               ${databaseUrl.href}
    Redis                    ${redisUrl}  keys ${redisKeyPrefix}*
    nginx                    ${clusterDir}/nginx/nginx.conf  (access log with upstream: logs/access.log)

  Demo logins: as with npm start (1000001 / Kiso8pine3, …), seeded into an empty database.
`);

/**
 * TEST ONLY (CLUSTER_CONTROL_PORT, set by e2e/playwright.cluster.config.ts): stops an instance
 * the hard way (SIGKILL: a crash, not a drain) or starts it again, so the instance-loss test can
 * take one away while a customer is mid-flow. Listens on 127.0.0.1 only.
 */
function startControl(controlPort) {
  const server = createServer(async (req, res) => {
    const match = /^\/instances\/((?:bff|core)-\d+)\/(stop|start)$/.exec(req.url ?? "");
    if (req.method !== "POST" || !match || !instances.has(match[1])) {
      res.writeHead(404).end();
      return;
    }
    const [, name, action] = match;
    try {
      if (action === "stop") await stopInstance(name, "SIGKILL");
      else await startInstance(name);
      console.log(`cluster: ${name} ${action === "stop" ? "killed" : "started again"} (control)`);
      res.writeHead(204).end();
    } catch (err) {
      res.writeHead(500).end(err.message);
    }
  });
  server.listen(controlPort, "127.0.0.1");
  server.unref();
}
