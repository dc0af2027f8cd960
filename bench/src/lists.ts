import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openPglite, openPostgres } from "@kakunin/core/src/db/client.ts";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { cpuSeconds, createScratchDatabase, freePort, waitFor } from "./services.ts";

/**
 * Core's reads as data grows (issue 16, goal 5): 100,000 orders across 1,000 customers, plus
 * 10,000 orders, 10,000 withdrawals and 10,000 logins (among 20,000 other audit events) for
 * one heavy customer (each of the 1,000 has 100 orders, 60 withdrawals and 30 logins), seeded in bulk (INSERT … SELECT generate_series) before core starts.
 * Each list read (注文照会's first page, 出金申込履歴, ログイン履歴, 残高照会) is measured for the
 * heavy customer, a typical one (100 orders: a full first page too) and an empty one, side by
 * side in one run, straight against core (the BFF adds the same cost to each). What matters is
 * the ratio within a run: heavy ÷ empty in core's CPU per request and in req/s; goal ≤ 1.2×.
 */
export interface ListsOptions {
  root: string;
  /** Unset: embedded PGlite in a temporary directory. Set: a PostgreSQL server admin URL. */
  serverUrl?: string | undefined;
  seconds: number;
  runs: number;
  /** Unset: a free port from the OS, so another bench on the same machine cannot collide. */
  port?: number | undefined;
}

const token = randomBytes(32).toString("base64url");
const HEAVY = "9000000";
const EMPTY = "9001001";
const TYPICAL = "9000500";

/** The bulk seed: one statement each, so PGlite and the server run the same SQL. */
const seedStatements = [
  // 9000000 heavy, 9000001–9001000 the 1,000 customers, 9001001 empty. Never logged in: core is read directly.
  // With an execution password hash, so core does not issue 1,002 initial ones (argon2) at start.
  `insert into customers (customer_code, name, birth_date, phone, login_password_hash, execution_password_hash)
   select '9' || lpad(g::text, 6, '0'), 'ベンチ ' || g, '1980-01-01', '090-0000-0000', 'not-a-hash', 'not-a-hash'
   from generate_series(0, 1001) g`,
  `insert into cash_balances (customer_id, withdrawable) select id, 10000000 from customers where customer_code like '9%'`,
  ...[
    ["between '9000001' and '9001000'", 100],
    [`= '${HEAVY}'`, 10_000],
  ].map(
    ([which, n]) =>
      // One order in ten is open and holds cash back: what 残高照会 sums.
      `insert into orders (customer_id, kind, instrument_code, side, account, quantity, price_type, limit_price,
                           status, reserved_cash, request_key, created_at, updated_at)
       select c.id, 'stock', '7203', 'buy', 'cash', 100, 'limit', 2000,
              case when g % 10 = 0 then 'open' else 'filled' end, case when g % 10 = 0 then 200000 else 0 end,
              'bench-' || g, timestamptz '2026-01-01' + g * interval '1 minute', timestamptz '2026-01-01' + g * interval '1 minute'
       from customers c, generate_series(1, ${n}) g where c.customer_code ${which}`,
  ),
  ...[
    // A typical customer has a full first page of each list, as the heavy one does.
    ["between '9000001' and '9001000'", 60, 30],
    [`= '${HEAVY}'`, 10_000, 10_000],
  ].flatMap(([which, withdrawals, logins]) => [
    `insert into withdrawals (customer_id, amount, bank_account_id, bank_name, branch_name, account_type,
                             account_number, holder_kana, request_key, requested_at)
     select c.id, 1000 + g, gen_random_uuid(), 'ベンチ銀行', '本店', '普通', '1234567', 'ベンチ', 'bench-' || g,
            timestamptz '2026-01-01' + g * interval '1 minute'
     from customers c, generate_series(1, ${withdrawals}) g where c.customer_code ${which}`,
    // Logins among twice as many other events (orders, withdrawals…) of the same customer.
    `insert into audit_events (customer_id, event_type, outcome, ip_address, user_agent, occurred_at)
     select c.id, case when g % 3 = 0 then 'login' else 'order' end, 'success', '192.0.2.1', 'bench',
            timestamptz '2026-01-01' + g * interval '20 seconds'
     from customers c, generate_series(1, ${Number(logins) * 3}) g where c.customer_code ${which}`,
  ]),
  // As autovacuum would have by the time a customer has 10,000 orders.
  "vacuum analyze",
];

async function seed(database: Database) {
  await database.migrate();
  for (const statement of seedStatements) await database.db.execute(sql.raw(statement));
  const rows = await database.db.execute<{ code: string; id: string }>(
    sql.raw(
      `select customer_code as code, id from customers where customer_code in ('${HEAVY}', '${TYPICAL}', '${EMPTY}')`,
    ),
  );
  // node-postgres answers { rows }, PGlite too.
  const ids = new Map((rows as unknown as { rows: { code: string; id: string }[] }).rows.map((r) => [r.code, r.id]));
  const id = (code: string) => {
    const found = ids.get(code);
    if (!found) throw new Error(`bench customer ${code} missing`);
    return found;
  };
  return { heavy: id(HEAVY), typical: id(TYPICAL), empty: id(EMPTY) };
}

const reads = [
  ["注文照会 (first page)", "orders"],
  ["出金申込履歴", "withdrawals"],
  ["ログイン履歴", "login-history"],
  ["残高照会", "balances"],
] as const;
const who = ["empty", "typical", "heavy"] as const;

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
}

export type ListsResult = { backend: string; samples: Record<string, Record<(typeof who)[number], Sample[]>> };

export async function runLists(options: ListsOptions): Promise<ListsResult> {
  const backend = options.serverUrl ? "PostgreSQL" : "PGlite";
  const port = options.port ?? (await freePort());
  const dataDir = join(tmpdir(), `kakunin-bench-lists-${randomUUID()}`);
  const scratch = options.serverUrl ? await createScratchDatabase(options.serverUrl, "kakunin_bench") : undefined;
  let core: ChildProcess | undefined;
  try {
    process.stdout.write(`lists (${backend}): seeding… `);
    const started = Date.now();
    const database = scratch ? openPostgres(scratch.url) : await openPglite({ dataDir });
    const ids = await seed(database);
    await database.close();
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    core = spawn(process.execPath, ["--import", "tsx", `${options.root}apps/core/src/main.ts`], {
      env: {
        ...process.env,
        LOG_LEVEL: "warn",
        CORE_PORT: String(port),
        CORE_DATA_DIR: dataDir,
        CORE_SERVICE_TOKEN: token,
        SMTP_URL: "smtp://127.0.0.1:9",
        ...(scratch ? { DATABASE_URL: scratch.url } : {}),
      },
      stdio: "inherit",
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/health`, { child: core });
    const headers = { authorization: `Bearer ${token}` };

    const samples: ListsResult["samples"] = {};
    for (const [title] of reads) samples[title] = { empty: [], typical: [], heavy: [] };
    for (let run = 0; run < options.runs; run++) {
      for (const [title, path] of reads) {
        // Rotate who goes first, so warming up never favours one customer.
        const order = who.map((_, i) => who[(i + run) % who.length] as (typeof who)[number]);
        for (const customer of order) {
          const url = `${base}/v1/customers/${ids[customer]}/${path}`;
          await autocannon({ url, headers, connections: 10, duration: 1 });
          const before = await cpuSeconds(core.pid);
          const result = await autocannon({ url, headers, connections: 10, duration: options.seconds });
          const cpu = (await cpuSeconds(core.pid)) - before;
          if (result.non2xx > 0 || result.errors > 0) {
            throw new Error(`${title} (${customer}): ${result.non2xx} non-2xx and ${result.errors} errors`);
          }
          samples[title]?.[customer].push({
            rps: result.requests.average,
            p50: result.latency.p50,
            p99: result.latency.p99,
            cpuMsPerRequest: (cpu * 1000) / Math.max(1, result.requests.total),
          });
        }
      }
    }
    return { backend, samples };
  } finally {
    if (core && core.exitCode === null) {
      const exited = new Promise((resolve) => core?.once("exit", resolve));
      core.kill("SIGTERM");
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
function spread(xs: number[], digits: number) {
  const f = (x: number) => x.toFixed(digits);
  return xs.length > 1 ? `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})` : f(xs[0] ?? Number.NaN);
}

export function printLists(result: ListsResult, options: Pick<ListsOptions, "seconds" | "runs">) {
  console.log(
    `\nList reads straight against core on ${result.backend}, ${options.seconds}s each, 10 connections, ` +
      `${options.runs} run(s): median (min–max); ratios heavy ÷ empty and heavy ÷ typical within each run`,
  );
  const rows = [];
  for (const [title, byWho] of Object.entries(result.samples)) {
    const ratio = (of: (s: Sample) => number, base: "empty" | "typical") =>
      byWho.heavy.map((s, i) => of(s) / of(byWho[base][i] as Sample));
    for (const customer of who) {
      const xs = byWho[customer];
      rows.push({
        read: title,
        customer,
        "req/s": spread(
          xs.map((s) => s.rps),
          0,
        ),
        "p50 ms": spread(
          xs.map((s) => s.p50),
          0,
        ),
        "p99 ms": spread(
          xs.map((s) => s.p99),
          0,
        ),
        "core CPU ms/req": spread(
          xs.map((s) => s.cpuMsPerRequest),
          2,
        ),
      });
    }
    for (const base of ["empty", "typical"] as const) {
      rows.push({
        read: title,
        customer: `heavy ÷ ${base}`,
        "req/s": spread(
          ratio((s) => s.rps, base),
          2,
        ),
        "p50 ms": "",
        "p99 ms": "",
        "core CPU ms/req": spread(
          ratio((s) => s.cpuMsPerRequest, base),
          2,
        ),
      });
    }
  }
  console.table(rows);
}
