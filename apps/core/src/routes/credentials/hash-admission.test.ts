import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, customers, outbox } from "../../db/schema.ts";
import { gateKeys } from "../../domain/credentials/gate-keys.ts";
import { verifyExecutionPassword } from "../../domain/credentials/verify-execution-password.ts";
import { createCustomer } from "../../domain/customers.ts";
import { AppError } from "../../lib/errors.ts";
import { HashGate } from "../../lib/hash-gate.ts";
import { verifyPassword } from "../../lib/passwords.ts";
import {
  createTestCore,
  knownDeviceLogin,
  readError,
  TEST_HASH_GATE,
  testBackends,
  testClient,
} from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

const EXECUTION_PASSWORD = "Rk7m2x";
const LOGIN_PASSWORD = "Kiso8pine3";
const ENFORCED = new Date("2022-10-03T10:00:00+09:00");

async function newCustomer(core: Core) {
  const c = await createCustomer(core.db, core.services, {
    name: "試験 太郎",
    birthDate: "1980-01-15",
    phone: "090-1234-5678",
    emails: ["t@example.test"],
    loginPassword: LOGIN_PASSWORD,
    executionPassword: { plain: EXECUTION_PASSWORD, initial: false },
  });
  core.services.clock.set(c.id, ENFORCED);
  return c;
}

const attempt = (core: Core, gate: HashGate, customerId: string, verify = verifyPassword) =>
  verifyExecutionPassword(
    core.db,
    gate,
    { customerId, password: "Wrong1x", purpose: "test", client: testClient },
    { verify },
  );

const counters = async (core: Core, customerId: string) => {
  const [row] = await core.db
    .select({
      failed: customers.executionFailedAttempts,
      inFlight: customers.executionAttemptsInFlight,
      lockedAt: customers.lockedAt,
    })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row;
};

const auditOf = (core: Core, customerId: string) =>
  core.db.select().from(auditEvents).where(eq(auditEvents.customerId, customerId));

/** A promise and its resolver. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe.each(testBackends)(
  "execution password: nothing held while hashing, exact across instances, on $name",
  ({ open }) => {
    let core: Core;
    beforeAll(async () => {
      core = await createTestCore({ database: await open() });
    });
    afterAll(() => core.close());

    it("holds no connection and no row lock while hashes are evaluated (more of them than the pool has connections)", async () => {
      // 12 evaluations at once against a pool of 10 (PostgreSQL) or PGlite's one connection:
      // were a transaction open around argon2, the 11th could not start (nor, on PGlite, the
      // 2nd), and the read and write below would wait for the held connection and row.
      const gate = new HashGate({ ...TEST_HASH_GATE, concurrency: 20 });
      const victims = await Promise.all(Array.from({ length: 12 }, () => newCustomer(core)));
      const other = await newCustomer(core);
      const allEvaluating = signal();
      const proceed = signal();
      let evaluating = 0;
      const held = async (hash: string, plain: string) => {
        if (++evaluating === victims.length) allEvaluating.resolve();
        await proceed.promise;
        return verifyPassword(hash, plain);
      };
      const outcomes = Promise.all(victims.map((v) => attempt(core, gate, v.id, held)));
      await allEvaluating.promise;

      // Another customer reads, and a victim's own row is written, while all 12 are in argon2.
      const read = await core.call(`/v1/customers/${other.id}/credentials`);
      expect(read.status).toBe(200);
      const first = victims[0];
      if (!first) throw new Error("no victim");
      await core.db.update(customers).set({ phone: "090-9999-0000" }).where(eq(customers.id, first.id));
      expect((await counters(core, first.id))?.inFlight).toBe(1);

      proceed.resolve();
      const settled = await outcomes;
      expect(settled).toEqual(victims.map(() => ({ status: "wrong", remainingAttempts: 8, lockedNow: false })));
      for (const v of victims) expect(await counters(core, v.id)).toMatchObject({ failed: 1, inFlight: 0 });
    });

    it("ten core instances (ten gates) over one database: 100 parallel wrong tries count exactly 9 and lock once", async () => {
      const c = await newCustomer(core);
      let evaluations = 0;
      const counting = async (hash: string, plain: string) => {
        evaluations++;
        return verifyPassword(hash, plain);
      };
      // Each instance runs this customer's tries one at a time; across instances only the
      // reservation in the database keeps the count.
      const gates = Array.from({ length: 10 }, () => new HashGate(TEST_HASH_GATE));
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          attempt(core, gates[i % gates.length] as HashGate, c.id, counting).catch(
            (err: unknown): { status: "in_progress" } => {
              if (err instanceof AppError && err.code === "attempt_in_progress") return { status: "in_progress" };
              throw err;
            },
          ),
        ),
      );
      expect(evaluations).toBe(9);
      const wrong = results.filter((r) => r.status === "wrong");
      expect(wrong).toHaveLength(9);
      expect(wrong.filter((r) => r.lockedNow)).toHaveLength(1);
      // The rest: locked, or (while another instance held the last tries) told to retry.
      expect(
        results.filter((r) => r.status !== "wrong" && r.status !== "locked" && r.status !== "in_progress"),
      ).toEqual([]);
      expect(await counters(core, c.id)).toMatchObject({ failed: 9, inFlight: 0, lockedAt: expect.any(Date) });
      const events = await auditOf(core, c.id);
      expect(events.filter((e) => e.eventType === "execution_password" && e.outcome === "failure")).toHaveLength(9);
      expect(events.filter((e) => e.eventType === "account_lock")).toHaveLength(1);
      const mails = await core.db.select().from(outbox).where(eq(outbox.customerId, c.id));
      expect(mails.map((m) => m.mailType)).toEqual(["account_locked"]);
    });

    it("does not claim a lock while another instance holds the last tries, and a leaked reservation expires", async () => {
      const c = await newCustomer(core);
      // 8 failures counted and 1 try in flight on another instance (reserved just now).
      await core.db
        .update(customers)
        .set({ executionFailedAttempts: 8, executionAttemptsInFlight: 1, executionAttemptReservedAt: new Date() })
        .where(eq(customers.id, c.id));
      const err = await attempt(core, core.services.hashGate, c.id).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: "attempt_in_progress", status: 429 });
      expect(await counters(core, c.id)).toMatchObject({ failed: 8, inFlight: 1, lockedAt: null });
      expect((await auditOf(core, c.id)).filter((e) => e.eventType === "execution_password")).toHaveLength(0);

      // The same reservation two minutes old: that instance died between reserve and settle.
      await core.db
        .update(customers)
        .set({ executionAttemptReservedAt: new Date(Date.now() - 120_000) })
        .where(eq(customers.id, c.id));
      expect(await attempt(core, core.services.hashGate, c.id)).toEqual({
        status: "wrong",
        remainingAttempts: 0,
        lockedNow: true,
      });
      expect(await counters(core, c.id)).toMatchObject({ failed: 9, inFlight: 0, lockedAt: expect.any(Date) });
    });
  },
);

describe("hash gate refusals count nothing (PGlite)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ hashGate: { concurrency: 1, maxQueue: 0, maxWaitMs: 2_000, maxQueuePerKey: 0 } });
  });
  afterAll(() => core.close());

  /** Occupies the gate's only slot until released. */
  function saturate() {
    const release = signal();
    const holding = core.services.hashGate.hash(() => release.promise);
    return async () => {
      release.resolve();
      await holding;
    };
  }

  const expectRefusal = async (res: Response, status: number, code: string, retryAfter: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get("retry-after")).toBe(retryAfter);
    const error = await readError(res);
    expect(error).toMatchObject({ code, retryable: true });
    expect(error.message).toMatch(/しばらく|少し時間/);
  };

  it("an execution-password check answers 503 busy with Retry-After when every slot is taken", async () => {
    const c = await newCustomer(core);
    const release = saturate();
    const res = await core.call(`/v1/customers/${c.id}/execution-password/verifications`, {
      method: "POST",
      json: { password: "Wrong1x", purpose: "test", client: testClient },
    });
    await release();
    await expectRefusal(res, 503, "busy", "2");
    expect(await counters(core, c.id)).toMatchObject({ failed: 0, inFlight: 0, lockedAt: null });
    expect(await auditOf(core, c.id)).toHaveLength(0);
    // Once the gate has room, the same try is evaluated and counted.
    const after = await core.call(`/v1/customers/${c.id}/execution-password/verifications`, {
      method: "POST",
      json: { password: "Wrong1x", purpose: "test", client: testClient },
    });
    expect(after.status).toBe(422);
    expect((await readError(after)).remainingAttempts).toBe(8);
  });

  it("a second check of the same customer while one is in flight answers 429 attempt_in_progress", async () => {
    const c = await newCustomer(core);
    const release = signal();
    const inFlight = core.services.hashGate.exclusive(gateKeys.execution(c.id), () => release.promise);
    const res = await core.call(`/v1/customers/${c.id}/execution-password/verifications`, {
      method: "POST",
      json: { password: "Wrong1x", purpose: "test", client: testClient },
    });
    release.resolve();
    await inFlight;
    await expectRefusal(res, 429, "attempt_in_progress", "1");
    expect(await counters(core, c.id)).toMatchObject({ failed: 0, inFlight: 0 });
    expect(await auditOf(core, c.id)).toHaveLength(0);
  });

  it("a step-up confirmation refused by the gate audits nothing and counts no try", async () => {
    const c = await newCustomer(core);
    const release = saturate();
    const res = await core.call(`/v1/customers/${c.id}/step-up-verifications`, {
      method: "POST",
      json: {
        operation: "view_registered_info",
        digest: createHash("sha256")
          .update(JSON.stringify({ operation: "view_registered_info", payload: {} }))
          .digest("hex"),
        executionPassword: "Wrong1x",
        client: testClient,
      },
    });
    await release();
    await expectRefusal(res, 503, "busy", "2");
    expect(await counters(core, c.id)).toMatchObject({ failed: 0, inFlight: 0 });
    expect(await auditOf(core, c.id)).toHaveLength(0);
  });

  it("a login refused by the gate is not audited as a failure (nor as anything)", async () => {
    const c = await newCustomer(core);
    const release = saturate();
    const res = await knownDeviceLogin(core, {
      customerCode: c.customerCode,
      password: "Wrong9pass",
      client: testClient,
    });
    await release();
    await expectRefusal(res, 503, "busy", "2");
    const logins = await core.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.eventType, "login"), eq(auditEvents.subject, c.customerCode)));
    expect(logins).toHaveLength(0);
  });

  it("a login-password change refused by the gate changes and audits nothing", async () => {
    const c = await newCustomer(core);
    const release = saturate();
    const res = await core.call(`/v1/customers/${c.id}/login-password`, {
      method: "PUT",
      json: {
        request: { currentPassword: LOGIN_PASSWORD, newPassword: "Fuji7lake4", newPasswordConfirmation: "Fuji7lake4" },
        client: testClient,
      },
    });
    await release();
    await expectRefusal(res, 503, "busy", "2");
    expect(await auditOf(core, c.id)).toHaveLength(0);
    const login = await knownDeviceLogin(core, {
      customerCode: c.customerCode,
      password: LOGIN_PASSWORD,
      client: testClient,
    });
    expect(login.status).toBe(200);
  });
});
