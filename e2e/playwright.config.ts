import { fileURLToPath } from "node:url";
import { defineConfig, devices, type Project } from "@playwright/test";
import { e2eBaseUrl, e2eCoreUrl, e2eOpsToken, e2ePorts, e2eServiceToken } from "./ports.ts";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const tsx = `${repoRoot}node_modules/.bin/tsx`;
const dataDir = `${repoRoot}.data/e2e-core`;

/** The browser every spec runs in (shared with playwright.cluster.config.ts). */
export const chromiumProject: Project = {
  name: "chromium",
  use: {
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      // This machine's network is closed: keep Chromium from phoning home at start.
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
};

/** Core's settings for the suite, whatever runs it (one embedded core, or the cluster's). */
export const e2eCoreEnv = {
  CORE_SERVICE_TOKEN: e2eServiceToken,
  CORE_OPS_TOKEN: e2eOpsToken,
  CORE_TEST_API: "true",
  SMTP_URL: `smtp://127.0.0.1:${e2ePorts.smtp}`,
  MAIL_POLL_MS: "100",
  MAIL_RETRY_BASE_MS: "200",
  CORE_SEED_DEMO: "true",
  // The market stands still: tests move prices with the ops CLI.
  MARKET_TICK_MS: "0",
  // WebAuthn runs on localhost (not 127.0.0.1): the SPA's origin is the only one allowed.
  WEBAUTHN_RP_ID: "localhost",
  WEBAUTHN_ORIGINS: e2eBaseUrl,
  // Fixed, so the suite does not change meaning on the real date; a test moves one customer's clock past it.
  PASSKEY_ENFORCEMENT_DATE: "2030-04-01T00:00:00+09:00",
  LOG_LEVEL: "warn",
};

/** The BFF's settings for the suite. */
export const e2eBffEnv = {
  CORE_SERVICE_TOKEN: e2eServiceToken,
  ALLOWED_ORIGINS: e2eBaseUrl,
  BFF_TEST_API: "true",
  // Generous so that parallel tests never throttle each other through the shared client address
  // (past the soft limit a test's second wrong try on its own code would be refused, past the
  // ceiling every login would be paced).
  LOGIN_MAX_FAILURES_PER_CLIENT: "1000",
  LOGIN_CLIENT_SLOWDOWN_FAILURES: "10000",
  LOG_LEVEL: "warn",
};

export default defineConfig({
  testDir: "./tests",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: e2eBaseUrl,
    trace: "retain-on-failure",
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
  },
  projects: [chromiumProject],
  // A freshly started system: MailDev, core on a new embedded database, and the BFF with the built SPA.
  webServer: [
    {
      name: "mail",
      command: `${repoRoot}node_modules/.bin/maildev --smtp ${e2ePorts.smtp} --ip 127.0.0.1 --web ${e2ePorts.maildev} --web-ip 127.0.0.1 --silent`,
      url: `http://127.0.0.1:${e2ePorts.maildev}/api/healthz`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      name: "core",
      command: `rm -rf ${dataDir} && ${tsx} ${repoRoot}apps/core/src/main.ts`,
      url: `${e2eCoreUrl}/health`,
      timeout: 90_000,
      reuseExistingServer: false,
      env: { ...e2eCoreEnv, CORE_PORT: String(e2ePorts.core), CORE_DATA_DIR: dataDir },
    },
    {
      name: "bff",
      command: `${tsx} ${repoRoot}apps/bff/src/main.ts`,
      url: `http://127.0.0.1:${e2ePorts.bff}/api/session`,
      reuseExistingServer: false,
      env: { ...e2eBffEnv, BFF_PORT: String(e2ePorts.bff), CORE_URL: e2eCoreUrl },
    },
  ],
});
