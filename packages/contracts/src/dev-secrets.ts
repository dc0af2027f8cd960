import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * Development secrets, generated at first start so that no usable secret lives in the
 * repository: every checkout gets its own random service token, operator token, encryption
 * key and step-up cookie key, kept in `.data/dev-secrets.json` (gitignored, mode 0600).
 * Node-only (node:fs): the SPA never imports it.
 *
 * Production never comes here: its secrets must be set explicitly (each app's env.ts).
 */

/** The repository's `.data/` (this file is packages/contracts/src/dev-secrets.ts). */
export const defaultDevSecretsDir = fileURLToPath(new URL("../../../.data/", import.meta.url));
export const DEV_SECRETS_FILE = "dev-secrets.json";

const devSecretsSchema = z.object({
  CORE_SERVICE_TOKEN: z.string().min(24),
  CORE_OPS_TOKEN: z.string().min(24),
  CORE_ENCRYPTION_KEY: z.base64(),
  STEP_UP_KEYS: z.string().min(1),
});
export type DevSecrets = z.infer<typeof devSecretsSchema>;
export type DevSecretName = keyof DevSecrets;

function generate(): DevSecrets {
  return {
    CORE_SERVICE_TOKEN: randomBytes(32).toString("base64url"),
    CORE_OPS_TOKEN: randomBytes(32).toString("base64url"),
    CORE_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    STEP_UP_KEYS: `dev:${randomBytes(32).toString("base64")}`,
  };
}

function read(file: string): DevSecrets | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = devSecretsSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a valid dev secrets file: delete it to generate new secrets`);
  return parsed.data;
}

/**
 * The development secrets in `dir`, created on first use. Creation is atomic: the file is
 * written complete under a temporary name and hard-linked into place, which fails with EEXIST
 * when another process (core and the BFF start at once) won the race; then its file is read.
 * So every process of one checkout ends with the same values and none reads a partial file.
 */
export function loadDevSecrets(dir: string = defaultDevSecretsDir): DevSecrets {
  const file = join(dir, DEV_SECRETS_FILE);
  const existing = read(file);
  if (existing) return existing;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${DEV_SECRETS_FILE}.${process.pid}.${randomBytes(6).toString("hex")}`);
  writeFileSync(temp, `${JSON.stringify(generate(), null, 2)}\n`, { mode: 0o600, flag: "wx" });
  try {
    linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    unlinkSync(temp);
  }
  const created = read(file);
  if (!created) throw new Error(`${file} vanished while it was being created`);
  return created;
}

/**
 * Outside production, fills the unset secrets among `names` from the development secrets
 * (creating them on first use); set variables always win. In production the source is
 * returned as it is, so a missing secret stops the app.
 */
export function withDevSecrets(
  source: Record<string, string | undefined>,
  names: readonly DevSecretName[],
  dir: string = defaultDevSecretsDir,
): Record<string, string | undefined> {
  if (source.NODE_ENV === "production") return source;
  const unset = names.filter((name) => !source[name]);
  if (unset.length === 0) return source;
  const secrets = loadDevSecrets(dir);
  return { ...source, ...Object.fromEntries(unset.map((name) => [name, secrets[name]])) };
}
