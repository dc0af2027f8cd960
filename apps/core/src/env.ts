import { fileURLToPath } from "node:url";
import { type DevSecretName, withDevSecrets } from "@kakunin/contracts/dev-secrets";
import { parseEnv } from "@kakunin/contracts/env";
import { stepUpOperationSchema } from "@kakunin/contracts/operations";
import { weakKeyReason, weakTokenReason } from "@kakunin/contracts/secret-strength";
import { z } from "zod";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Secrets have no default in the repository: outside production, unset ones are generated
 * at first start into `.data/dev-secrets.json` (shared with the BFF and the ops CLI);
 * production must set them, and refuses weak ones (see secret-strength.ts).
 */
const secretNames = [
  "CORE_SERVICE_TOKEN",
  "CORE_OPS_TOKEN",
  "CORE_ENCRYPTION_KEY",
] as const satisfies readonly DevSecretName[];
const mustBeSet = "must be set in production (outside production it is generated into .data/dev-secrets.json)";
const token = () => z.string({ error: mustBeSet }).min(24, "must be at least 24 characters");

/**
 * A comma-separated list of step-up operations (names of `operationDefinitions`); `none` for
 * an empty list (an empty variable counts as unset, so it would mean the default).
 */
const operationList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) =>
      v.trim() === "none"
        ? []
        : v
            .split(",")
            .map((o) => o.trim())
            .filter(Boolean),
    )
    .pipe(z.array(stepUpOperationSchema));

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    CORE_HOST: z.string().default("127.0.0.1"),
    CORE_PORT: z.coerce.number().int().min(1).max(65535).default(8081),
    /** PostgreSQL server URL; when unset, core uses embedded PGlite under CORE_DATA_DIR. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    CORE_DATA_DIR: z.string().default(`${repoRoot}.data/core-pglite`),
    CORE_SERVICE_TOKEN: token(),
    /** Bearer credential of the operator API (/ops, used by `npm run ops`). */
    CORE_OPS_TOKEN: token(),
    /** AES-256-GCM key (32 bytes, base64) for secrets kept at rest, e.g. initial execution passwords. */
    CORE_ENCRYPTION_KEY: z
      .string({ error: mustBeSet })
      .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded"),
    /** How many of the latest passwords of a kind may not be reused (R3, R7). */
    PASSWORD_HISTORY_SIZE: z.coerce.number().int().min(1).max(24).default(5),
    /**
     * Admission control for password hashing (issue 12): argon2 evaluations at once (default:
     * the machine's cores less one, at least 1), how many may wait for a slot, how long a
     * request may wait in all (below the BFF's CORE_TIMEOUT_MS, 5 s by default), and how many
     * of one customer's checks may wait behind the one in flight. Beyond them: 503 / 429.
     */
    PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
    PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).default(256),
    PASSWORD_HASH_MAX_WAIT_MS: z.coerce.number().int().min(1).max(4_000).default(2_000),
    PASSWORD_HASH_QUEUE_PER_CUSTOMER: z.coerce.number().int().min(0).default(4),
    /** Nice value (0–19) of the worker threads that run argon2: higher yields more CPU to other requests. */
    PASSWORD_HASH_NICE: z.coerce.number().int().min(0).max(19).default(10),
    /** Pre-registration window start and enforcement start of the execution password (R11). */
    EXECUTION_PASSWORD_REGISTRATION_FROM: z.iso.datetime({ offset: true }).default("2022-08-22T00:00:00+09:00"),
    EXECUTION_PASSWORD_ENFORCED_FROM: z.iso.datetime({ offset: true }).default("2022-09-18T18:00:00+09:00"),
    /** Seeds SPEC §9's demo customers on the first start of an empty database (embedded or server; not in production). */
    CORE_SEED_DEMO: z.stringbool().default(true),
    /** Exposes the test-only seeding API (/test/*). Never in production. */
    CORE_TEST_API: z.stringbool().default(false),
    /** SMTP server for outgoing mail; the default is the MailDev that `npm start` runs. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).default("smtp://127.0.0.1:1025"),
    MAIL_FROM: z.string().min(3).default("kakunin証券 <no-reply@kakunin.example>"),
    /** Delivery worker: poll interval, first retry delay (doubling up to the cap) and attempts before `failed`. */
    MAIL_POLL_MS: z.coerce.number().int().positive().default(500),
    MAIL_RETRY_BASE_MS: z.coerce.number().int().positive().default(5_000),
    MAIL_RETRY_MAX_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 60_000),
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().positive().default(30),
    /** Days a sent mail stays in the outbox before the worker removes it (failed mail stays). */
    MAIL_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
    /** Seed of the simulated market's deterministic price steps (R18): same seed, same prices. */
    MARKET_SEED: z.coerce.number().int().default(20220918),
    /** Period of the automatic market tick (one price step of every stock) in ms; 0 = off (operators tick). */
    MARKET_TICK_MS: z.coerce.number().int().min(0).default(0),
    /**
     * WebAuthn relying party (issue 14): the RP ID is the registrable domain passkeys are bound
     * to (WebAuthn refuses `127.0.0.1`, so development uses `localhost`); the origins are the
     * exact pages allowed to run a ceremony (the BFF's and Vite's in development).
     */
    WEBAUTHN_RP_ID: z.string().min(1).default("localhost"),
    WEBAUTHN_RP_NAME: z.string().min(1).default("kakunin証券"),
    WEBAUTHN_ORIGINS: z
      .string()
      .default("http://localhost:8080,http://localhost:5173")
      .transform((v) =>
        v
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url()).min(1)),
    /**
     * Passkey policy (issue 14). PASSKEY_STEP_UP_OPERATIONS: once a customer has a usable (not
     * suspended) passkey, confirming these needs it (and it replaces the 認証コード, except where
     * the code is always required); a broker adds `place_order,modify_order,cancel_order` to
     * require it for orders. PASSKEY_ENFORCED_OPERATIONS and PASSKEY_ENFORCEMENT_DATE: from that
     * instant, a customer with no usable passkey is refused these (passkey_registration_required);
     * before it nothing changes. PASSKEY_LOGIN_REQUIRED: once a customer has a usable passkey,
     * password login is refused (passkey_login_required); with all of them suspended, the
     * password still logs in (the fallback to delete them and register anew). A list may be
     * `none`.
     */
    PASSKEY_STEP_UP_OPERATIONS: operationList("withdrawal,change_bank_account,register_passkey,delete_passkey"),
    PASSKEY_ENFORCED_OPERATIONS: operationList("withdrawal,change_bank_account"),
    PASSKEY_ENFORCEMENT_DATE: z.iso.datetime({ offset: true }).default("2027-04-01T00:00:00+09:00"),
    PASSKEY_LOGIN_REQUIRED: z.stringbool().default(true),
    /** The お客様サポートセンター number named by 取引停止 (R33) messages and mails; the default is a demo number. */
    SUPPORT_PHONE: z.string().min(1).max(32).default("0120-000-000"),
    /** The hours of that number, named beside it in every mail (issue 17). */
    SUPPORT_HOURS: z.string().min(1).max(64).default("平日 8:30〜17:00"),
    /**
     * The same hours as English messages and mails word them (R36). Unset: the English of the
     * default hours, or SUPPORT_HOURS itself when that was changed (Japanese beats wrong).
     */
    SUPPORT_HOURS_EN: z.string().min(1).max(64).optional(),
    /**
     * New-device detection (issue 15): a password login from a device the customer never used
     * needs a 認証コード mailed to the registered address (off: it proceeds, still mailed), and
     * starts a cooling period of this many hours (destination changes refused, withdrawals coded).
     */
    NEW_DEVICE_CODE_REQUIRED: z.stringbool().default(true),
    NEW_DEVICE_COOLING_HOURS: z.coerce.number().int().min(0).max(720).default(24),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (Date.parse(env.EXECUTION_PASSWORD_ENFORCED_FROM) < Date.parse(env.EXECUTION_PASSWORD_REGISTRATION_FROM)) {
      ctx.addIssue({
        code: "custom",
        path: ["EXECUTION_PASSWORD_ENFORCED_FROM"],
        message: "must not be before EXECUTION_PASSWORD_REGISTRATION_FROM",
      });
    }
    // Registering a passkey cannot itself require one: a customer without would be stuck.
    if (env.PASSKEY_ENFORCED_OPERATIONS.includes("register_passkey")) {
      ctx.addIssue({
        code: "custom",
        path: ["PASSKEY_ENFORCED_OPERATIONS"],
        message: "must not contain register_passkey (a customer without a passkey could never register one)",
      });
    }
    if (env.NODE_ENV !== "production") return;
    for (const key of ["CORE_SERVICE_TOKEN", "CORE_OPS_TOKEN"] as const) {
      const weak = weakTokenReason(env[key]);
      if (weak) ctx.addIssue({ code: "custom", path: [key], message: weak });
    }
    const key = Buffer.from(env.CORE_ENCRYPTION_KEY, "base64");
    const weakKey = key.length === 32 ? weakKeyReason(key) : null; // else the format check reports it
    if (weakKey) ctx.addIssue({ code: "custom", path: ["CORE_ENCRYPTION_KEY"], message: weakKey });
    // The BFF's credential must never open the operator API.
    if (env.CORE_OPS_TOKEN === env.CORE_SERVICE_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["CORE_OPS_TOKEN"], message: "must differ from CORE_SERVICE_TOKEN" });
    }
    if (env.CORE_TEST_API) {
      ctx.addIssue({ code: "custom", path: ["CORE_TEST_API"], message: "must not be enabled in production" });
    }
  });

export type CoreEnv = z.infer<typeof envSchema>;

/** Every variable this app reads: the README's configuration table is checked against it. */
export const coreEnvVariables = Object.keys(envSchema.shape) as (keyof CoreEnv)[];

/** `devSecretsDir`: where development secrets are kept (tests pass a temporary directory). */
export interface EnvOptions {
  devSecretsDir?: string;
}

export function loadCoreEnv(
  source: Record<string, string | undefined> = process.env,
  options: EnvOptions = {},
): CoreEnv {
  return parseEnv(envSchema, withDevSecrets(source, secretNames, options.devSecretsDir));
}

const opsCliEnvSchema = z.object({
  CORE_URL: z.url().default("http://127.0.0.1:8081"),
  CORE_OPS_TOKEN: token(),
  /** Recorded in the audit trail as the acting operator. */
  OPS_OPERATOR: z
    .string()
    .min(1)
    .default(process.env.USER ?? "operator"),
});

/** The operator CLI (`npm run ops`) talks to a running core over its operator API. */
export function loadOpsCliEnv(source: Record<string, string | undefined> = process.env, options: EnvOptions = {}) {
  return parseEnv(opsCliEnvSchema, withDevSecrets(source, ["CORE_OPS_TOKEN"], options.devSecretsDir));
}
