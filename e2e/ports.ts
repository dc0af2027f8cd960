/**
 * The e2e system runs on its own ports so a developer's `npm start` (8080/8081/1025/1080)
 * can keep running beside it.
 */
export const e2ePorts = { bff: 8090, core: 8091, smtp: 1026, maildev: 1081 } as const;
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
