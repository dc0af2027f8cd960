import { createHash } from "node:crypto";
import {
  issueAuthCodeResponseSchema,
  stepUpRequirementsResponseSchema,
  verifyStepUpResponseSchema,
} from "@kakunin/contracts/core-api";
import { errorMessages } from "@kakunin/contracts/error-body";
import type { StepUpOperation } from "@kakunin/contracts/step-up";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, authCodes, customers, outbox } from "../../db/schema.ts";
import { createTaro } from "../../test/customers.ts";
import { createTestCore, readAs, readError, testBackends, testClient } from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

const BEFORE_REGISTRATION = new Date("2022-08-01T10:00:00+09:00");
const REGISTRATION = new Date("2022-09-01T10:00:00+09:00");
const ENFORCED = new Date("2022-10-03T10:00:00+09:00");
const EXECUTION_PASSWORD = "Rk7m2x";

const digestOf = (payload: unknown) => createHash("sha256").update(JSON.stringify(payload)).digest("hex");
const DIGEST = digestOf({ operation: "view_registered_info", payload: {} });
const OTHER_DIGEST = digestOf({ operation: "view_registered_info", payload: { other: true } });

async function newCustomer(core: Core, options: { codeOn?: boolean; at?: Date; locked?: boolean } = {}) {
  const c = await createTaro(core, {
    emails: ["first@example.test", "second@example.test"],
    executionPassword: { plain: EXECUTION_PASSWORD, initial: false },
    ...(options.locked ? { locked: true } : {}),
    ...(options.codeOn
      ? { mailSettings: [{ type: "view_auth_code" as const, enabled: true, destination: 2 as const }] }
      : {}),
  });
  core.services.clock.set(c.id, options.at ?? ENFORCED);
  return c;
}

const requirements = (core: Core, customerId: string, operation: string) =>
  core.call(`/v1/customers/${customerId}/step-up-requirements?operation=${operation}`);

const issue = (core: Core, customerId: string, digest = DIGEST, operation: StepUpOperation = "view_registered_info") =>
  core.call(`/v1/customers/${customerId}/auth-codes`, {
    method: "POST",
    json: { operation, digest, client: testClient },
  });

const verify = (
  core: Core,
  customerId: string,
  fields: { executionPassword?: string; authCode?: string; digest?: string; operation?: StepUpOperation },
) =>
  core.call(`/v1/customers/${customerId}/step-up-verifications`, {
    method: "POST",
    json: {
      operation: fields.operation ?? "view_registered_info",
      digest: fields.digest ?? DIGEST,
      ...(fields.executionPassword !== undefined ? { executionPassword: fields.executionPassword } : {}),
      ...(fields.authCode !== undefined ? { authCode: fields.authCode } : {}),
      client: testClient,
    },
  });

const mails = (core: Core, customerId: string) =>
  core.db.select().from(outbox).where(eq(outbox.customerId, customerId)).orderBy(outbox.id);

/** The code as the customer reads it in the newest mail. */
async function mailedCode(core: Core, customerId: string): Promise<string> {
  const body = (await mails(core, customerId)).at(-1)?.bodyText ?? "";
  const code = /認証コード: (\d{6})/.exec(body)?.[1];
  if (!code) throw new Error(`no code in mail: ${body}`);
  return code;
}

async function issueCode(core: Core, customerId: string, digest = DIGEST) {
  const res = await issue(core, customerId, digest);
  expect(res.status).toBe(200);
  return mailedCode(core, customerId);
}

const codeRows = (core: Core, customerId: string) =>
  core.db.select().from(authCodes).where(eq(authCodes.customerId, customerId)).orderBy(authCodes.createdAt);

const wrongCodeFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

describe("step-up requirements (R6, R11, R13, R21)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  const methodsAt = async (at: Date, codeOn: boolean, operation = "view_registered_info") => {
    const c = await newCustomer(core, { at, codeOn });
    return readAs(await requirements(core, c.id, operation), stepUpRequirementsResponseSchema);
  };

  it("asks for nothing before enforcement unless the customer turned the code on", async () => {
    expect(await methodsAt(BEFORE_REGISTRATION, false)).toEqual({ methods: [], codeDestination: null, locked: false });
    expect(await methodsAt(REGISTRATION, false)).toEqual({ methods: [], codeDestination: null, locked: false });
  });

  it("asks for the execution password from enforcement on", async () => {
    expect(await methodsAt(ENFORCED, false)).toEqual({
      methods: ["execution_password"],
      codeDestination: null,
      locked: false,
    });
    expect(await methodsAt(new Date("2022-09-18T18:00:00+09:00"), false)).toMatchObject({
      methods: ["execution_password"],
    });
  });

  it("asks for the code whenever the customer turned 照会用認証コード on, naming the masked 配信先", async () => {
    expect(await methodsAt(REGISTRATION, true)).toEqual({
      methods: ["auth_code"],
      codeDestination: "s***@example.test",
      locked: false,
    });
    expect(await methodsAt(ENFORCED, true)).toEqual({
      methods: ["execution_password", "auth_code"],
      codeDestination: "s***@example.test",
      locked: false,
    });
  });

  it("asks for no code for an operation that has none", async () => {
    expect(await methodsAt(ENFORCED, true, "change_profile")).toEqual({
      methods: ["execution_password"],
      codeDestination: null,
      locked: false,
    });
  });

  it("reports a locked execution password (R8), and no lock once an operator unlocks", async () => {
    const c = await newCustomer(core, { codeOn: true, locked: true });
    expect(
      await readAs(await requirements(core, c.id, "view_registered_info"), stepUpRequirementsResponseSchema),
    ).toEqual({ methods: ["execution_password", "auth_code"], codeDestination: "s***@example.test", locked: true });
    await core.db.update(customers).set({ lockedAt: null, executionFailedAttempts: 0 }).where(eq(customers.id, c.id));
    expect(
      (await readAs(await requirements(core, c.id, "view_registered_info"), stepUpRequirementsResponseSchema)).locked,
    ).toBe(false);
  });

  it("answers 404 for an unknown customer and 400 for an unknown operation", async () => {
    expect((await requirements(core, crypto.randomUUID(), "view_registered_info")).status).toBe(404);
    const c = await newCustomer(core);
    const res = await requirements(core, c.id, "launch_rockets");
    expect(res.status).toBe(400);
    expect((await readError(res)).fields?.[0]?.path).toBe("operation");
  });
});

describe("認証コード (R13)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  it("mails exactly one code to the 配信先, stores only its hash, and audits the issue", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const res = await issue(core, c.id);
    expect(res.status).toBe(200);
    const body = await readAs(res, issueAuthCodeResponseSchema);
    expect(body).toEqual({ destination: "s***@example.test", expiresAt: later(ENFORCED, 10 * 60_000).toISOString() });

    const queued = await mails(core, c.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ mailType: "view_auth_code", toAddress: "second@example.test" });
    const code = await mailedCode(core, c.id);
    expect(code).toMatch(/^\d{6}$/);
    expect(queued[0]?.bodyText).toContain("対象: 登録情報の照会");

    const rows = await codeRows(core, c.id);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({ operation: "view_registered_info", digest: DIGEST, attempts: 0 });
    expect(row?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    // Keyed with the server's MAC key: a copied table alone cannot be brute-forced back to the code.
    expect(row?.codeHash).toBe(core.services.secretBox.mac(`auth-code:${row?.salt}:${code}`));
    expect(row?.codeHash).not.toBe(createHash("sha256").update(`${row?.salt}:${code}`).digest("hex"));
    for (const value of Object.values(row ?? {})) expect(String(value)).not.toBe(code);
    expect(JSON.stringify(rows)).not.toContain(`"${code}"`);

    const [event] = await core.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.customerId, c.id), eq(auditEvents.eventType, "auth_code_issue")));
    expect(event).toMatchObject({ outcome: "success", detail: { operation: "view_registered_info" } });
    expect(JSON.stringify(event)).not.toContain(code);
  });

  it("refuses to issue a code the customer does not need (setting off, or an operation without one)", async () => {
    const off = await newCustomer(core);
    const res = await issue(core, off.id);
    expect(res.status).toBe(409);
    expect((await readError(res)).code).toBe("forbidden");
    const on = await newCustomer(core, { codeOn: true });
    expect((await issue(core, on.id, DIGEST, "change_profile")).status).toBe(409);
    expect(await mails(core, off.id)).toHaveLength(0);
    expect(await mails(core, on.id)).toHaveLength(0);
    expect(await codeRows(core, off.id)).toHaveLength(0);
    expect((await issue(core, crypto.randomUUID())).status).toBe(404);
  });

  it("refuses a locked customer (R8): 423 account_locked, no code, no mail, the refusal audited", async () => {
    const c = await newCustomer(core, { codeOn: true, locked: true });
    const res = await issue(core, c.id);
    expect(res.status).toBe(423);
    expect(await readError(res)).toMatchObject({ code: "account_locked", remainingAttempts: 0 });
    expect(await codeRows(core, c.id)).toHaveLength(0);
    expect(await mails(core, c.id)).toHaveLength(0);
    const events = await core.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.customerId, c.id), eq(auditEvents.eventType, "auth_code_issue")));
    expect(events.map((e) => [e.outcome, e.detail])).toEqual([
      ["refused_locked", { operation: "view_registered_info", reason: "account_locked" }],
    ]);
  });

  it("before enforcement the code alone confirms, so a locked customer still gets it", async () => {
    const c = await newCustomer(core, { at: REGISTRATION, codeOn: true, locked: true });
    expect((await issue(core, c.id)).status).toBe(200);
    expect(await mails(core, c.id)).toHaveLength(1);
  });

  it("throttles: 1 a minute and 5 an hour per customer and operation, saying when the next may be sent", async () => {
    const c = await newCustomer(core, { codeOn: true });
    // Each call confirms something else (another digest): none may reuse an earlier code.
    const digest = (i: number) => digestOf({ operation: "view_registered_info", payload: { i } });
    expect((await issue(core, c.id, digest(0))).status).toBe(200);
    const again = await issue(core, c.id, digest(100));
    expect(again.status).toBe(429);
    const error = await readError(again);
    // Issue 13 §4: each throttle has its own code and wording (was rate_limited, the login one).
    expect(error.code).toBe("auth_code_resend_too_soon");
    // Issue 17 B1: and when a new code can be sent (a minute after the first, in JST).
    expect(error.retryAt).toBe(later(ENFORCED, 60_000).toISOString());
    expect(error.message).toBe(
      `${errorMessages.auth_code_resend_too_soon}新しい認証コードは10:01:00以降に送信できます。`,
    );
    for (let i = 1; i <= 4; i++) {
      core.services.clock.set(c.id, later(ENFORCED, i * 61_000));
      expect((await issue(core, c.id, digest(i))).status, `issue ${i + 1}`).toBe(200);
    }
    core.services.clock.set(c.id, later(ENFORCED, 5 * 61_000));
    const sixth = await issue(core, c.id, digest(5));
    expect(sixth.status).toBe(429);
    const limit = await readError(sixth);
    expect(limit.code).toBe("auth_code_resend_limit");
    expect(limit.retryAt).toBe(later(ENFORCED, 60 * 60_000).toISOString());
    // An hour after the first, one more is allowed.
    core.services.clock.set(c.id, later(ENFORCED, 60 * 60_000 + 1_000));
    expect((await issue(core, c.id, digest(6))).status).toBe(200);
    expect(await mails(core, c.id)).toHaveLength(6);
    const throttled = await core.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.customerId, c.id), eq(auditEvents.outcome, "throttled")));
    expect(throttled).toHaveLength(2);
  });

  it("opened again within the minute for the same confirmation, answers with the code already mailed (issue 17 B1)", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const code = await issueCode(core, c.id);
    core.services.clock.set(c.id, later(ENFORCED, 20_000));
    const again = await issue(core, c.id);
    expect(again.status).toBe(200);
    const body = (await again.json()) as { destination: string; expiresAt: string; reused?: unknown };
    expect(body.reused).toEqual({ sentAt: ENFORCED.toISOString(), resendAt: later(ENFORCED, 60_000).toISOString() });
    expect(body.expiresAt).toBe(later(ENFORCED, 10 * 60_000).toISOString());
    expect(body.destination).toMatch(/@example\.test$/);
    // Nothing new was mailed, and the code in the mailbox still confirms.
    expect(await mails(core, c.id)).toHaveLength(1);
    expect((await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD, authCode: code })).status).toBe(200);
  });

  it("does not hand out a code mailed for something else, nor an expired one", async () => {
    const c = await newCustomer(core, { codeOn: true });
    await issueCode(core, c.id, OTHER_DIGEST);
    core.services.clock.set(c.id, later(ENFORCED, 20_000));
    expect((await issue(core, c.id)).status).toBe(429);
    // Past its 10 minutes a code is not reused even within the hour's limit.
    const d = await newCustomer(core, { codeOn: true });
    for (let i = 0; i < 5; i++) {
      core.services.clock.set(d.id, later(ENFORCED, i * 61_000));
      expect((await issue(core, d.id)).status).toBe(200);
    }
    core.services.clock.set(d.id, later(ENFORCED, 4 * 61_000 + 10 * 60_000 + 1_000));
    expect((await issue(core, d.id)).status).toBe(429);
  });

  it("a new code voids the old one", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const first = await issueCode(core, c.id);
    core.services.clock.set(c.id, later(ENFORCED, 61_000));
    const second = await issueCode(core, c.id);
    const rows = await codeRows(core, c.id);
    expect(rows.map((r) => r.voidedAt !== null)).toEqual([true, false]);
    if (first !== second) {
      const old = await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD, authCode: first });
      expect((await readError(old)).code).toBe("wrong_auth_code");
    }
    expect((await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD, authCode: second })).status).toBe(200);
  });
});

describe("step-up verification (R6, R8, R13, R26)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  const remainingPasswordTries = async (customerId: string) => {
    const [row] = await core.db
      .select({ attempts: customers.executionFailedAttempts })
      .from(customers)
      .where(eq(customers.id, customerId));
    return 9 - (row?.attempts ?? 0);
  };

  it("before enforcement with the code off: verified with no password", async () => {
    const c = await newCustomer(core, { at: REGISTRATION });
    const res = await verify(core, c.id, {});
    expect(res.status).toBe(200);
    expect(await readAs(res, verifyStepUpResponseSchema)).toEqual({ verified: true });
    const events = await core.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.customerId, c.id), eq(auditEvents.eventType, "step_up")));
    expect(events.map((e) => [e.outcome, e.detail])).toEqual([
      ["success", { operation: "view_registered_info", methods: [] }],
    ]);
  });

  it("from enforcement: the password is required and counts toward the lock", async () => {
    const c = await newCustomer(core);
    const missing = await verify(core, c.id, {});
    expect(missing.status).toBe(400);
    expect(await readError(missing)).toMatchObject({
      code: "validation_failed",
      fields: [{ path: "executionPassword", message: "執行パスワードを入力してください。" }],
    });
    const wrong = await verify(core, c.id, { executionPassword: "Wrong1x" });
    expect(wrong.status).toBe(422);
    expect(await readError(wrong)).toMatchObject({ code: "wrong_execution_password", remainingAttempts: 8 });
    expect((await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD })).status).toBe(200);
    expect(await remainingPasswordTries(c.id)).toBe(9);
    const outcomes = await core.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.customerId, c.id), eq(auditEvents.eventType, "step_up")));
    expect(outcomes.map((e) => e.outcome)).toEqual(["failure", "success"]);
  });

  it("before enforcement with the code on: the code alone, and it is consumed", async () => {
    const c = await newCustomer(core, { at: REGISTRATION, codeOn: true });
    const code = await issueCode(core, c.id);
    expect((await verify(core, c.id, { authCode: code })).status).toBe(200);
    const [row] = await codeRows(core, c.id);
    expect(row?.consumedAt).not.toBeNull();
  });

  it("a missing code is refused before the password is evaluated", async () => {
    const c = await newCustomer(core, { codeOn: true });
    await issueCode(core, c.id);
    const res = await verify(core, c.id, { executionPassword: "Wrong1x" });
    expect(res.status).toBe(400);
    expect((await readError(res)).code).toBe("auth_code_required");
    expect(await remainingPasswordTries(c.id)).toBe(9);
  });

  it("a code is single use", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const code = await issueCode(core, c.id);
    expect((await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD, authCode: code })).status).toBe(200);
    const second = await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD, authCode: code });
    expect(second.status).toBe(410);
    expect((await readError(second)).code).toBe("auth_code_expired");
  });

  it("a code expires after 10 minutes", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const code = await issueCode(core, c.id);
    core.services.clock.set(c.id, later(ENFORCED, 10 * 60_000));
    const res = await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD, authCode: code });
    expect(res.status).toBe(410);
    expect((await readError(res)).code).toBe("auth_code_expired");

    const fresh = await newCustomer(core, { codeOn: true });
    const freshCode = await issueCode(core, fresh.id);
    core.services.clock.set(fresh.id, later(ENFORCED, 10 * 60_000 - 1_000));
    expect((await verify(core, fresh.id, { executionPassword: EXECUTION_PASSWORD, authCode: freshCode })).status).toBe(
      200,
    );
  });

  it("5 wrong entries void the code; then even the right one is refused", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const code = await issueCode(core, c.id);
    const wrong = wrongCodeFor(code);
    for (let i = 1; i <= 4; i++) {
      const res = await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD, authCode: wrong });
      expect(res.status).toBe(422);
      expect(await readError(res)).toMatchObject({ code: "wrong_auth_code", remainingCodeAttempts: 5 - i });
    }
    const fifth = await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD, authCode: wrong });
    expect(fifth.status).toBe(410);
    expect((await readError(fifth)).code).toBe("auth_code_expired");
    const right = await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD, authCode: code });
    expect(right.status).toBe(410);
    const [row] = await codeRows(core, c.id);
    expect(row).toMatchObject({ attempts: 5, consumedAt: null });
    expect(row?.voidedAt).not.toBeNull();
  });

  it("a code fails for any other digest, and is never used up by another operation", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const code = await issueCode(core, c.id);
    const other = await verify(core, c.id, {
      executionPassword: EXECUTION_PASSWORD,
      authCode: code,
      digest: OTHER_DIGEST,
    });
    expect(other.status).toBe(422);
    expect(await readError(other)).toMatchObject({ code: "wrong_auth_code", remainingCodeAttempts: 4 });
    // change_profile needs no code: the view code plays no part and stays unused.
    expect(
      (await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD, authCode: code, operation: "change_profile" }))
        .status,
    ).toBe(200);
    expect((await codeRows(core, c.id))[0]).toMatchObject({ consumedAt: null, attempts: 1 });
    expect((await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD, authCode: code })).status).toBe(200);
  });

  it("a wrong password leaves the code untouched and counts toward the lock", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const code = await issueCode(core, c.id);
    const res = await verify(core, c.id, { executionPassword: "Wrong1x", authCode: code });
    expect(res.status).toBe(422);
    expect(await readError(res)).toMatchObject({ code: "wrong_execution_password", remainingAttempts: 8 });
    expect((await codeRows(core, c.id))[0]).toMatchObject({ attempts: 0, consumedAt: null, voidedAt: null });
    expect((await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD, authCode: code })).status).toBe(200);
  });

  it("a locked account is refused before the code is looked at", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const code = await issueCode(core, c.id);
    // Locked after the code was mailed (e.g. 9 wrong tries elsewhere).
    await core.db
      .update(customers)
      .set({ lockedAt: new Date(), executionFailedAttempts: 9 })
      .where(eq(customers.id, c.id));
    const res = await verify(core, c.id, { executionPassword: EXECUTION_PASSWORD, authCode: wrongCodeFor(code) });
    expect(res.status).toBe(423);
    expect((await readError(res)).code).toBe("account_locked");
    expect((await codeRows(core, c.id))[0]).toMatchObject({ attempts: 0, consumedAt: null });
    const events = await core.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.customerId, c.id), eq(auditEvents.eventType, "step_up")));
    expect(events.map((e) => e.outcome)).toEqual(["refused_locked"]);
  });

  it("answers 404 for an unknown customer", async () => {
    expect((await verify(core, crypto.randomUUID(), {})).status).toBe(404);
  });
});

describe.each(testBackends)("認証コード under concurrency on $name", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
  });
  afterAll(() => core.close());

  it("20 parallel verifications with the right code succeed once", async () => {
    const c = await newCustomer(core, { at: REGISTRATION, codeOn: true });
    const code = await issueCode(core, c.id);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await verify(core, c.id, { authCode: code })).status),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 410)).toHaveLength(19);
  });

  it("20 parallel wrong entries count exactly: 4 wrong, then void", async () => {
    const c = await newCustomer(core, { at: REGISTRATION, codeOn: true });
    const code = await issueCode(core, c.id);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => (await verify(core, c.id, { authCode: wrongCodeFor(code) })).status),
    );
    expect(statuses.filter((s) => s === 422)).toHaveLength(4);
    expect(statuses.filter((s) => s === 410)).toHaveLength(16);
    expect((await codeRows(core, c.id))[0]).toMatchObject({ attempts: 5 });
  });

  it("20 parallel issues by a locked customer send nothing, and every refusal is audited", async () => {
    const c = await newCustomer(core, { codeOn: true, locked: true });
    const statuses = await Promise.all(Array.from({ length: 20 }, async () => (await issue(core, c.id)).status));
    expect(statuses.filter((s) => s === 423)).toHaveLength(20);
    expect(await mails(core, c.id)).toHaveLength(0);
    expect(await codeRows(core, c.id)).toHaveLength(0);
    const refused = await core.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.customerId, c.id),
          eq(auditEvents.eventType, "auth_code_issue"),
          eq(auditEvents.outcome, "refused_locked"),
        ),
      );
    expect(refused).toHaveLength(20);
  });

  it("20 parallel issues for different confirmations send one code", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => (await issue(core, c.id, digestOf({ i }))).status),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(19);
    expect(await mails(core, c.id)).toHaveLength(1);
    expect(await codeRows(core, c.id)).toHaveLength(1);
  });

  it("20 parallel issues for the same confirmation send one code; the others point to it", async () => {
    const c = await newCustomer(core, { codeOn: true });
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await issue(core, c.id);
        return { status: res.status, reused: ((await res.json()) as { reused?: unknown }).reused !== undefined };
      }),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(20);
    expect(answers.filter((a) => a.reused)).toHaveLength(19);
    expect(await mails(core, c.id)).toHaveLength(1);
    expect(await codeRows(core, c.id)).toHaveLength(1);
  });
});
