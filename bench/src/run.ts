import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestCustomerResponseSchema, TEST_CUSTOMERS_PATH } from "@kakunin/contracts/test-support";
import autocannon from "autocannon";
import { clientCost } from "./client-cost.ts";
import { type FloodResult, printFlood, runFlood } from "./flood.ts";
import { printLighthouse, runLighthouse } from "./lighthouse.ts";
import { printLists, runLists } from "./lists.ts";
import { printScale, runScale } from "./scale.ts";
import { benchCoreEnv, cpuSeconds, sessionCookieOf, spread, waitFor } from "./services.ts";
import { spaInitialJs } from "./spa-size.ts";

/**
 * `npm run bench`: an authenticated read (GET notices) through the BFF, from core
 * directly, and through a bare reverse proxy to core, in one run on this machine; plus
 * the SPA's initial JavaScript per route. With BENCH_REDIS_URL, also through a BFF that keeps
 * its sessions in Redis (as several instances do, SPEC §1). Numbers are noisy on 2 shared
 * cores: compare ratios within one run, not absolute figures across machines.
 *
 * BENCH_SCENARIOS picks what runs (comma-separated, default all): `reads` (the above),
 * `flood` (another customer's read under a wrong execution-password flood, see flood.ts;
 * on PGlite, and also on the PostgreSQL server at BENCH_DATABASE_URL in a database of its
 * own), `spa` (the bundle sizes), `client` (the BFF's core client's CPU per call, fetch
 * against undici's Pool, see client-cost.ts), `lists` (core's list reads for a customer with
 * 10,000 orders against an empty and a typical one, among 100,000 orders; see lists.ts; on
 * PGlite and, with BENCH_DATABASE_URL, also on that server), `lighthouse` (scores of three
 * screens as a phone and a desktop, see lighthouse.ts), `scale` (one BFF against two with Redis
 * sessions and core on the server; needs BENCH_DATABASE_URL and BENCH_REDIS_URL; see
 * scale.ts). `spa` and `lighthouse` fail the run
 * (exit code 1) when a screen misses its target; the test suite never measures speed.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const ports = { core: 8191, bff: 8190, proxy: 8192, bffRedis: 8193 };
const redisUrl = process.env.BENCH_REDIS_URL;
// A fresh credential per run shared by the bench's core and BFFs; its other secrets come from .data/dev-secrets.json.
const token = randomBytes(32).toString("base64url");
const duration = Number(process.env.BENCH_SECONDS ?? 8);
// BENCH_READS_RUNS repeats the reads side by side; the summary gives the median and spread.
const readRuns = Number(process.env.BENCH_READS_RUNS ?? 1);
const scenarios = new Set(
  (process.env.BENCH_SCENARIOS || "client,reads,flood,lists,scale,spa,lighthouse").split(",").map((s) => s.trim()),
);
const children: ChildProcess[] = [];
let stopping = false;

function start(name: string, script: string, env: Record<string, string>) {
  // `node --import tsx`, not the tsx CLI: the server is this child itself, so /proc/<pid>/stat
  // measures its CPU.
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: "inherit",
  });
  child.on("exit", (code) => {
    if (!stopping && code && code !== 0) console.error(`${name} exited with ${code}`);
  });
  children.push(child);
  return child;
}

/**
 * One path's throughput and latency, and the CPU the process in front of core (the BFF or the
 * bare proxy) spent per request: contention on 2 shared cores moves req/s a lot, CPU per
 * request far less.
 */
async function measure(title: string, url: string, headers: Record<string, string>, front?: ChildProcess) {
  // Warm up first (JIT, connection pools, PGlite caches) so order does not decide the ranking.
  await autocannon({ url, headers, connections: 10, duration: 2 });
  const cpuBefore = await cpuSeconds(front?.pid);
  const result = await autocannon({ url, headers, connections: 10, duration });
  const cpu = (await cpuSeconds(front?.pid)) - cpuBefore;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${title}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  const cpuMsPerRequest = front ? (cpu * 1000) / Math.max(1, result.requests.total) : Number.NaN;
  return { title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuMsPerRequest };
}

type Row = Awaited<ReturnType<typeof measure>>;

async function readsScenario() {
  const dataDir = await mkdtemp(join(tmpdir(), "kakunin-bench-"));
  try {
    start("core", `${root}apps/core/src/main.ts`, benchCoreEnv({ port: ports.core, dataDir, token }));
    const bff = start("bff", `${root}apps/bff/src/main.ts`, {
      BFF_PORT: String(ports.bff),
      CORE_URL: `http://127.0.0.1:${ports.core}`,
      CORE_SERVICE_TOKEN: token,
    });
    let bffRedis: ChildProcess | undefined;
    if (redisUrl) {
      bffRedis = start("bff (Redis)", `${root}apps/bff/src/main.ts`, {
        BFF_PORT: String(ports.bffRedis),
        CORE_URL: `http://127.0.0.1:${ports.core}`,
        CORE_SERVICE_TOKEN: token,
        REDIS_URL: redisUrl,
      });
    }
    const proxy = start("proxy", `${root}bench/src/bare-proxy.ts`, {
      PORT: String(ports.proxy),
      TARGET: `http://127.0.0.1:${ports.core}`,
    });
    await Promise.all(
      [
        `http://127.0.0.1:${ports.core}/health`,
        `http://127.0.0.1:${ports.bff}/api/session`,
        `http://127.0.0.1:${ports.proxy}/`,
        ...(redisUrl ? [`http://127.0.0.1:${ports.bffRedis}/api/session`] : []),
      ].map((u) => waitFor(u)),
    );

    const service = { authorization: `Bearer ${token}` };
    const created = await fetch(`http://127.0.0.1:${ports.core}${TEST_CUSTOMERS_PATH}`, {
      method: "POST",
      headers: { ...service, "content-type": "application/json" },
      body: "{}",
    });
    const { customer, loginPassword } = createTestCustomerResponseSchema.parse(await created.json());
    const logIn = async (port: number) => {
      const login = await fetch(`http://127.0.0.1:${port}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf": "1", origin: "http://localhost:8080" },
        body: JSON.stringify({ customerCode: customer.customerCode, password: loginPassword }),
      });
      const cookie = sessionCookieOf(login);
      if (!login.ok || !cookie) throw new Error(`login failed: ${login.status}`);
      return cookie;
    };
    const cookie = await logIn(ports.bff);

    const corePath = `/v1/customers/${customer.id}/notices`;
    const redisCookie = redisUrl ? await logIn(ports.bffRedis) : undefined;
    const runs: Row[][] = [];
    for (let i = 0; i < readRuns; i++) {
      runs.push([
        await measure("core direct", `http://127.0.0.1:${ports.core}${corePath}`, service),
        await measure("bare proxy → core", `http://127.0.0.1:${ports.proxy}${corePath}`, service, proxy),
        await measure("BFF → core", `http://127.0.0.1:${ports.bff}/api/me/notices`, { cookie }, bff),
        ...(redisUrl && redisCookie
          ? [
              await measure(
                "BFF (Redis) → core",
                `http://127.0.0.1:${ports.bffRedis}/api/me/notices`,
                { cookie: redisCookie },
                bffRedis,
              ),
            ]
          : []),
      ]);
    }
    console.log(
      `\nAuthenticated read (GET notices), ${duration}s each, 10 connections, ${readRuns} run(s)` +
        (readRuns > 1 ? ": median (min–max); ratios within each run" : ""),
    );
    const titles = runs[0]?.map((r) => r.title) ?? [];
    console.table(
      titles.map((title, i) => {
        const of = (pick: (r: Row) => number) => runs.map((run) => pick(run[i] as Row));
        const ratio = (base: number) => runs.map((run) => (run[i] as Row).rps / (run[base] as Row).rps);
        return {
          path: title,
          "req/s": spread(
            of((r) => r.rps),
            0,
          ),
          "p50 ms": spread(
            of((r) => r.p50),
            0,
          ),
          "p99 ms": spread(
            of((r) => r.p99),
            0,
          ),
          "vs core": spread(ratio(0), 2),
          "vs bare proxy": i === 0 ? "" : spread(ratio(1), 2),
          "front CPU ms/req":
            i === 0
              ? ""
              : spread(
                  of((r) => r.cpuMsPerRequest),
                  2,
                ),
        };
      }),
    );
  } finally {
    stopping = true;
    // Wait for the servers to exit: the flood scenario reuses their ports.
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (scenarios.has("client")) {
  const runs = Number(process.env.BENCH_CLIENT_RUNS ?? 5);
  const results = await clientCost({ port: 8194, calls: 4_000, runs });
  console.log(`\nThe BFF's core client: CPU ms per call, 10 in flight, ${runs} alternating rounds of 4,000`);
  console.table(Object.entries(results).map(([transport, xs]) => ({ transport, "CPU ms/call": spread(xs, 3) })));
}

if (scenarios.has("reads")) await readsScenario();

if (scenarios.has("flood")) {
  const floodOptions = {
    root,
    seconds: duration,
    customers: Number(process.env.BENCH_FLOOD_CUSTOMERS ?? 400),
    floodConnections: 50,
    readConnections: 10,
    // BENCH_FLOOD_PORTS=core,bff pins them; by default the OS picks free ones.
    ports: process.env.BENCH_FLOOD_PORTS
      ? (([core, bff]) => ({ core: Number(core), bff: Number(bff) }))(process.env.BENCH_FLOOD_PORTS.split(","))
      : undefined,
  };
  // BENCH_FLOOD_RUNS fresh systems per backend; the summary gives the median and spread.
  const runs = Number(process.env.BENCH_FLOOD_RUNS ?? 1);
  const serverUrl = process.env.BENCH_DATABASE_URL || undefined;
  for (const backend of serverUrl ? [undefined, serverUrl] : [undefined]) {
    const results: FloodResult[] = [];
    for (let i = 0; i < runs; i++) results.push(await runFlood({ ...floodOptions, serverUrl: backend }));
    printFlood(results, floodOptions);
  }
}

if (scenarios.has("lists")) {
  const listsOptions = {
    root,
    seconds: Number(process.env.BENCH_LISTS_SECONDS ?? 4),
    runs: Number(process.env.BENCH_LISTS_RUNS ?? 3),
  };
  const serverUrl = process.env.BENCH_DATABASE_URL || undefined;
  for (const backend of serverUrl ? [undefined, serverUrl] : [undefined]) {
    printLists(await runLists({ ...listsOptions, serverUrl: backend }), listsOptions);
  }
}

if (scenarios.has("scale")) {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl || !redisUrl) {
    console.log("\nscale: skipped (needs BENCH_DATABASE_URL and BENCH_REDIS_URL: instances share only these)");
  } else {
    const scaleOptions = {
      root,
      serverUrl,
      redisUrl,
      seconds: duration,
      runs: Number(process.env.BENCH_SCALE_RUNS ?? 3),
      connections: Number(process.env.BENCH_SCALE_CONNECTIONS ?? 20),
    };
    printScale(await runScale(scaleOptions), scaleOptions);
  }
}

if (scenarios.has("spa")) {
  console.log("\nSPA initial JavaScript per screen (gzip; budget: /login 110 KiB, others 140 KiB)");
  const sizes = await spaInitialJs(`${root}apps/web/dist`);
  console.table(
    sizes.map((r) => ({
      path: r.path,
      screen: r.title,
      "KiB gz": (r.gzipBytes / 1024).toFixed(1),
      budget: r.budgetKiB,
      "": r.gzipBytes > r.budgetKiB * 1024 ? "over" : "",
    })),
  );
  const over = sizes.filter((r) => r.gzipBytes > r.budgetKiB * 1024);
  if (over.length > 0) {
    // The bench fails (not the test suite): the budget is a target measured here, not a test.
    console.error(`SPA budget exceeded on ${over.length} of ${sizes.length} screens`);
    process.exitCode = 1;
  }
}

if (scenarios.has("lighthouse")) {
  // BENCH_LIGHTHOUSE_RUNS audits per page and device (default 3); the table gives the median and spread.
  const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
  const under = printLighthouse(await runLighthouse({ root, ports: { core: 8195, bff: 8196 }, runs }));
  if (under.length > 0) {
    console.error(`Lighthouse performance under target on ${under.length} page(s)`);
    process.exitCode = 1;
  }
}
