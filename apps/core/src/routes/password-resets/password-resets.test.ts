import { optionalMailTypes } from "@kakunin/contracts/mail";
import {
  completePasswordResetCoreResponseSchema,
  startPasswordResetCoreResponseSchema,
} from "@kakunin/contracts/password-reset";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers } from "../../db/schema.ts";
import { coolingUntil } from "../../domain/cooling-period.ts";
import { createCustomer } from "../../domain/customers.ts";
import { stopTrading } from "../../domain/trading-stop.ts";
import { verifyPassword } from "../../lib/passwords.ts";
import { auditsOf, mailsOf } from "../../test/rows.ts";
import { createTestCore, readAs, readError, testBackends, testClient } from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

const BIRTH_DATE = "1980-01-15";
const OLD_PASSWORD = "Kiso8pine3";
const NEW_PASSWORD = "Mado4kumo7";

async function newCustomer(core: Core) {
  return createCustomer(core.db, core.services, {
    name: "試験 太郎",
    birthDate: BIRTH_DATE,
    phone: "090-1234-5678",
    emails: ["reset@example.test"],
    loginPassword: OLD_PASSWORD,
    // Every optional mail 配信不要: the reset's mails go whatever the settings (R38).
    mailSettings: optionalMailTypes.map((type) => ({ type, enabled: false, destination: 1 as const })),
  });
}

async function start(core: Core, customerCode: string, birthDate = BIRTH_DATE) {
  const res = await core.call("/v1/password-resets", {
    method: "POST",
    json: { customerCode, birthDate, client: testClient },
  });
  expect(res.status).toBe(200);
  return (await readAs(res, startPasswordResetCoreResponseSchema)).reset;
}

const complete = (core: Core, resetId: string, code: string, newPassword = NEW_PASSWORD) =>
  core.call("/v1/password-resets/completion", {
    method: "POST",
    json: { resetId, request: { code, newPassword }, client: testClient },
  });

async function mailedCode(core: Core, customerId: string): Promise<string> {
  const mails = (await mailsOf(core, customerId)).filter((m) => m.mailType === "password_reset_code");
  const code = /認証コード: (\d{6})/.exec(mails.at(-1)?.bodyText ?? "")?.[1];
  if (!code) throw new Error("no reset code mailed");
  return code;
}

const wrongCodeFor = (code: string) => (code === "000000" ? "111111" : "000000");

async function loginHashOf(core: Core, customerId: string) {
  const [row] = await core.db
    .select({ hash: customers.loginPasswordHash })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!row) throw new Error("no customer");
  return row.hash;
}

describe.each(testBackends)("password reset (decision 015) on $name", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
  });
  afterAll(() => core.close());

  it("mails a code to the registered address and resets with the right one; the code works once", async () => {
    const c = await newCustomer(core);
    const reset = await start(core, c.customerCode);
    expect(reset).not.toBeNull();
    const code = await mailedCode(core, c.id);
    const [codeMail] = await mailsOf(core, c.id);
    expect(codeMail).toMatchObject({ mailType: "password_reset_code", toAddress: "reset@example.test" });

    const res = await complete(core, reset?.id ?? "", code);
    expect(res.status).toBe(200);
    expect((await readAs(res, completePasswordResetCoreResponseSchema)).customerId).toBe(c.id);
    const hash = await loginHashOf(core, c.id);
    expect(await verifyPassword(hash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, OLD_PASSWORD)).toBe(false);

    const mails = await mailsOf(core, c.id);
    expect(mails.map((m) => m.mailType)).toEqual(["password_reset_code", "login_password_reset"]);
    expect(mails[1]?.bodyText).toContain("ログインパスワード（再設定）");
    // The new-device rules apply (decision 013): a cooling period starts with the reset.
    const until = await coolingUntil(core.db, core.services, c.id);
    expect(until?.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(mails[1]?.bodyText).toContain("まで出金先口座の変更はお受けできません");
    const audits = await auditsOf(core, c.id, "password_reset");
    expect(audits.map((a) => [a.outcome, (a.detail as { step: string }).step])).toEqual([
      ["success", "start"],
      ["success", "complete"],
    ]);

    // Used up: the same code again is refused, nothing changes.
    const again = await complete(core, reset?.id ?? "", code, "Yuki5hana2");
    expect(again.status).toBe(422);
    expect((await readError(again)).code).toBe("password_reset_code_invalid");
    expect(await loginHashOf(core, c.id)).toBe(hash);
  });

  it("a birth date that does not match and an unknown customer answer alike, mail nothing and are audited", async () => {
    const c = await newCustomer(core);
    expect(await start(core, c.customerCode, "1980-01-16")).toBeNull();
    expect(await start(core, "9999999")).toBeNull();
    expect(await mailsOf(core, c.id)).toEqual([]);
    const audits = await auditsOf(core, c.id, "password_reset");
    expect(audits.map((a) => [a.outcome, (a.detail as { reason: string }).reason])).toEqual([
      ["failure", "birth_date_mismatch"],
    ]);
  });

  it("counts wrong codes: the 5th voids the code, even the right one is then refused", async () => {
    const c = await newCustomer(core);
    const reset = await start(core, c.customerCode);
    const code = await mailedCode(core, c.id);
    const before = await loginHashOf(core, c.id);
    for (let i = 0; i < 5; i++) {
      const res = await complete(core, reset?.id ?? "", wrongCodeFor(code));
      expect(res.status).toBe(422);
      expect((await readError(res)).code).toBe("password_reset_code_invalid");
    }
    expect((await complete(core, reset?.id ?? "", code)).status).toBe(422);
    expect(await loginHashOf(core, c.id)).toBe(before);
    const failures = (await auditsOf(core, c.id, "password_reset")).filter((a) => a.outcome === "failure");
    expect(failures.map((a) => (a.detail as { reason: string }).reason)).toEqual([
      ...Array(5).fill("wrong_auth_code"),
      "code_not_live",
    ]);
  });

  it("refuses an expired code", async () => {
    const c = await newCustomer(core);
    const reset = await start(core, c.customerCode);
    const code = await mailedCode(core, c.id);
    core.services.clock.set(c.id, new Date(Date.now() + 11 * 60_000));
    try {
      const res = await complete(core, reset?.id ?? "", code);
      expect(res.status).toBe(422);
      expect((await readError(res)).code).toBe("password_reset_code_invalid");
    } finally {
      core.services.clock.set(c.id, null);
    }
  });

  it("applies the password rules (R3) with field errors, and the code stays usable to correct them", async () => {
    const c = await newCustomer(core);
    const reset = await start(core, c.customerCode);
    const code = await mailedCode(core, c.id);
    const birth = await complete(core, reset?.id ?? "", code, "Ab19800115");
    expect(birth.status).toBe(400);
    expect((await readError(birth)).fields?.map((f) => f.path)).toContain("newPassword");
    const reused = await complete(core, reset?.id ?? "", code, OLD_PASSWORD);
    expect(reused.status).toBe(400);
    expect((await readError(reused)).fields?.map((f) => f.reason)).toContain("reused_password");
    const weak = await complete(core, reset?.id ?? "", code, "short");
    expect(weak.status).toBe(400);
    expect((await complete(core, reset?.id ?? "", code)).status).toBe(200);
  });

  it("a new start voids the earlier code", async () => {
    const c = await newCustomer(core);
    const first = await start(core, c.customerCode);
    const firstCode = await mailedCode(core, c.id);
    core.services.clock.set(c.id, new Date(Date.now() + 61_000));
    try {
      const second = await start(core, c.customerCode);
      expect(second?.id).not.toBe(first?.id);
      expect((await complete(core, first?.id ?? "", firstCode)).status).toBe(422);
    } finally {
      core.services.clock.set(c.id, null);
    }
  });

  it("within the resend limit's minute, answers the live reset again and mails no second code", async () => {
    const c = await newCustomer(core);
    const first = await start(core, c.customerCode);
    const second = await start(core, c.customerCode);
    expect(second?.id).toBe(first?.id);
    expect((await mailsOf(core, c.id)).filter((m) => m.mailType === "password_reset_code")).toHaveLength(1);
    expect((await auditsOf(core, c.id, "password_reset")).map((a) => a.outcome)).toEqual(["success", "throttled"]);
  });

  it("a customer whose trading is stopped gets no code (a stop blocks password changes)", async () => {
    const c = await newCustomer(core);
    await stopTrading(core.db, core.services, { customerId: c.id, client: testClient });
    expect(await start(core, c.customerCode)).toBeNull();
    expect((await mailsOf(core, c.id)).map((m) => m.mailType)).toEqual(["trading_stopped"]);
    const [audit] = await auditsOf(core, c.id, "password_reset");
    expect(audit?.detail).toMatchObject({ reason: "account_stopped" });
  });
});
