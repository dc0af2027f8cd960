import { fileURLToPath } from "node:url";
import { parseEnv } from "@kakunin/contracts/env";
import { z } from "zod";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Demo-only service token so `npm start` works out of the box; production must set its own. */
export const DEV_SERVICE_TOKEN = "dev-only-kakunin-core-service-token";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    CORE_HOST: z.string().default("127.0.0.1"),
    CORE_PORT: z.coerce.number().int().min(1).max(65535).default(8081),
    /** PostgreSQL server URL; when unset, core uses embedded PGlite under CORE_DATA_DIR. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    CORE_DATA_DIR: z.string().default(`${repoRoot}.data/core-pglite`),
    CORE_SERVICE_TOKEN: z.string().min(24, "must be at least 24 characters").default(DEV_SERVICE_TOKEN),
    /** Seeds SPEC §9's demo customers on the first start of the embedded database. */
    CORE_SEED_DEMO: z.stringbool().default(true),
    /** Exposes the test-only seeding API (/test/*). Never in production. */
    CORE_TEST_API: z.stringbool().default(false),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (env.CORE_SERVICE_TOKEN === DEV_SERVICE_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["CORE_SERVICE_TOKEN"], message: "must be set in production" });
    }
    if (env.CORE_TEST_API) {
      ctx.addIssue({ code: "custom", path: ["CORE_TEST_API"], message: "must not be enabled in production" });
    }
  });

export type CoreEnv = z.infer<typeof envSchema>;

export function loadCoreEnv(source: Record<string, string | undefined> = process.env): CoreEnv {
  return parseEnv(envSchema, source);
}
