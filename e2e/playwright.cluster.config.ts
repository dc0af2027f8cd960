// Must come first: ports.ts (imported below) picks the cluster's ports when it is evaluated.
import "./cluster-mode.ts";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import baseConfig, { chromiumProject, e2eBffEnv, e2eCoreEnv } from "./playwright.config.ts";
import { e2eClusterPorts, e2ePorts } from "./ports.ts";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const clusterSpecs = process.env.CLUSTER_SPECS?.split(",")
  .map((name) => name.trim())
  .filter(Boolean);

/**
 * Issue 18: the whole suite against two cores on the PostgreSQL server and two BFFs on Redis,
 * both tiers behind nginx (scripts/start-cluster.mjs). The run gets its own database and Redis
 * key prefix (CLUSTER_EPHEMERAL), removed when Playwright stops the cluster.
 */
export default defineConfig({
  ...baseConfig,
  projects: [
    // CLUSTER_SPECS (comma-separated file names) narrows this project: `npm test` runs a
    // representative subset (sessions, money, orders, the shared test clock) to stay within CI's
    // time; `npm run test:e2e:cluster` runs everything. A CLI file filter would not do: the
    // instance-loss project depends on this one, and a dependency runs whole.
    {
      ...chromiumProject,
      name: "cluster",
      testDir: "./tests",
      ...(clusterSpecs ? { testMatch: clusterSpecs.map((name) => `**/${name}`) } : {}),
    },
    // Stops and restarts instances: only once the rest has finished, one test at a time, so no
    // other test's request is in flight on the instance it takes away.
    {
      ...chromiumProject,
      name: "instance-loss",
      testDir: "./cluster",
      dependencies: ["cluster"],
      fullyParallel: false,
    },
  ],
  webServer: {
    name: "cluster",
    command: `node ${repoRoot}scripts/start-cluster.mjs`,
    url: `http://127.0.0.1:${e2ePorts.bff}/api/session`,
    // Two cores start one after the other (each migrates a new database), then nginx and the BFFs.
    timeout: 180_000,
    reuseExistingServer: false,
    // The runner prefixes each instance's lines; with LOG_LEVEL=warn they are the ones worth seeing.
    stdout: "pipe",
    // The runner drops the run's database and keys on SIGTERM; the default SIGKILL would leave them.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    env: {
      ...e2eCoreEnv,
      ...e2eBffEnv,
      CLUSTER_EPHEMERAL: "true",
      CLUSTER_CONTROL_PORT: String(e2eClusterPorts.control),
      BFF_PORT: String(e2ePorts.bff),
      CORE_PORT: String(e2ePorts.core),
      BFF_INSTANCE_PORTS: e2eClusterPorts.bffs.join(","),
      CORE_INSTANCE_PORTS: e2eClusterPorts.cores.join(","),
      SMTP_PORT: String(e2ePorts.smtp),
      MAILDEV_PORT: String(e2ePorts.maildev),
      DATABASE_URL: process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test",
      REDIS_URL: process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379",
    },
  },
});
