import { randomBytes, randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createTestCustomerResponseSchema, TEST_CUSTOMERS_PATH } from "@kakunin/contracts/test-support";
import autocannon from "autocannon";
import {
  benchCoreEnv,
  cpuSeconds,
  createScratchDatabase,
  freePort,
  Servers,
  sessionCookieOf,
  waitFor,
} from "./services.ts";

/**
 * The wrong-password flood (issue 12 §1): 50 connections send wrong 執行パスワード through
 * the BFF's step-up confirmation (as an attacker holding many customers' login passwords
 * would), spread round-robin over many customers, while another customer's authenticated
 * read (GET /api/me/notices) is measured. The same read without the flood is the baseline;
 * what matters is the ratio, on one machine in one run.
 */
export interface FloodOptions {
  root: string;
  /** Unset: embedded PGlite in a temporary directory. Set: a PostgreSQL server admin URL. */
  serverUrl?: string | undefined;
  seconds: number;
  customers: number;
  floodConnections: number;
  readConnections: number;
  /** Unset: free ports from the OS, so parallel runs on one machine cannot collide. */
  ports?: { core: number; bff: number } | undefined;
  /** Extra environment for core (e.g. the hash gate's settings, to compare). */
  coreEnv?: Record<string, string>;
}

export interface PhaseResult {
  rps: number;
  p50: number;
  p99: number;
  reads: number;
  readErrors: number;
  /** CPU seconds (user + system) spent by core, the BFF and this load generator in the phase. */
  cpu: { core: number; bff: number; loadgen: number };
  wallSeconds: number;
  /** The machine's 1-minute load average at the end: other work on the same cores skews everything. */
  load: number;
}

export interface FloodResult {
  backend: string;
  baseline: PhaseResult;
  flood: PhaseResult;
  /** Flood answers by status over the whole flood (lead-in included). */
  floodStatus: Record<string, number>;
  floodRequests: number;
  floodErrors: number;
}

// A fresh service credential per run, as run.ts does; other secrets come from .data/dev-secrets.json.
const token = randomBytes(32).toString("base64url");
const origin = "http://localhost:8080";
const csrf = { "x-csrf": "1", origin, "content-type": "application/json" };
const WRONG = "Wrong1x";

/** Runs `task` over `items` with at most `limit` at once (setup only; not measured). */
async function inBatches<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i] as T);
      }
    }),
  );
  return out;
}

export async function runFlood(options: FloodOptions): Promise<FloodResult> {
  const { root } = options;
  const ports = options.ports ?? { core: await freePort(), bff: await freePort() };
  const backend = options.serverUrl ? "PostgreSQL" : "PGlite";
  const dataDir = join(tmpdir(), `kakunin-bench-flood-${randomUUID()}`);
  const database = options.serverUrl ? await createScratchDatabase(options.serverUrl, "kakunin_bench") : undefined;
  const servers = new Servers();
  try {
    const core = servers.start("core", `${root}apps/core/src/main.ts`, {
      ...benchCoreEnv({ port: ports.core, dataDir, token }),
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...options.coreEnv,
    });
    const bff = servers.start("bff", `${root}apps/bff/src/main.ts`, {
      BFF_PORT: String(ports.bff),
      CORE_URL: `http://127.0.0.1:${ports.core}`,
      CORE_SERVICE_TOKEN: token,
      WEB_DIST_DIR: join(dataDir, "no-spa"),
    });
    const coreUrl = `http://127.0.0.1:${ports.core}`;
    const bffUrl = `http://127.0.0.1:${ports.bff}`;
    await Promise.all([
      waitFor(`${coreUrl}/health`, { child: core }),
      waitFor(`${bffUrl}/api/session`, { child: bff }),
    ]);

    const createCustomer = async () => {
      const res = await fetch(`${coreUrl}${TEST_CUSTOMERS_PATH}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: "{}",
      });
      if (!res.ok) throw new Error(`creating a customer failed: ${res.status}`);
      return createTestCustomerResponseSchema.parse(await res.json());
    };
    const logIn = async (customerCode: string, password: string) => {
      const res = await fetch(`${bffUrl}/api/session`, {
        method: "POST",
        headers: csrf,
        body: JSON.stringify({ customerCode, password }),
      });
      const cookie = sessionCookieOf(res);
      if (!res.ok || !cookie) throw new Error(`login failed: ${res.status}`);
      return cookie;
    };

    const reader = await createCustomer();
    const readerCookie = await logIn(reader.customer.customerCode, reader.loginPassword);

    // Each flood customer: logged in, with a started confirmation of 登録情報の照会 (only the
    // 執行パスワード is asked by default). A wrong try leaves the confirmation pending, so
    // the same cookies serve every try until the customer locks after 9.
    process.stdout.write(`flood (${backend}): preparing ${options.customers} customers… `);
    const floodCookies = await inBatches(
      Array.from({ length: options.customers }, (_, i) => i),
      4,
      async () => {
        const c = await createCustomer();
        const session = await logIn(c.customer.customerCode, c.loginPassword);
        const start = await fetch(`${bffUrl}/api/step-up/challenges`, {
          method: "POST",
          headers: { ...csrf, cookie: session },
          body: JSON.stringify({ operation: "view_registered_info", payload: {} }),
        });
        // The pending confirmation is the only cookie a challenge sets.
        const pending = start.headers.getSetCookie()[0]?.split(";")[0];
        if (!start.ok || !pending) throw new Error(`step-up challenge failed: ${start.status}`);
        return `${session}; ${pending}`;
      },
    );
    console.log("done");

    const readUrl = `${bffUrl}/api/me/notices`;
    const readHeaders = { cookie: readerCookie };
    const measureReads = async (): Promise<PhaseResult> => {
      const before = {
        core: await cpuSeconds(core.pid),
        bff: await cpuSeconds(bff.pid),
        loadgen: process.cpuUsage(),
        at: performance.now(),
      };
      const r = await autocannon({
        url: readUrl,
        headers: readHeaders,
        connections: options.readConnections,
        duration: options.seconds,
      });
      const loadgen = process.cpuUsage(before.loadgen);
      return {
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        reads: r.requests.total,
        readErrors: r.non2xx + r.errors + r.timeouts,
        cpu: {
          core: (await cpuSeconds(core.pid)) - before.core,
          bff: (await cpuSeconds(bff.pid)) - before.bff,
          loadgen: (loadgen.user + loadgen.system) / 1e6,
        },
        wallSeconds: (performance.now() - before.at) / 1000,
        load: loadavg()[0] ?? Number.NaN,
      };
    };

    // Warm up (JIT, pools, caches), then the baseline without the flood.
    await autocannon({ url: readUrl, headers: readHeaders, connections: options.readConnections, duration: 2 });
    const baseline = await measureReads();

    let next = 0;
    const leadIn = 2;
    const flood = autocannon({
      url: `${bffUrl}/api/step-up/verifications`,
      method: "POST",
      connections: options.floodConnections,
      duration: leadIn + options.seconds + 1,
      requests: [
        {
          setupRequest: (req) => {
            const cookie = floodCookies[next++ % floodCookies.length];
            return { ...req, headers: { ...csrf, cookie }, body: JSON.stringify({ executionPassword: WRONG }) };
          },
        },
      ],
    });
    await new Promise((r) => setTimeout(r, leadIn * 1000));
    const underFlood = await measureReads();
    const floodResult = await flood;
    const floodStatus: Record<string, number> = {};
    for (const [code, { count }] of Object.entries(floodResult.statusCodeStats ?? {})) floodStatus[code] = count ?? 0;
    return {
      backend,
      baseline,
      flood: underFlood,
      floodStatus,
      floodRequests: floodResult.requests.total,
      floodErrors: floodResult.errors + floodResult.timeouts,
    };
  } finally {
    await servers.stop();
    await rm(dataDir, { recursive: true, force: true });
    await database?.drop();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Prints one backend's runs and the median (min–max) of the ratios that the goal is stated in. */
export function printFlood(results: FloodResult[], options: Pick<FloodOptions, "seconds">) {
  const ms = (s: number) => (s * 1000).toFixed(2);
  console.log(
    `\nWrong-password flood on ${results[0]?.backend}: reads of GET /api/me/notices (10 connections, ${options.seconds}s) without and with 50 flood connections`,
  );
  console.table(
    results.flatMap((r, i) =>
      (["baseline", "flood"] as const).map((phase) => {
        const p = r[phase];
        return {
          run: i + 1,
          phase,
          "req/s": Math.round(p.rps),
          "p50 ms": p.p50,
          "p99 ms": p.p99,
          "read errors": p.readErrors,
          "core CPU s": p.cpu.core.toFixed(1),
          "BFF CPU s": p.cpu.bff.toFixed(1),
          "loadgen CPU s": p.cpu.loadgen.toFixed(1),
          "core+BFF CPU ms/read": ms((p.cpu.core + p.cpu.bff) / Math.max(1, p.reads)),
          load: p.load.toFixed(1),
        };
      }),
    ),
  );
  console.table(
    results.map((r, i) => ({
      run: i + 1,
      "req/s ratio": (r.flood.rps / r.baseline.rps).toFixed(2),
      "p99 ratio": (r.flood.p99 / r.baseline.p99).toFixed(2),
      "flood req": r.floodRequests,
      ...Object.fromEntries(Object.entries(r.floodStatus).map(([k, v]) => [`flood ${k}`, v])),
      "flood errors": r.floodErrors,
    })),
  );
  const rps = results.map((r) => r.flood.rps / r.baseline.rps);
  const p99 = results.map((r) => r.flood.p99 / r.baseline.p99);
  const fmt = (xs: number[]) =>
    `${median(xs).toFixed(2)}× (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}, ${xs.length} runs)`;
  console.log(`reads under flood: throughput ${fmt(rps)}, p99 ${fmt(p99)}  — goal ≥ 0.80× and ≤ 1.50×`);
}
