// Imported first by playwright.cluster.config.ts: ports.ts reads this when it is evaluated
// (imports run in order), and Playwright's workers inherit the variable.
process.env.E2E_CLUSTER = "true";
