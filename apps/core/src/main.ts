import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { openDatabase } from "./db/client.ts";
import { loadCoreEnv } from "./env.ts";
import { createLogger } from "./lib/logger.ts";
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

const database = await openDatabase(env);
await database.migrate();
logger.info({ database: database.kind }, "migrations applied");
if (database.kind === "pglite" && env.CORE_SEED_DEMO && env.NODE_ENV !== "production") {
  if (await seedDemoData(database.db)) logger.info("demo customers seeded (SPEC §9)");
}

const app = createApp({
  db: database.db,
  logger,
  serviceToken: env.CORE_SERVICE_TOKEN,
  enableTestApi: env.CORE_TEST_API,
});
const server = serve({ fetch: app.fetch, hostname: env.CORE_HOST, port: env.CORE_PORT }, (info) => {
  logger.info(`core listening on http://${info.address}:${info.port}`);
});

async function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  server.close();
  await database.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
