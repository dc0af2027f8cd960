import { fileURLToPath } from "node:url";
import { parseEnv } from "@kakunin/contracts/env";
import { z } from "zod";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Demo-only credential shared with core's default so `npm start` works; production sets its own. */
const DEV_SERVICE_TOKEN = "dev-only-kakunin-core-service-token";

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    BFF_HOST: z.string().default("127.0.0.1"),
    BFF_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    /** Origins allowed to make state-changing calls (CSRF check), comma-separated. */
    ALLOWED_ORIGINS: z
      .string()
      .default("http://localhost:8080")
      .transform((s) => s.split(",").map((o) => o.trim()))
      .pipe(z.array(z.url())),
    CORE_URL: z.url().default("http://127.0.0.1:8081"),
    CORE_SERVICE_TOKEN: z.string().min(24, "must be at least 24 characters").default(DEV_SERVICE_TOKEN),
    CORE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    SESSION_IDLE_TIMEOUT_SECONDS: seconds(30 * 60),
    SESSION_ABSOLUTE_TIMEOUT_SECONDS: seconds(12 * 60 * 60),
    /** Failed logins allowed per customer code within the window before it is throttled. */
    LOGIN_MAX_FAILURES_PER_CODE: z.coerce.number().int().positive().default(5),
    /** Failed logins allowed per client address within the window. */
    LOGIN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().positive().default(30),
    LOGIN_THROTTLE_WINDOW_SECONDS: seconds(15 * 60),
    /** Take the client address from X-Forwarded-For (only behind a trusted load balancer). */
    TRUST_PROXY: z.stringbool().default(false),
    /** The built SPA served at `/`; absent in `npm run dev`, where Vite serves it. */
    WEB_DIST_DIR: z.string().default(`${repoRoot}apps/web/dist`),
    /** Exposes test-only routes under /api/test. Never in production. */
    BFF_TEST_API: z.stringbool().default(false),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (env.CORE_SERVICE_TOKEN === DEV_SERVICE_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["CORE_SERVICE_TOKEN"], message: "must be set in production" });
    }
    if (env.BFF_TEST_API) {
      ctx.addIssue({ code: "custom", path: ["BFF_TEST_API"], message: "must not be enabled in production" });
    }
  });

export type BffEnv = z.infer<typeof envSchema>;

export function loadBffEnv(source: Record<string, string | undefined> = process.env): BffEnv {
  return parseEnv(envSchema, source);
}
