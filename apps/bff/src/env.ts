import { fileURLToPath } from "node:url";
import { withDevSecrets } from "@kakunin/contracts/dev-secrets";
import { parseEnv } from "@kakunin/contracts/env";
import { weakKeyReason, weakTokenReason } from "@kakunin/contracts/secret-strength";
import { z } from "zod";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Secrets have no default in the repository: outside production, unset ones come from
 * `.data/dev-secrets.json`, generated at first start and shared with core; production must
 * set them and refuses weak ones (see secret-strength.ts).
 */
const mustBeSet = "must be set in production (outside production it is generated into .data/dev-secrets.json)";

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
    CORE_SERVICE_TOKEN: z.string({ error: mustBeSet }).min(24, "must be at least 24 characters"),
    CORE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    SESSION_IDLE_TIMEOUT_SECONDS: seconds(30 * 60),
    SESSION_ABSOLUTE_TIMEOUT_SECONDS: seconds(12 * 60 * 60),
    /** Failed logins in a row that block a customer code (from any client), decision 011. */
    LOGIN_MAX_FAILURES_PER_CODE: z.coerce.number().int().positive().default(5),
    /** Failures from one client address in the window after which codes that failed from it are refused. */
    LOGIN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().positive().default(30),
    /** Counting window, and a code's first block. */
    LOGIN_THROTTLE_WINDOW_SECONDS: seconds(15 * 60),
    /** A code's block doubles with each further block within a day, up to this (at most a day). */
    LOGIN_CODE_MAX_BLOCK_SECONDS: seconds(4 * 60 * 60),
    /** Failures from one client address in the window after which its attempts are paced, never refused. */
    LOGIN_CLIENT_SLOWDOWN_FAILURES: z.coerce.number().int().positive().default(300),
    /** A paced client address gets one login attempt per this many seconds, across all instances. */
    LOGIN_CLIENT_SLOWDOWN_INTERVAL_SECONDS: seconds(1),
    /** Attempts a paced client address may have waiting per instance; more get 429. */
    LOGIN_CLIENT_SLOWDOWN_QUEUE: z.coerce.number().int().positive().default(10),
    /** Take the client address from X-Forwarded-For (only behind a trusted load balancer). */
    TRUST_PROXY: z.stringbool().default(false),
    /** The built SPA served at `/`; absent in `npm run dev`, where Vite serves it. */
    WEB_DIST_DIR: z.string().default(`${repoRoot}apps/web/dist`),
    /**
     * Keys of the encrypted step-up cookies, `kid:base64(32 bytes)`, comma-separated. The
     * first seals; all open, so a rotation puts the new key first and keeps the old one a while.
     */
    STEP_UP_KEYS: z
      .string({ error: mustBeSet })
      .refine(
        (v) =>
          v
            .split(",")
            .every((e) => /^[\w-]+:/.test(e.trim()) && Buffer.from(e.split(":")[1] ?? "", "base64").length === 32),
        "must be kid:base64 pairs of 32-byte keys",
      ),
    /** Registered information stays viewable this long after a step-up (R21). */
    STEP_UP_VIEW_WINDOW_SECONDS: seconds(5 * 60),
    /** A started confirmation (and its 認証コード) stays valid this long. */
    STEP_UP_CHALLENGE_SECONDS: seconds(10 * 60),
    /** A confirmed operation must be executed within this time. */
    STEP_UP_GRANT_SECONDS: seconds(5 * 60),
    /**
     * Redis shared by every BFF instance for sessions, login throttling, single-use grants and
     * idempotency (SPEC §1). Unset: all four stay in this process's memory (one instance only).
     */
    REDIS_URL: z.url({ protocol: /^rediss?$/, hostname: /./, error: "must be a redis:// or rediss:// URL" }).optional(),
    /**
     * Start of every key the BFF writes in Redis. Instances that serve the same customers must
     * share it; a separate prefix keeps another deployment (or one e2e run, issue 18) apart in one Redis.
     */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[\w:.-]{1,64}$/, "must be 1–64 letters, digits, _ : . or -")
      .default("kakunin:bff:"),
    /** Exposes test-only routes under /api/test. Never in production. */
    BFF_TEST_API: z.stringbool().default(false),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    const issue = (path: keyof typeof env, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (env.LOGIN_CODE_MAX_BLOCK_SECONDS < env.LOGIN_THROTTLE_WINDOW_SECONDS) {
      issue("LOGIN_CODE_MAX_BLOCK_SECONDS", "must be at least LOGIN_THROTTLE_WINDOW_SECONDS");
    }
    // Earlier blocks are remembered for a day: a longer block would outlive its own history.
    if (env.LOGIN_CODE_MAX_BLOCK_SECONDS > 24 * 60 * 60) issue("LOGIN_CODE_MAX_BLOCK_SECONDS", "must be at most 86400");
    if (env.LOGIN_CLIENT_SLOWDOWN_FAILURES < env.LOGIN_MAX_FAILURES_PER_CLIENT) {
      issue("LOGIN_CLIENT_SLOWDOWN_FAILURES", "must be at least LOGIN_MAX_FAILURES_PER_CLIENT");
    }
    // A waiting attempt must get its turn or its refusal before the request times out.
    if (env.LOGIN_CLIENT_SLOWDOWN_QUEUE * env.LOGIN_CLIENT_SLOWDOWN_INTERVAL_SECONDS * 1000 >= env.REQUEST_TIMEOUT_MS) {
      issue(
        "LOGIN_CLIENT_SLOWDOWN_QUEUE",
        "times LOGIN_CLIENT_SLOWDOWN_INTERVAL_SECONDS must be below REQUEST_TIMEOUT_MS",
      );
    }
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    const weakToken = weakTokenReason(env.CORE_SERVICE_TOKEN);
    if (weakToken) ctx.addIssue({ code: "custom", path: ["CORE_SERVICE_TOKEN"], message: weakToken });
    for (const entry of env.STEP_UP_KEYS.split(",")) {
      const [id, base64] = entry.trim().split(":");
      const secret = Buffer.from(base64 ?? "", "base64");
      if (secret.length !== 32) continue; // the format check reports it
      const weakKey = weakKeyReason(secret);
      if (weakKey) ctx.addIssue({ code: "custom", path: ["STEP_UP_KEYS"], message: `key "${id}" ${weakKey}` });
    }
    if (env.BFF_TEST_API) {
      ctx.addIssue({ code: "custom", path: ["BFF_TEST_API"], message: "must not be enabled in production" });
    }
  });

export type BffEnv = z.infer<typeof envSchema>;

/** Every variable this app reads: the README's configuration table is checked against it. */
export const bffEnvVariables = Object.keys(envSchema.shape) as (keyof BffEnv)[];

/** `devSecretsDir`: where development secrets are kept (tests pass a temporary directory). */
export interface EnvOptions {
  devSecretsDir?: string;
}

export function loadBffEnv(source: Record<string, string | undefined> = process.env, options: EnvOptions = {}): BffEnv {
  return parseEnv(envSchema, withDevSecrets(source, ["CORE_SERVICE_TOKEN", "STEP_UP_KEYS"], options.devSecretsDir));
}
