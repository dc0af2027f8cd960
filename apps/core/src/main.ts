import { serve } from "@hono/node-server";
import nodemailer from "nodemailer";
import { createApp } from "./app.ts";
import { openDatabase } from "./db/client.ts";
import { issueMissingInitialExecutionPasswords } from "./domain/credentials/initial-password.ts";
import { timerMarketTick } from "./domain/market-ops.ts";
import { loadCoreEnv } from "./env.ts";
import { systemClock, TestClock } from "./lib/clock.ts";
import { defaultHashConcurrency, HashGate } from "./lib/hash-gate.ts";
import { createLogger } from "./lib/logger.ts";
import { closePasswordWorkers, usePasswordWorkers } from "./lib/passwords.ts";
import { SecretBox } from "./lib/secret-box.ts";
import type { CoreServices } from "./lib/types.ts";
import { DeliveryWorker } from "./mail/delivery-worker.ts";
import { configureSupportContact } from "./mail/support-contact.ts";
import { seedDemoData } from "./seed/demo-data.ts";

const env = (() => {
  try {
    return loadCoreEnv();
  } catch (err) {
    console.error(`core: ${(err as Error).message}`);
    process.exit(1);
  }
})();
const logger = createLogger(env.LOG_LEVEL);

const database = await openDatabase(env, (err) => logger.warn({ err }, "idle database client failed"));
await database.migrate();
logger.info({ database: database.kind }, "migrations applied");
// Before anything can queue a mail (the demo seed does): every mail names this number (issue 17).
configureSupportContact({ phone: env.SUPPORT_PHONE, hours: env.SUPPORT_HOURS }, env.SUPPORT_HOURS_EN);
const services: CoreServices = {
  // QA may set the time per customer only where the test API exists.
  clock: env.CORE_TEST_API ? new TestClock() : systemClock,
  secretBox: new SecretBox(env.CORE_ENCRYPTION_KEY),
  settings: {
    passwordHistorySize: env.PASSWORD_HISTORY_SIZE,
    registrationFrom: new Date(env.EXECUTION_PASSWORD_REGISTRATION_FROM),
    enforcedFrom: new Date(env.EXECUTION_PASSWORD_ENFORCED_FROM),
  },
  market: { seed: env.MARKET_SEED },
  webauthn: { rpId: env.WEBAUTHN_RP_ID, rpName: env.WEBAUTHN_RP_NAME, origins: env.WEBAUTHN_ORIGINS },
  passkeyPolicy: {
    stepUpOperations: env.PASSKEY_STEP_UP_OPERATIONS,
    enforcedOperations: env.PASSKEY_ENFORCED_OPERATIONS,
    enforcementDate: new Date(env.PASSKEY_ENFORCEMENT_DATE),
    loginRequired: env.PASSKEY_LOGIN_REQUIRED,
  },
  supportPhone: env.SUPPORT_PHONE,
  newDevice: { codeRequired: env.NEW_DEVICE_CODE_REQUIRED, coolingHours: env.NEW_DEVICE_COOLING_HOURS },
  hashGate: new HashGate({
    concurrency: env.PASSWORD_HASH_CONCURRENCY ?? defaultHashConcurrency(),
    maxQueue: env.PASSWORD_HASH_QUEUE,
    maxWaitMs: env.PASSWORD_HASH_MAX_WAIT_MS,
    maxQueuePerKey: env.PASSWORD_HASH_QUEUE_PER_CUSTOMER,
  }),
};
// argon2 runs in as many worker threads as the gate lets run at once, at a lower priority.
usePasswordWorkers({ threads: services.hashGate.options.concurrency, nice: env.PASSWORD_HASH_NICE });
logger.info({ hashGate: services.hashGate.options, nice: env.PASSWORD_HASH_NICE }, "password hash gate");
// Into an empty database of either kind: `npm run start:cluster` (issue 18) runs on a server and
// should offer the same demo logins as `npm start`. Its cores start one after the other, so the
// empty-check here never races another core's seed.
if (env.CORE_SEED_DEMO && env.NODE_ENV !== "production") {
  if (await seedDemoData(database.db, services)) logger.info("demo customers seeded (SPEC §9)");
}
const issued = await issueMissingInitialExecutionPasswords(database.db, services);
if (issued > 0) logger.info({ issued }, "initial execution passwords issued (R9)");

const app = createApp({
  db: database.db,
  logger,
  services,
  serviceToken: env.CORE_SERVICE_TOKEN,
  opsToken: env.CORE_OPS_TOKEN,
  enableTestApi: env.CORE_TEST_API,
});
const worker = new DeliveryWorker(database.db, nodemailer.createTransport(env.SMTP_URL), logger, {
  from: env.MAIL_FROM,
  pollMs: env.MAIL_POLL_MS,
  batchSize: 20,
  baseDelayMs: env.MAIL_RETRY_BASE_MS,
  maxDelayMs: env.MAIL_RETRY_MAX_MS,
  maxAttempts: env.MAIL_MAX_ATTEMPTS,
  claimMs: 60_000,
  retentionMs: env.MAIL_RETENTION_DAYS * 24 * 60 * 60_000,
});
worker.start();

// The simulated market's optional periodic tick (R18): the same step as `npm run ops -- market-tick`.
// Every instance runs the timer; the database lets one tick per interval through, on one
// instance at a time (issue 18, decision 018).
let ticking = false;
const marketTimer =
  env.MARKET_TICK_MS > 0
    ? setInterval(() => {
        if (ticking) return;
        ticking = true;
        timerMarketTick(database.db, services, env.MARKET_TICK_MS)
          .then((r) => {
            if (r && r.filledOrders > 0) logger.info({ filledOrders: r.filledOrders }, "market tick filled orders");
          })
          .catch((err: unknown) => logger.error({ err }, "market tick failed"))
          .finally(() => {
            ticking = false;
          });
      }, env.MARKET_TICK_MS)
    : undefined;

const server = serve({ fetch: app.fetch, hostname: env.CORE_HOST, port: env.CORE_PORT }, (info) => {
  logger.info(`core listening on http://${info.address}:${info.port}`);
});

async function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  server.close();
  if (marketTimer) clearInterval(marketTimer);
  await worker.stop();
  await closePasswordWorkers();
  await database.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
