import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestCustomerResponseSchema, TEST_CUSTOMERS_PATH } from "@kakunin/contracts/test-support";
import { launch } from "chrome-launcher";
import lighthouse, { type Flags } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { benchCoreEnv, median, Servers, sessionCookieOf, spread, waitFor } from "./services.ts";

/**
 * One audit. On a loaded machine Chromium now and then loses the trace (NO_NAVSTART, "Please run
 * Lighthouse again"): that audit is run once more, and said; any other failure stops the bench.
 */
async function audit(url: string, flags: Flags, config: typeof desktopConfig | undefined) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { runtimeError } = result.lhr;
    if (!runtimeError) return result.lhr;
    if (attempt > 1 || !/run Lighthouse again/i.test(runtimeError.message)) {
      throw new Error(`${url}: ${runtimeError.message}`);
    }
    console.warn(`Lighthouse on ${url}: ${runtimeError.code}; auditing it again`);
  }
}

/** Issue 16 goal 4: Lighthouse's performance score, mobile and desktop. */
export const LIGHTHOUSE_TARGETS = { mobile: 95, desktop: 100 } as const;

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

interface Audit {
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

export interface LighthouseRow {
  page: string;
  formFactor: "mobile" | "desktop";
  audits: Audit[];
}

/**
 * Lighthouse (12.2.3, simulated throttling) on ログイン, 会員トップ and a confirmation screen
 * (口座情報照会, which opens with the 執行パスワード), each as a phone and as a desktop, against
 * the built SPA served by a real BFF and core, in Debian's Chromium as the tests use it.
 * Signed-in pages get the session cookie on every request (Lighthouse's extraHeaders). Each
 * page and device is audited `runs` times: scores move by several points between runs here.
 */
export async function runLighthouse(options: { root: string; ports: { core: number; bff: number }; runs: number }) {
  const { root, ports } = options;
  const dataDir = await mkdtemp(join(tmpdir(), "kakunin-bench-lh-"));
  const token = randomBytes(32).toString("base64url");
  const base = `http://localhost:${ports.bff}`;
  const servers = new Servers();
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // As root Chromium needs --no-sandbox (the e2e tests run it the same way).
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const core = servers.start(
      "core",
      `${root}apps/core/src/main.ts`,
      benchCoreEnv({ port: ports.core, dataDir, token }),
    );
    const bff = servers.start("bff", `${root}apps/bff/src/main.ts`, {
      BFF_PORT: String(ports.bff),
      CORE_URL: `http://127.0.0.1:${ports.core}`,
      CORE_SERVICE_TOKEN: token,
      ALLOWED_ORIGINS: base,
    });
    await Promise.all([
      waitFor(`http://127.0.0.1:${ports.core}/health`, { child: core }),
      waitFor(`${base}/api/session`, { child: bff }),
    ]);
    const created = await fetch(`http://127.0.0.1:${ports.core}${TEST_CUSTOMERS_PATH}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: "{}",
    });
    const { customer, loginPassword } = createTestCustomerResponseSchema.parse(await created.json());
    const login = await fetch(`${base}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf": "1", origin: base },
      body: JSON.stringify({ customerCode: customer.customerCode, password: loginPassword }),
    });
    const cookie = sessionCookieOf(login);
    if (!login.ok || !cookie) throw new Error(`login failed: ${login.status}`);

    const pages = [
      { page: "/login", signedIn: false },
      { page: "/", signedIn: true },
      { page: "/account/profile", signedIn: true },
    ];
    const rows: LighthouseRow[] = pages.flatMap(({ page }) =>
      (["mobile", "desktop"] as const).map((formFactor) => ({ page, formFactor, audits: [] as Audit[] })),
    );
    for (let run = 0; run < options.runs; run++) {
      for (const row of rows) {
        const signedIn = pages.find((p) => p.page === row.page)?.signedIn ?? false;
        const flags: Flags = {
          port: chrome.port,
          logLevel: "error",
          onlyCategories: [...CATEGORIES],
          ...(signedIn ? { extraHeaders: { Cookie: cookie } } : {}),
        };
        const config = row.formFactor === "desktop" ? desktopConfig : undefined;
        const lhr = await audit(`${base}${row.page}`, flags, config);
        const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        row.audits.push({
          scores: Object.fromEntries(
            CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
          ) as Audit["scores"],
          lcpMs: metric("largest-contentful-paint"),
          tbtMs: metric("total-blocking-time"),
          cls: metric("cumulative-layout-shift"),
        });
      }
    }
    return rows;
  } finally {
    chrome.kill();
    await servers.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const performanceOf = (row: LighthouseRow) => median(row.audits.map((a) => a.scores.performance));

/** Prints the medians (with the spread where it matters); answers the rows whose median performance misses its target. */
export function printLighthouse(rows: LighthouseRow[]) {
  console.log(
    `\nLighthouse 12.2.3, ${rows[0]?.audits.length ?? 0} run(s): median (min–max); targets: performance ` +
      `${LIGHTHOUSE_TARGETS.mobile} mobile, ${LIGHTHOUSE_TARGETS.desktop} desktop`,
  );
  console.table(
    rows.map((r) => {
      const of = (pick: (a: Audit) => number) => r.audits.map(pick);
      return {
        page: r.page,
        device: r.formFactor,
        performance: spread(
          of((a) => a.scores.performance),
          0,
        ),
        accessibility: median(of((a) => a.scores.accessibility)),
        "best-practices": median(of((a) => a.scores["best-practices"])),
        seo: median(of((a) => a.scores.seo)),
        "LCP ms": spread(
          of((a) => a.lcpMs),
          0,
        ),
        "TBT ms": median(of((a) => a.tbtMs)).toFixed(0),
        CLS: median(of((a) => a.cls)).toFixed(3),
        "": performanceOf(r) < LIGHTHOUSE_TARGETS[r.formFactor] ? "under" : "",
      };
    }),
  );
  return rows.filter((r) => performanceOf(r) < LIGHTHOUSE_TARGETS[r.formFactor]);
}
