import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readmeConfigVariables } from "../../../scripts/readme-config.ts";
import { bffEnvVariables, loadBffEnv } from "./env.ts";
import { CookieBox, parseCookieKeys } from "./lib/step-up/cookie-box.ts";

describe("BFF environment: REDIS_URL", () => {
  it("is optional: unset or empty keeps the in-memory stores", () => {
    expect(loadBffEnv({}).REDIS_URL).toBeUndefined();
    expect(loadBffEnv({ REDIS_URL: "" }).REDIS_URL).toBeUndefined();
  });

  it("takes redis:// and rediss:// URLs", () => {
    expect(loadBffEnv({ REDIS_URL: "redis://127.0.0.1:6379" }).REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(loadBffEnv({ REDIS_URL: "rediss://bff:secret@cache.internal:6380/2" }).REDIS_URL).toBe(
      "rediss://bff:secret@cache.internal:6380/2",
    );
  });

  it("refuses anything else, naming the variable", () => {
    for (const bad of ["http://127.0.0.1:6379", "127.0.0.1:6379", "redis://"]) {
      expect(() => loadBffEnv({ REDIS_URL: bad })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    }
  });
});

describe("BFF environment: development secrets (F1)", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "kakunin-dev-secrets-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("with no variables, uses random secrets kept in the secrets directory, the same on every load", () => {
    const dir = tempDir();
    const first = loadBffEnv({}, { devSecretsDir: dir });
    expect(first.CORE_SERVICE_TOKEN).toMatch(/^[\w-]{43}$/);
    const [key] = parseCookieKeys(first.STEP_UP_KEYS);
    expect(key?.secret).toHaveLength(32);
    expect(statSync(join(dir, "dev-secrets.json")).mode & 0o777).toBe(0o600);

    const again = loadBffEnv({}, { devSecretsDir: dir });
    expect(again.CORE_SERVICE_TOKEN).toBe(first.CORE_SERVICE_TOKEN);
    expect(again.STEP_UP_KEYS).toBe(first.STEP_UP_KEYS);

    const other = loadBffEnv({}, { devSecretsDir: tempDir() });
    expect(other.CORE_SERVICE_TOKEN).not.toBe(first.CORE_SERVICE_TOKEN);
    expect(other.STEP_UP_KEYS).not.toBe(first.STEP_UP_KEYS);
  });

  it("a grant sealed with the key that used to be in the repository does not open", async () => {
    const env = loadBffEnv({}, { devSecretsDir: tempDir() });
    const now = () => Date.now();
    const box = new CookieBox(parseCookieKeys(env.STEP_UP_KEYS), now);
    // The former demo key and key id, as anyone could read them in the repository.
    const formerKey = { id: "dev1", secret: new Uint8Array(Buffer.from("dev-only-kakunin-step-up-key-32b")) };
    const forged = await new CookieBox([formerKey], now).seal({ ops: {} }, now() + 60_000);
    expect(await box.open(forged)).toBeNull();
    // Under the same kid as the generated key, too.
    const [generated] = parseCookieKeys(env.STEP_UP_KEYS);
    const sameKid = await new CookieBox([{ ...formerKey, id: generated?.id ?? "" }], now).seal({}, now() + 60_000);
    expect(await box.open(sameKid)).toBeNull();
    expect(await box.open(await box.seal({ ops: {} }, now() + 60_000))).not.toBeNull();
  });

  it("a set variable wins over the generated one", () => {
    const keys = `k9:${randomBytes(32).toString("base64")}`;
    expect(loadBffEnv({ STEP_UP_KEYS: keys }, { devSecretsDir: tempDir() }).STEP_UP_KEYS).toBe(keys);
  });
});

describe("BFF environment: production secrets (F5)", () => {
  const strong = () => ({
    NODE_ENV: "production",
    CORE_SERVICE_TOKEN: randomBytes(32).toString("base64url"),
    STEP_UP_KEYS: `k2:${randomBytes(32).toString("base64")},k1:${randomBytes(32).toString("base64")}`,
  });

  it("accepts random secrets and generates nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "kakunin-dev-secrets-"));
    try {
      const source = strong();
      expect(loadBffEnv(source, { devSecretsDir: dir }).STEP_UP_KEYS).toBe(source.STEP_UP_KEYS);
      expect(() => loadBffEnv({ NODE_ENV: "production" }, { devSecretsDir: dir })).toThrow(
        /CORE_SERVICE_TOKEN: must be set in production[\s\S]*STEP_UP_KEYS: must be set in production/,
      );
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ["24 × a", "a".repeat(24), /CORE_SERVICE_TOKEN: is one repeated character/],
    ["abab…", "ab".repeat(20), /CORE_SERVICE_TOKEN: repeats a pattern of 2 characters/],
    ["the former dev token", "dev-only-kakunin-core-service-token", /CORE_SERVICE_TOKEN: is a labelled/],
  ])("refuses a weak service token: %s", (_, value, message) => {
    expect(() => loadBffEnv({ ...strong(), CORE_SERVICE_TOKEN: value })).toThrow(message);
  });

  it.each([
    ["all zero", Buffer.alloc(32), /key "k0" is one repeated byte/],
    ["a 2-byte pattern", Buffer.from("ab12".repeat(16), "hex"), /key "k0" repeats a pattern of 2 bytes/],
    ["the former demo key", Buffer.from("dev-only-kakunin-step-up-key-32b"), /key "k0" (is text|is too predictable)/],
  ])("refuses a weak step-up key, also an old one kept for rotation: %s", (_, key, message) => {
    const weak = `k0:${key.toString("base64")}`;
    expect(() => loadBffEnv({ ...strong(), STEP_UP_KEYS: weak })).toThrow(message);
    const rotation = `k2:${randomBytes(32).toString("base64")},${weak}`;
    expect(() => loadBffEnv({ ...strong(), STEP_UP_KEYS: rotation })).toThrow(/STEP_UP_KEYS: key "k0"/);
  });
});

describe("BFF environment: login throttle", () => {
  it("defaults to 5 per code, 30 per address, pacing past 300, blocks growing to 4 h", () => {
    expect(loadBffEnv({})).toMatchObject({
      LOGIN_MAX_FAILURES_PER_CODE: 5,
      LOGIN_MAX_FAILURES_PER_CLIENT: 30,
      LOGIN_THROTTLE_WINDOW_SECONDS: 900,
      LOGIN_CODE_MAX_BLOCK_SECONDS: 14_400,
      LOGIN_CLIENT_SLOWDOWN_FAILURES: 300,
      LOGIN_CLIENT_SLOWDOWN_INTERVAL_SECONDS: 1,
      LOGIN_CLIENT_SLOWDOWN_QUEUE: 10,
    });
  });

  it("refuses settings that contradict each other, naming the variable", () => {
    expect(() => loadBffEnv({ LOGIN_CODE_MAX_BLOCK_SECONDS: "600" })).toThrow(
      /LOGIN_CODE_MAX_BLOCK_SECONDS: must be at least LOGIN_THROTTLE_WINDOW_SECONDS/,
    );
    expect(() => loadBffEnv({ LOGIN_CODE_MAX_BLOCK_SECONDS: "90000" })).toThrow(
      /LOGIN_CODE_MAX_BLOCK_SECONDS: must be at most 86400/,
    );
    expect(() => loadBffEnv({ LOGIN_MAX_FAILURES_PER_CLIENT: "1000" })).toThrow(
      /LOGIN_CLIENT_SLOWDOWN_FAILURES: must be at least LOGIN_MAX_FAILURES_PER_CLIENT/,
    );
    // Ten waiting attempts two seconds apart would outlast a 15 s request.
    expect(() => loadBffEnv({ LOGIN_CLIENT_SLOWDOWN_INTERVAL_SECONDS: "2" })).toThrow(
      /LOGIN_CLIENT_SLOWDOWN_QUEUE: times LOGIN_CLIENT_SLOWDOWN_INTERVAL_SECONDS must be below REQUEST_TIMEOUT_MS/,
    );
    expect(
      loadBffEnv({ LOGIN_MAX_FAILURES_PER_CLIENT: "1000", LOGIN_CLIENT_SLOWDOWN_FAILURES: "10000" })
        .LOGIN_CLIENT_SLOWDOWN_FAILURES,
    ).toBe(10_000);
  });
});

describe("the README's configuration table (issue 17)", () => {
  it("lists exactly the variables the env schema reads", () => {
    expect([...readmeConfigVariables("BFF (`apps/bff/src/env.ts`)")].sort()).toEqual([...bffEnvVariables].sort());
  });
});
