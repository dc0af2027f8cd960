import { customerCodeSchema } from "@kakunin/contracts/auth";
import { credentialStatusSchema } from "@kakunin/contracts/credentials";
import { noticeListSchema } from "@kakunin/contracts/customers";
import { optionalMailTypes } from "@kakunin/contracts/mail";
import { auditEventListSchema } from "@kakunin/contracts/ops";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, customers, outbox } from "../../db/schema.ts";
import { verifyExecutionPassword } from "../../domain/credentials/verify-execution-password.ts";
import { createCustomer } from "../../domain/customers.ts";
import { verifyPassword } from "../../lib/passwords.ts";
import { formatJst } from "../../mail/format.ts";
import { mailsOf } from "../../test/rows.ts";
import {
  createTestCore,
  knownDeviceLogin,
  readAs,
  readError,
  TEST_OPS_TOKEN,
  testBackends,
  testClient,
} from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

async function newCustomer(core: Core, overrides: { executionPassword?: string; loginPassword?: string } = {}) {
  return createCustomer(core.db, core.services, {
    name: "試験 太郎",
    birthDate: "1980-01-15",
    phone: "090-1234-5678",
    emails: ["t@example.test"],
    loginPassword: overrides.loginPassword ?? "Kiso8pine3",
    // Every optional mail 配信不要, explicitly: the security mails go whatever they say (R38).
    mailSettings: optionalMailTypes.map((type) => ({ type, enabled: false, destination: 1 as const })),
    ...(overrides.executionPassword
      ? { executionPassword: { plain: overrides.executionPassword, initial: false } }
      : {}),
  });
}

const verify = (core: Core, customerId: string, password: string) =>
  core.call(`/v1/customers/${customerId}/execution-password/verifications`, {
    method: "POST",
    json: { password, purpose: "test", client: testClient },
  });

const status = async (core: Core, customerId: string) =>
  readAs(await core.call(`/v1/customers/${customerId}/credentials`), credentialStatusSchema);

describe.each(testBackends)("execution password lock (R8) on $name", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
  });
  afterAll(() => core.close());

  it("counts down the remaining tries and locks on the 9th consecutive failure", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    for (let i = 1; i <= 8; i++) {
      const res = await verify(core, c.id, "Wrong1x");
      expect(res.status).toBe(422);
      expect(await readError(res)).toMatchObject({ code: "wrong_execution_password", remainingAttempts: 9 - i });
    }
    const ninth = await verify(core, c.id, "Wrong1x");
    expect(ninth.status).toBe(423);
    const lock = await readError(ninth);
    expect(lock.code).toBe("account_locked");
    // Issue 17: the lock names whom to call, from SUPPORT_PHONE and SUPPORT_HOURS.
    expect(lock.message).toContain("お客様サポートセンター（電話 0120-000-000、受付時間 平日 8:30〜17:00）");
    expect((await status(core, c.id)).supportContact).toEqual({ phone: "0120-000-000", hours: "平日 8:30〜17:00" });
    // Locked: even the right password is refused.
    const right = await verify(core, c.id, "Rk7m2x");
    expect(right.status).toBe(423);
    expect((await status(core, c.id)).executionPassword).toMatchObject({ locked: true, remainingAttempts: 0 });
    const events = await core.db.select().from(auditEvents).where(eq(auditEvents.customerId, c.id));
    expect(events.filter((e) => e.eventType === "execution_password" && e.outcome === "failure")).toHaveLength(9);
    expect(events.filter((e) => e.eventType === "account_lock")).toHaveLength(1);
    expect(events.filter((e) => e.outcome === "refused_locked")).toHaveLength(1);
    // ロック通知 is queued with the lock, always (R8).
    const mails = await core.db.select().from(outbox).where(eq(outbox.customerId, c.id));
    expect(mails.map((m) => [m.mailType, m.toAddress])).toEqual([["account_locked", "t@example.test"]]);
  });

  it("a success resets the count", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    for (let i = 0; i < 8; i++) await verify(core, c.id, "Wrong1x");
    expect((await verify(core, c.id, "Rk7m2x")).status).toBe(200);
    expect((await status(core, c.id)).executionPassword.remainingAttempts).toBe(9);
    const res = await verify(core, c.id, "Wrong1x");
    expect((await readError(res)).remainingAttempts).toBe(8);
  });

  it("100 parallel wrong attempts evaluate at most 9 hashes and lock exactly once", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    let evaluations = 0;
    const counting = async (hash: string, plain: string) => {
      evaluations++;
      return verifyPassword(hash, plain);
    };
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, () =>
        verifyExecutionPassword(
          core.db,
          core.services.hashGate,
          { customerId: c.id, password: "Wrong1x", purpose: "race", client: testClient },
          { verify: counting },
        ),
      ),
    );
    expect(evaluations).toBe(9);
    const wrong = outcomes.filter((o) => o.status === "wrong");
    expect(wrong).toHaveLength(9);
    expect(wrong.map((o) => (o.status === "wrong" ? o.remainingAttempts : -1)).sort()).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(outcomes.filter((o) => o.status === "locked")).toHaveLength(91);
    const [row] = await core.db.select().from(customers).where(eq(customers.id, c.id));
    expect(row).toMatchObject({ executionFailedAttempts: 9 });
    expect(row?.lockedAt).not.toBeNull();
  });

  it("100 parallel attempts over HTTP leave the account locked with no lost update", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    const statuses = await Promise.all(
      Array.from({ length: 100 }, async () => (await verify(core, c.id, "Wrong1x")).status),
    );
    expect(statuses.filter((s) => s === 422)).toHaveLength(8);
    expect(statuses.filter((s) => s === 423)).toHaveLength(92);
    const failures = await core.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.customerId, c.id), eq(auditEvents.outcome, "failure")));
    expect(failures).toHaveLength(9);
  });

  it("the operator unlock restores access, is audited, and needs the operator credential", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    for (let i = 0; i < 9; i++) await verify(core, c.id, "Wrong1x");
    const withServiceToken = await core.call(`/ops/customers/${c.customerCode}/unlock`, {
      method: "POST",
      json: { operator: "qa" },
    });
    expect(withServiceToken.status).toBe(401);
    const ops = (path: string, init: RequestInit = {}) =>
      core.app.request(path, {
        ...init,
        headers: { authorization: `Bearer ${TEST_OPS_TOKEN}`, "content-type": "application/json" },
      });
    const res = await ops(`/ops/customers/${c.customerCode}/unlock`, {
      method: "POST",
      body: JSON.stringify({ operator: "佐々木", note: "本人確認済み" }),
    });
    expect(await res.json()).toEqual({ customerCode: c.customerCode, done: "unlocked" });
    expect((await verify(core, c.id, "Rk7m2x")).status).toBe(200);
    // ロック解除通知 (R38): always mailed, naming the operator as the source and the number to call.
    const mails = await mailsOf(core, c.id);
    expect(mails.map((m) => [m.mailType, m.toAddress])).toEqual([
      ["account_locked", "t@example.test"],
      ["account_unlocked", "t@example.test"],
    ]);
    expect(mails[0]?.bodyText).toContain(`■ 操作元\nIPアドレス: ${testClient.ipAddress}`);
    expect(mails[1]?.bodyText).toContain("■ 操作元\n弊社担当者");
    expect(mails[1]?.bodyText).toContain("お客様サポートセンター（電話 0120-000-000、受付時間 平日 8:30〜17:00）");
    // Unlocking an account that is not locked changes nothing and mails nothing.
    const again = await ops(`/ops/customers/${c.customerCode}/unlock`, {
      method: "POST",
      body: JSON.stringify({ operator: "佐々木" }),
    });
    expect(await again.json()).toEqual({ customerCode: c.customerCode, done: "was_not_locked" });
    expect(await mailsOf(core, c.id)).toHaveLength(2);
    const audit = await readAs(
      await ops(`/ops/customers/${c.customerCode}/audit-events?limit=5`),
      auditEventListSchema,
    );
    expect(audit.events.map((e) => e.eventType)).toContain("account_unlock");
    expect(audit.events.find((e) => e.eventType === "account_unlock")?.detail).toMatchObject({ operator: "佐々木" });
    customerCodeSchema.parse(c.customerCode);
  });
});

describe("執行パスワード変更 (R7, R10)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  const change = (customerId: string, currentPassword: string, newPassword: string, confirmation = newPassword) =>
    core.call(`/v1/customers/${customerId}/execution-password`, {
      method: "PUT",
      json: { request: { currentPassword, newPassword, newPasswordConfirmation: confirmation }, client: testClient },
    });

  it("replaces the initial password, removes it from お知らせ and from storage", async () => {
    const c = await newCustomer(core);
    expect(c.executionPasswordIsInitial).toBe(true);
    expect((await status(core, c.id)).executionPassword.isInitial).toBe(true);
    const res = await change(c.id, c.executionPassword, "Mg7t3w");
    expect(res.status).toBe(200);
    expect((await status(core, c.id)).executionPassword).toMatchObject({
      isInitial: false,
      changedAt: expect.any(String),
    });
    const notices = await readAs(await core.call(`/v1/customers/${c.id}/notices`), noticeListSchema);
    expect(notices.notices.map((n) => n.id)).not.toContain("initial-execution-password");
    const [row] = await core.db.select().from(customers).where(eq(customers.id, c.id));
    expect(row?.initialExecutionPasswordEnc).toBeNull();
    expect((await verify(core, c.id, "Mg7t3w")).status).toBe(200);
  });

  it("always mails 執行パスワード変更通知 (R38), with every optional mail off", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    expect((await change(c.id, "Rk7m2x", "Mg7t3w")).status).toBe(200);
    const changedAt = (await status(core, c.id)).executionPassword.changedAt;
    const mails = await mailsOf(core, c.id);
    expect(mails.map((m) => [m.mailType, m.toAddress, m.subject])).toEqual([
      ["execution_password_changed", "t@example.test", "【kakunin証券】執行パスワード変更のお知らせ"],
    ]);
    expect(mails[0]?.bodyText).toContain(`■ 日時\n${formatJst(new Date(changedAt ?? ""))}`);
    expect(mails[0]?.bodyText).toContain(`■ 操作元\nIPアドレス: ${testClient.ipAddress}`);
    expect(mails[0]?.bodyText).toContain("お客様サポートセンター（電話 0120-000-000、受付時間 平日 8:30〜17:00）");
  });

  it("the operator's reissue of the initial password is mailed (R38), naming the operator as the source", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    const res = await core.app.request(`/ops/customers/${c.customerCode}/initial-execution-password`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_OPS_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ operator: "佐々木" }),
    });
    expect(res.status).toBe(200);
    const mails = await mailsOf(core, c.id);
    expect(mails.map((m) => m.mailType)).toEqual(["execution_password_changed"]);
    expect(mails[0]?.bodyText).toContain("執行パスワード（初期執行パスワードの再発行）");
    expect(mails[0]?.bodyText).toContain("■ 操作元\n弊社担当者");
    expect(mails[0]?.bodyText).toContain("お客様サポートセンター（電話 0120-000-000、受付時間 平日 8:30〜17:00）");
  });

  it("a wrong current password counts toward the lock", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    const res = await change(c.id, "Wrong1x", "Mg7t3w");
    expect(res.status).toBe(422);
    expect(await readError(res)).toMatchObject({ code: "wrong_execution_password", remainingAttempts: 8 });
    expect(await mailsOf(core, c.id)).toHaveLength(0);
  });

  it("names every rule the new password breaks, and changes nothing", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    const cases: [string, string][] = [
      ["Ab19800115", "contains_birth_date"],
      ["Xy1234", "sequential"],
      ["Kiso8pine3", "same_as_other_password"],
      [`Zz${c.customerCode}`, "contains_customer_code"],
      ["Q5678w", "contains_phone_number"],
      ["Password1", "common_password"],
      ["aaaa9B", "repeated"],
    ];
    for (const [candidate, reason] of cases) {
      const res = await change(c.id, "Rk7m2x", candidate);
      expect(res.status, candidate).toBe(400);
      const error = await readError(res);
      expect(
        error.fields?.map((f) => f.reason),
        candidate,
      ).toContain(reason);
      expect(error.fields?.every((f) => f.path === "newPassword" && f.message.length > 0)).toBe(true);
    }
    expect((await verify(core, c.id, "Rk7m2x")).status).toBe(200);
  });

  it("refuses any of the last 5 execution passwords", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    expect((await change(c.id, "Rk7m2x", "Mg7t3w")).status).toBe(200);
    const back = await change(c.id, "Mg7t3w", "Rk7m2x");
    expect(back.status).toBe(400);
    expect((await readError(back)).fields?.[0]?.reason).toBe("reused_password");
  });

  it("rejects a mismatched confirmation and bad composition from the shared schema", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    const mismatch = await change(c.id, "Rk7m2x", "Mg7t3w", "Mg7t3x");
    expect(mismatch.status).toBe(400);
    expect((await readError(mismatch)).fields).toEqual([
      expect.objectContaining({ path: "request.newPasswordConfirmation", reason: "confirmation_mismatch" }),
    ]);
    const weak = await change(c.id, "Rk7m2x", "abc");
    expect((await readError(weak)).fields?.map((f) => f.reason)).toEqual(expect.arrayContaining(["too_short"]));
    // Neither counted as a try: the current password was never evaluated.
    expect((await status(core, c.id)).executionPassword.remainingAttempts).toBe(9);
  });

  it("a locked customer cannot change it", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    for (let i = 0; i < 9; i++) await verify(core, c.id, "Wrong1x");
    const res = await change(c.id, "Rk7m2x", "Mg7t3w");
    expect(res.status).toBe(423);
    expect((await readError(res)).code).toBe("account_locked");
  });
});

describe("ログインパスワード変更 (R2, R3)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  const change = (customerId: string, currentPassword: string, newPassword: string) =>
    core.call(`/v1/customers/${customerId}/login-password`, {
      method: "PUT",
      json: { request: { currentPassword, newPassword, newPasswordConfirmation: newPassword }, client: testClient },
    });
  const login = (code: string, password: string) =>
    knownDeviceLogin(core, { customerCode: code, password, client: testClient });

  it("changes the login password after checking the current one", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    expect((await change(c.id, "Wrong9pass", "Fuji7lake4")).status).toBe(422);
    expect((await change(c.id, "Kiso8pine3", "Fuji7lake4")).status).toBe(200);
    expect((await login(c.customerCode, "Fuji7lake4")).status).toBe(200);
    expect((await login(c.customerCode, "Kiso8pine3")).status).toBe(422);
  });

  it("always mails ログインパスワード変更通知 (R38), with every optional mail off; a refused change mails nothing", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x" });
    expect((await change(c.id, "Wrong9pass", "Fuji7lake4")).status).toBe(422);
    expect(await mailsOf(core, c.id)).toHaveLength(0);
    expect((await change(c.id, "Kiso8pine3", "Fuji7lake4")).status).toBe(200);
    const mails = await mailsOf(core, c.id);
    expect(mails.map((m) => [m.mailType, m.toAddress, m.subject])).toEqual([
      ["login_password_changed", "t@example.test", "【kakunin証券】ログインパスワード変更のお知らせ"],
    ]);
    expect(mails[0]?.bodyText).toContain("■ 変更内容\nログインパスワード");
    expect(mails[0]?.bodyText).toMatch(/■ 日時\n\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \(日本時間\)/);
    expect(mails[0]?.bodyText).toContain(`■ 操作元\nIPアドレス: ${testClient.ipAddress}`);
    expect(mails[0]?.bodyText).toContain("お客様サポートセンター（電話 0120-000-000、受付時間 平日 8:30〜17:00）");
    expect(mails[0]?.bodyText).not.toMatch(/https?:|:\/\//);
  });

  it("refuses the execution password, the birth date, letters only and past passwords", async () => {
    const c = await newCustomer(core, { executionPassword: "Rk7m2x9" });
    const reasons = async (candidate: string) =>
      (await readError(await change(c.id, "Kiso8pine3", candidate))).fields?.map((f) => f.reason);
    expect(await reasons("Rk7m2x9")).toContain("same_as_other_password");
    expect(await reasons("ab800115cd")).toContain("contains_birth_date");
    expect(await reasons("abcdefgh")).toContain("composition");
    expect((await change(c.id, "Kiso8pine3", "Fuji7lake4")).status).toBe(200);
    expect((await readError(await change(c.id, "Fuji7lake4", "Kiso8pine3"))).fields?.[0]?.reason).toBe(
      "reused_password",
    );
  });
});

describe("schedule (R11)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  it("reports the phase at the customer's clock", async () => {
    const c = await newCustomer(core);
    const phaseAt = async (iso: string) => {
      core.services.clock.set(c.id, new Date(iso));
      return (await status(core, c.id)).schedule.phase;
    };
    expect(await phaseAt("2022-08-21T23:59:59+09:00")).toBe("before_registration");
    expect(await phaseAt("2022-08-22T00:00:00+09:00")).toBe("registration");
    expect(await phaseAt("2022-09-18T17:59:59+09:00")).toBe("registration");
    expect(await phaseAt("2022-09-18T18:00:00+09:00")).toBe("enforced");
  });
});
