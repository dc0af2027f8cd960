import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { errorBodySchema } from "@kakunin/contracts/errors";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { inject, onTestFinished } from "vitest";
import type { z } from "zod";
import { createApp } from "../app.ts";
import { type Database, type Db, openPglite, openPostgres } from "../db/client.ts";
import { findLoginCustomer } from "../domain/logins.ts";
import { rememberDevice } from "../domain/new-devices.ts";
import { TestClock } from "../lib/clock.ts";
import { HashGate, type HashGateOptions } from "../lib/hash-gate.ts";
import { SecretBox } from "../lib/secret-box.ts";
import type { CoreServices, PasskeyPolicy } from "../lib/types.ts";
import { createScratchDatabase } from "./scratch-database.ts";

export const TEST_SERVICE_TOKEN = "test-only-core-service-token-0123456789";
export const TEST_OPS_TOKEN = "test-only-core-operator-token-0123456789";

/**
 * The hash gate of tests: bounds far beyond any test's load, so tests of the lock and the
 * password rules see the database logic (one attempt per customer at a time, as in
 * production); the gate's refusals have tests of their own with small bounds.
 */
export const TEST_HASH_GATE: HashGateOptions = {
  concurrency: 4,
  maxQueue: 10_000,
  maxWaitMs: 60_000,
  maxQueuePerKey: 10_000,
};

/** The relying party of tests: not the development defaults, so tests show the settings are used. */
export const TEST_WEBAUTHN = {
  rpId: "kakunin.test",
  rpName: "kakunin証券 (test)",
  origins: ["https://kakunin.test"],
};

/** The passkey policy of tests: the production defaults (tests override what they are about). */
export const TEST_PASSKEY_POLICY: PasskeyPolicy = {
  stepUpOperations: ["withdrawal", "change_bank_account", "register_passkey", "delete_passkey"],
  enforcedOperations: ["withdrawal", "change_bank_account"],
  enforcementDate: new Date("2027-04-01T00:00:00+09:00"),
  loginRequired: true,
};

export function createTestServices(
  hashGate: Partial<HashGateOptions> = {},
  passkeyPolicy: Partial<PasskeyPolicy> = {},
): CoreServices & { clock: TestClock } {
  return {
    clock: new TestClock(),
    secretBox: new SecretBox(Buffer.alloc(32, 7).toString("base64")),
    settings: {
      passwordHistorySize: 5,
      registrationFrom: new Date("2022-08-22T00:00:00+09:00"),
      enforcedFrom: new Date("2022-09-18T18:00:00+09:00"),
    },
    market: { seed: 1 },
    webauthn: TEST_WEBAUTHN,
    passkeyPolicy: { ...TEST_PASSKEY_POLICY, ...passkeyPolicy },
    supportPhone: "0120-000-000",
    newDevice: { codeRequired: true, coolingHours: 24 },
    hashGate: new HashGate({ ...TEST_HASH_GATE, ...hashGate }),
  };
}

/** A fresh in-memory PGlite, loaded from the template migrated once in global setup. */
export async function openTestPglite(): Promise<Database> {
  const template = await readFile(inject("pgliteTemplate"));
  return openPglite({ loadDataDir: new Blob([template]) });
}

/**
 * A new, migrated database on the PostgreSQL server at `adminUrl`, dropped on close, so
 * server-mode tests run against real PostgreSQL without touching anyone's data.
 */
export async function openTestPostgres(adminUrl: string): Promise<Database> {
  const scratch = await createScratchDatabase(adminUrl, "kakunin_test");
  const database = openPostgres(scratch.url);
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}

/**
 * The databases server-mode tests run on: PGlite always, and a PostgreSQL server when
 * TEST_DATABASE_URL (or DATABASE_URL) is set; each run gets its own throwaway database there.
 */
const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
export const testBackends: { name: string; open: () => Promise<Database> }[] = [
  { name: "PGlite", open: openTestPglite },
  ...(serverUrl ? [{ name: "PostgreSQL", open: () => openTestPostgres(serverUrl) }] : []),
];

/**
 * Two handles on one fresh database, as two core instances have (issue 18): two connection
 * pools on a PostgreSQL server; on PGlite, which only one process can open, the same handle
 * twice (two apps in one process). `close()` closes both and drops the database.
 */
export interface TwoHandles {
  a: Database;
  b: Database;
  close(): Promise<void>;
}

export const twoInstanceBackends: { name: string; open: () => Promise<TwoHandles> }[] = [
  {
    name: "PGlite",
    open: async () => {
      const database = await openTestPglite();
      return { a: database, b: database, close: () => database.close() };
    },
  },
  ...(serverUrl
    ? [
        {
          name: "PostgreSQL",
          open: async (): Promise<TwoHandles> => {
            const scratch = await createScratchDatabase(serverUrl, "kakunin_test");
            const a = openPostgres(scratch.url);
            const b = openPostgres(scratch.url);
            await a.migrate();
            return {
              a,
              b,
              close: async () => {
                await Promise.all([a.close(), b.close()]);
                await scratch.drop();
              },
            };
          },
        },
      ]
    : []),
];

/** Core's app over a fresh database (PGlite unless another is passed). */
export async function createTestCore(
  options: {
    enableTestApi?: boolean;
    database?: Database;
    hashGate?: Partial<HashGateOptions>;
    passkeyPolicy?: Partial<PasskeyPolicy>;
  } = {},
) {
  const database = options.database ?? (await openTestPglite());
  const services = createTestServices(options.hashGate, options.passkeyPolicy);
  const app = createApp({
    db: database.db,
    services,
    opsToken: TEST_OPS_TOKEN,
    logger: pino({ level: "silent" }),
    serviceToken: TEST_SERVICE_TOKEN,
    enableTestApi: options.enableTestApi ?? false,
  });
  const call = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has("authorization")) headers.set("authorization", `Bearer ${TEST_SERVICE_TOKEN}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    return app.request(path, { ...init, headers, body });
  };
  return { app, db: database.db, services, call, close: () => database.close() };
}

export const testClient = { ipAddress: "127.0.0.1", userAgent: "vitest" } as const;

/** Reads a response body through its contract schema, so tests also check conformance. */
export async function readAs<T extends z.ZodType>(res: Response, schema: T): Promise<z.infer<T>> {
  return schema.parse(await res.json());
}

export const readError = (res: Response) => readAs(res, errorBodySchema).then((b) => b.error);

/** Makes every outbox insert fail until the test ends: a mail that cannot be queued. */
export async function breakOutbox(db: Db) {
  await db.execute(
    sql`CREATE OR REPLACE FUNCTION test_outbox_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'outbox down'; END $$ LANGUAGE plpgsql`,
  );
  await db.execute(
    sql`CREATE TRIGGER test_outbox_down BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION test_outbox_down()`,
  );
  onTestFinished(async () => {
    await db.execute(sql`DROP TRIGGER test_outbox_down ON outbox`);
  });
}

/** The device of tests that are not about new devices (issue 15): a hash as the BFF sends it. */
export const TEST_DEVICE_HASH = createHash("sha256").update("kakunin-device:v1:vitest").digest("hex");

/**
 * A password login from a device the customer already used (issue 15), for the tests that
 * are not about new devices: the device is remembered first, so no 認証コード is asked.
 */
export async function knownDeviceLogin(
  core: { db: Db; call: (path: string, init?: RequestInit & { json?: unknown }) => Response | Promise<Response> },
  body: { customerCode: string; password: string; client: unknown },
) {
  const customer = await findLoginCustomer(core.db, body.customerCode);
  if (customer) await rememberDevice(core.db, customer.id, TEST_DEVICE_HASH, new Date(0));
  return core.call("/v1/login-verifications", { method: "POST", json: { ...body, deviceHash: TEST_DEVICE_HASH } });
}
