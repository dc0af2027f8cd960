import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
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
  spread,
  waitFor,
} from "./services.ts";

/**
 * `scale` (issue 18): the same authenticated read (GET /api/me/notices) through one BFF and
 * through two, side by side in one run, with core on the PostgreSQL server and every BFF
 * keeping its sessions in Redis (SPEC §1: instances share nothing else). autocannon spreads
 * its connections over the instances' URLs in turn, as nginx's round robin does, without
 * a third process competing for the same two cores.
 *
 * What it shows on this machine is where the work goes, not how far it scales: the BFFs,
 * core, PostgreSQL, Redis and autocannon all share 2 cores, so a second BFF can only add
 * throughput while a core sits idle. The CPU each tier spends per request is the figure to
 * size with (docs/sizing.md).
 */
export interface ScaleRow {
  title: string;
  rps: number;
  p50: number;
  p99: number;
  /** CPU ms per request, summed over the BFF instances in front. */
  bffCpuMs: number;
  coreCpuMs: number;
}

export interface ScaleOptions {
  root: string;
  serverUrl: string;
  redisUrl: string;
  seconds: number;
  runs: number;
  connections: number;
}

export async function runScale(options: ScaleOptions): Promise<ScaleRow[][]> {
  const servers = new Servers();
  const dataDir = await mkdtemp(join(tmpdir(), "kakunin-bench-scale-"));
  const scratch = await createScratchDatabase(options.serverUrl, "kakunin_bench_scale");
  const token = crypto.randomUUID();
  try {
    const corePort = await freePort();
    const core = servers.start("core", `${options.root}apps/core/src/main.ts`, {
      ...benchCoreEnv({ port: corePort, dataDir, token }),
      DATABASE_URL: scratch.url,
    });
    const coreUrl = `http://127.0.0.1:${corePort}`;
    await waitFor(`${coreUrl}/health`, { child: core });
    const bffPorts = [await freePort(), await freePort()];
    const bffs = bffPorts.map((port, i) =>
      servers.start(`bff ${i + 1}`, `${options.root}apps/bff/src/main.ts`, {
        BFF_PORT: String(port),
        CORE_URL: coreUrl,
        CORE_SERVICE_TOKEN: token,
        REDIS_URL: options.redisUrl,
      }),
    );
    await Promise.all(bffPorts.map((port, i) => waitFor(`http://127.0.0.1:${port}/api/session`, { child: bffs[i] })));

    const created = await fetch(`${coreUrl}${TEST_CUSTOMERS_PATH}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: "{}",
    });
    const { customer, loginPassword } = createTestCustomerResponseSchema.parse(await created.json());
    // One login on the first instance: the session lives in Redis, so the second honours it.
    const login = await fetch(`http://127.0.0.1:${bffPorts[0]}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf": "1", origin: "http://localhost:8080" },
      body: JSON.stringify({ customerCode: customer.customerCode, password: loginPassword }),
    });
    const cookie = sessionCookieOf(login);
    if (!login.ok || !cookie) throw new Error(`login failed: ${login.status}`);

    const measure = async (title: string, count: 1 | 2): Promise<ScaleRow> => {
      const urls = bffPorts.slice(0, count).map((port) => `http://127.0.0.1:${port}/api/me/notices`);
      // autocannon takes several URLs at run time (connection i goes to urls[i % n]); its
      // types predate that.
      const target = { url: urls as unknown as string, headers: { cookie }, connections: options.connections };
      await autocannon({ ...target, duration: 2 });
      const front = bffs.slice(0, count);
      const cpu = async () => ({
        bff: (await Promise.all(front.map((child) => cpuSeconds(child.pid)))).reduce((a, b) => a + b, 0),
        core: await cpuSeconds(core.pid),
      });
      const before = await cpu();
      const result = await autocannon({ ...target, duration: options.seconds });
      const after = await cpu();
      if (result.non2xx > 0 || result.errors > 0) {
        throw new Error(`${title}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
      }
      const requests = Math.max(1, result.requests.total);
      return {
        title,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        bffCpuMs: ((after.bff - before.bff) * 1000) / requests,
        coreCpuMs: ((after.core - before.core) * 1000) / requests,
      };
    };

    const runs: ScaleRow[][] = [];
    for (let i = 0; i < options.runs; i++) {
      // Alternate the order so that warming up (JIT, pools) favours neither.
      const one = () => measure("1 BFF", 1);
      const two = () => measure("2 BFFs", 2);
      runs.push(i % 2 === 0 ? [await one(), await two()] : [await two(), await one()].reverse());
    }
    return runs;
  } finally {
    await servers.stop();
    await scratch.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function printScale(runs: ScaleRow[][], options: ScaleOptions) {
  console.log(
    `\nOne BFF against two (Redis sessions, core on PostgreSQL): GET /api/me/notices, ${options.seconds}s each, ` +
      `${options.connections} connections, ${runs.length} run(s)` +
      (runs.length > 1 ? ": median (min–max); ratios within each run" : ""),
  );
  const titles = runs[0]?.map((row) => row.title) ?? [];
  console.table(
    titles.map((title, i) => {
      const of = (pick: (row: ScaleRow) => number) => runs.map((run) => pick(run[i] as ScaleRow));
      return {
        instances: title,
        "req/s": spread(
          of((r) => r.rps),
          0,
        ),
        "vs 1 BFF": spread(
          runs.map((run) => (run[i] as ScaleRow).rps / (run[0] as ScaleRow).rps),
          2,
        ),
        "p50 ms": spread(
          of((r) => r.p50),
          0,
        ),
        "p99 ms": spread(
          of((r) => r.p99),
          0,
        ),
        "BFF CPU ms/req": spread(
          of((r) => r.bffCpuMs),
          2,
        ),
        "core CPU ms/req": spread(
          of((r) => r.coreCpuMs),
          2,
        ),
      };
    }),
  );
}
