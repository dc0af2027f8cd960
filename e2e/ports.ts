/**
 * Cluster mode (issue 18): playwright.cluster.config.ts sets E2E_CLUSTER before this module
 * loads, and Playwright's workers inherit it, so fixtures and tests reach the balancer's ports.
 */
export const e2eCluster = process.env.E2E_CLUSTER === "true";

/**
 * The e2e system runs on its own ports so a developer's `npm start` (8080/8081/1025/1080)
 * can keep running beside it. In cluster mode `bff` and `core` are nginx's two fronts.
 */
export const e2ePorts = e2eCluster
  ? ({ bff: 8390, core: 8391, smtp: 1028, maildev: 1083 } as const)
  : ({ bff: 8090, core: 8091, smtp: 1026, maildev: 1081 } as const);
/** The instances behind nginx in cluster mode, and the runner's test-only control. */
export const e2eClusterPorts = { bffs: [8392, 8393], cores: [8394, 8395], control: 8396 } as const;
export const e2eBaseUrl = `http://localhost:${e2ePorts.bff}`;
export const e2eCoreUrl = `http://127.0.0.1:${e2ePorts.core}`;
/**
 * Test-only credential shared by the e2e core and BFF (never used outside tests; it opens only
 * the e2e instances on their own ports, and production refuses any `e2e-only` value). Their
 * other secrets come from .data/dev-secrets.json like `npm start`'s.
 */
export const e2eServiceToken = "e2e-only-kakunin-core-service-token";
/** Test-only operator credential of the e2e core (the ops CLI uses it). */
export const e2eOpsToken = "e2e-only-kakunin-core-operator-token";
