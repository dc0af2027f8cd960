import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { readmeConfigVariables } from "../../../scripts/readme-config.ts";
import { coreEnvVariables, loadCoreEnv, loadOpsCliEnv } from "./env.ts";

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), "kakunin-dev-secrets-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("core environment: development secrets (F1)", () => {
  it("with no variables, generates random secrets once into the secrets directory (mode 0600) and reuses them", () => {
    const dir = tempDir();
    const first = loadCoreEnv({}, { devSecretsDir: dir });
    expect(first.CORE_SERVICE_TOKEN).toMatch(/^[\w-]{43}$/);
    expect(first.CORE_OPS_TOKEN).toMatch(/^[\w-]{43}$/);
    expect(first.CORE_OPS_TOKEN).not.toBe(first.CORE_SERVICE_TOKEN);
    expect(Buffer.from(first.CORE_ENCRYPTION_KEY, "base64")).toHaveLength(32);
    expect(statSync(join(dir, "dev-secrets.json")).mode & 0o777).toBe(0o600);
    // Only the file itself is left behind: the temporary file it was created from is gone.
    expect(readdirSync(dir)).toEqual(["dev-secrets.json"]);

    const again = loadCoreEnv({}, { devSecretsDir: dir });
    expect(again.CORE_SERVICE_TOKEN).toBe(first.CORE_SERVICE_TOKEN);
    expect(again.CORE_OPS_TOKEN).toBe(first.CORE_OPS_TOKEN);
    expect(again.CORE_ENCRYPTION_KEY).toBe(first.CORE_ENCRYPTION_KEY);
    // The ops CLI reads the same operator token.
    expect(loadOpsCliEnv({}, { devSecretsDir: dir }).CORE_OPS_TOKEN).toBe(first.CORE_OPS_TOKEN);

    const other = loadCoreEnv({}, { devSecretsDir: tempDir() });
    expect(other.CORE_SERVICE_TOKEN).not.toBe(first.CORE_SERVICE_TOKEN);
    expect(other.CORE_OPS_TOKEN).not.toBe(first.CORE_OPS_TOKEN);
    expect(other.CORE_ENCRYPTION_KEY).not.toBe(first.CORE_ENCRYPTION_KEY);
  });

  it("the repository's former demo values are no defaults any more", () => {
    const env = loadCoreEnv({}, { devSecretsDir: tempDir() });
    expect(env.CORE_SERVICE_TOKEN).not.toBe("dev-only-kakunin-core-service-token");
    expect(env.CORE_OPS_TOKEN).not.toBe("dev-only-kakunin-core-operator-token");
    expect(Buffer.from(env.CORE_ENCRYPTION_KEY, "base64").toString()).not.toBe("dev-only-kakunin-encryption-key!");
  });

  it("a set variable wins over the generated one", () => {
    const token = randomBytes(32).toString("base64url");
    const env = loadCoreEnv({ CORE_OPS_TOKEN: token }, { devSecretsDir: tempDir() });
    expect(env.CORE_OPS_TOKEN).toBe(token);
  });

  it("core, the BFF and the ops CLI starting at once all end with the same secrets", async () => {
    const dir = tempDir();
    const root = fileURLToPath(new URL("../../../", import.meta.url));
    // Each process waits for the same instant, then loads its environment: they race for the file.
    const startAt = Date.now() + 2_000;
    const script = (name: string, module: string, loader: string, field: string) => {
      const file = join(tempDir(), `${name}.mts`);
      writeFileSync(
        file,
        `import { ${loader} } from ${JSON.stringify(`${root}${module}`)};\n` +
          `while (Date.now() < ${startAt});\n` +
          `console.log(${loader}({}, { devSecretsDir: ${JSON.stringify(dir)} }).${field});\n`,
      );
      return file;
    };
    const run = async (file: string) =>
      (
        await promisify(execFile)(`${root}node_modules/.bin/tsx`, [file], { env: { PATH: process.env.PATH } })
      ).stdout.trim();
    const core = script("core", "apps/core/src/env.ts", "loadCoreEnv", "CORE_SERVICE_TOKEN");
    const bff = script("bff", "apps/bff/src/env.ts", "loadBffEnv", "CORE_SERVICE_TOKEN");
    const cli = script("cli", "apps/core/src/env.ts", "loadOpsCliEnv", "CORE_OPS_TOKEN");
    const [core1, bff1, core2, bff2, ops] = await Promise.all([run(core), run(bff), run(core), run(bff), run(cli)]);
    expect(core1).toMatch(/^[\w-]{43}$/);
    expect([bff1, core2, bff2]).toEqual([core1, core1, core1]);
    expect(ops).toBe(loadOpsCliEnv({}, { devSecretsDir: dir }).CORE_OPS_TOKEN);
    expect(readdirSync(dir)).toEqual(["dev-secrets.json"]);
  }, 30_000);
});

describe("core environment: production secrets (F5)", () => {
  const strong = () => ({
    NODE_ENV: "production",
    CORE_SERVICE_TOKEN: randomBytes(32).toString("base64url"),
    CORE_OPS_TOKEN: randomBytes(32).toString("hex"),
    CORE_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });

  it("accepts secrets from a random generator, and generates nothing", () => {
    const dir = tempDir();
    const source = strong();
    const env = loadCoreEnv(source, { devSecretsDir: dir });
    expect(env.CORE_SERVICE_TOKEN).toBe(source.CORE_SERVICE_TOKEN);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("requires every secret to be set, naming each, and generates none", () => {
    const dir = tempDir();
    const load = () => loadCoreEnv({ NODE_ENV: "production" }, { devSecretsDir: dir });
    for (const name of ["CORE_SERVICE_TOKEN", "CORE_OPS_TOKEN", "CORE_ENCRYPTION_KEY"]) {
      expect(load).toThrow(new RegExp(`${name}: must be set in production`));
    }
    expect(readdirSync(dir)).toEqual([]);
    expect(() => loadOpsCliEnv({ NODE_ENV: "production" }, { devSecretsDir: dir })).toThrow(
      /CORE_OPS_TOKEN: must be set in production/,
    );
  });

  it.each([
    ["24 × a", "a".repeat(24), /CORE_SERVICE_TOKEN: is one repeated character/],
    ["abab…", "ab".repeat(20), /CORE_SERVICE_TOKEN: repeats a pattern of 2 characters/],
    ["a short pattern repeated", "Xk9#qL".repeat(6), /CORE_SERVICE_TOKEN: repeats a pattern of 6 characters/],
    ["8 symbols", Array.from(randomBytes(60), (b) => "abcdefgh"[b % 8]).join(""), /has only \d distinct characters/],
    ["the former dev token", "dev-only-kakunin-core-service-token", /CORE_SERVICE_TOKEN: is a labelled/],
    ["the e2e token", "e2e-only-kakunin-core-service-token", /CORE_SERVICE_TOKEN: is a labelled/],
    ["a passphrase", "correct horse battery staple 123", /CORE_SERVICE_TOKEN: is too predictable/],
    // 24 characters estimate at most 24 × log2(24) ≈ 110 bits, whatever they are.
    ["a random 24-character token", randomBytes(18).toString("base64url"), /CORE_SERVICE_TOKEN: is too predictable/],
  ])("refuses a weak service token: %s", (_, value, message) => {
    expect(() => loadCoreEnv({ ...strong(), CORE_SERVICE_TOKEN: value })).toThrow(message);
  });

  it("refuses a weak operator token and one equal to the service token", () => {
    expect(() => loadCoreEnv({ ...strong(), CORE_OPS_TOKEN: "a".repeat(24) })).toThrow(
      /CORE_OPS_TOKEN: is one repeated character/,
    );
    const same = randomBytes(32).toString("base64url");
    expect(() => loadCoreEnv({ ...strong(), CORE_SERVICE_TOKEN: same, CORE_OPS_TOKEN: same })).toThrow(
      /CORE_OPS_TOKEN: must differ from CORE_SERVICE_TOKEN/,
    );
  });

  it.each([
    ["all zero", Buffer.alloc(32)],
    ["one byte repeated", Buffer.alloc(32, 0xa5)],
    ["a 4-byte pattern", Buffer.from("deadbeef".repeat(8), "hex")],
    ["text", Buffer.from("dev-only-kakunin-encryption-key!")],
    ["a passphrase", Buffer.from("correct horse battery staple 123")],
    ["12 distinct bytes", Buffer.from(randomBytes(32).map((b) => b % 12))],
  ])("refuses a weak encryption key: %s", (_, key) => {
    expect(key).toHaveLength(32);
    expect(() => loadCoreEnv({ ...strong(), CORE_ENCRYPTION_KEY: key.toString("base64") })).toThrow(
      /CORE_ENCRYPTION_KEY: (is one repeated byte|repeats a pattern|is text|has only \d+ distinct bytes|is too predictable)/,
    );
  });

  it("accepts 100 different random secrets of each kind (no false refusals)", () => {
    for (let i = 0; i < 100; i++) expect(() => loadCoreEnv(strong())).not.toThrow();
  });

  it("lists every weak secret at once", () => {
    const load = () =>
      loadCoreEnv({
        NODE_ENV: "production",
        CORE_SERVICE_TOKEN: "a".repeat(24),
        CORE_OPS_TOKEN: "ab".repeat(12),
        CORE_ENCRYPTION_KEY: Buffer.alloc(32).toString("base64"),
      });
    expect(load).toThrow(/CORE_SERVICE_TOKEN: .*\n.*CORE_OPS_TOKEN: .*\n.*CORE_ENCRYPTION_KEY: /);
  });
});

describe("core environment: WebAuthn relying party (issue 14)", () => {
  it("defaults to localhost with the BFF's and Vite's origins, and reads a comma list of origins", () => {
    const dir = tempDir();
    const defaults = loadCoreEnv({}, { devSecretsDir: dir });
    expect(defaults.WEBAUTHN_RP_ID).toBe("localhost");
    expect(defaults.WEBAUTHN_ORIGINS).toEqual(["http://localhost:8080", "http://localhost:5173"]);
    const set = loadCoreEnv(
      { WEBAUTHN_RP_ID: "kakunin.example", WEBAUTHN_ORIGINS: "https://kakunin.example, https://www.kakunin.example" },
      { devSecretsDir: dir },
    );
    expect(set.WEBAUTHN_RP_ID).toBe("kakunin.example");
    expect(set.WEBAUTHN_ORIGINS).toEqual(["https://kakunin.example", "https://www.kakunin.example"]);
  });

  it("refuses an origin that is not a URL, or none at all", () => {
    const dir = tempDir();
    expect(() => loadCoreEnv({ WEBAUTHN_ORIGINS: "kakunin.example" }, { devSecretsDir: dir })).toThrow(
      /WEBAUTHN_ORIGINS/,
    );
    expect(() => loadCoreEnv({ WEBAUTHN_ORIGINS: " , " }, { devSecretsDir: dir })).toThrow(/WEBAUTHN_ORIGINS/);
  });
});

describe("core environment: passkey policy (issue 14)", () => {
  it("defaults: passkey for withdrawals, the account change and passkey changes; enforcement 2027-04-01 JST; passkey login", () => {
    const env = loadCoreEnv({}, { devSecretsDir: tempDir() });
    expect(env.PASSKEY_STEP_UP_OPERATIONS).toEqual([
      "withdrawal",
      "change_bank_account",
      "register_passkey",
      "delete_passkey",
    ]);
    expect(env.PASSKEY_ENFORCED_OPERATIONS).toEqual(["withdrawal", "change_bank_account"]);
    expect(new Date(env.PASSKEY_ENFORCEMENT_DATE).toISOString()).toBe("2027-03-31T15:00:00.000Z");
    expect(env.PASSKEY_LOGIN_REQUIRED).toBe(true);
  });

  it("reads a broker's lists and switches, and `none` for an empty list", () => {
    const env = loadCoreEnv(
      {
        PASSKEY_STEP_UP_OPERATIONS: "withdrawal, place_order,modify_order,cancel_order",
        PASSKEY_ENFORCED_OPERATIONS: "none",
        PASSKEY_ENFORCEMENT_DATE: "2026-01-01T09:00:00+09:00",
        PASSKEY_LOGIN_REQUIRED: "false",
      },
      { devSecretsDir: tempDir() },
    );
    expect(env.PASSKEY_STEP_UP_OPERATIONS).toEqual(["withdrawal", "place_order", "modify_order", "cancel_order"]);
    expect(env.PASSKEY_ENFORCED_OPERATIONS).toEqual([]);
    expect(env.PASSKEY_LOGIN_REQUIRED).toBe(false);
  });

  it("fails fast on an unknown operation, a date without offset, and enforcing register_passkey", () => {
    const dir = tempDir();
    expect(() => loadCoreEnv({ PASSKEY_STEP_UP_OPERATIONS: "withdrawal,withdraw" }, { devSecretsDir: dir })).toThrow(
      /PASSKEY_STEP_UP_OPERATIONS/,
    );
    expect(() => loadCoreEnv({ PASSKEY_ENFORCEMENT_DATE: "2027-04-01T00:00:00" }, { devSecretsDir: dir })).toThrow(
      /PASSKEY_ENFORCEMENT_DATE/,
    );
    expect(() => loadCoreEnv({ PASSKEY_ENFORCED_OPERATIONS: "register_passkey" }, { devSecretsDir: dir })).toThrow(
      /PASSKEY_ENFORCED_OPERATIONS/,
    );
  });
});

describe("the README's configuration table (issue 17)", () => {
  it("lists exactly the variables the env schema reads", () => {
    expect([...readmeConfigVariables("core (`apps/core/src/env.ts`)")].sort()).toEqual([...coreEnvVariables].sort());
  });
});
