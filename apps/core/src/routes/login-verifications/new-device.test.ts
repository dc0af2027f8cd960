import { createHash } from "node:crypto";
import { stepUpRequirementsResponseSchema, verifyLoginResponseSchema } from "@kakunin/contracts/core-api";
import { loginHistorySchema } from "@kakunin/contracts/customers";
import { exampleBankAccountChange } from "@kakunin/contracts/examples";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coolingPeriods, knownDevices } from "../../db/schema.ts";
import { requestBankAccountChange } from "../../domain/bank-accounts.ts";
import { coolingUntil, startCoolingPeriod } from "../../domain/cooling-period.ts";
import { AppError, appErrorBody } from "../../lib/errors.ts";
import { createTaro, taro } from "../../test/customers.ts";
import { auditsOf, mailsOf } from "../../test/rows.ts";
import { createTestCore, readAs, readError, testClient } from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

const NOW = new Date("2026-11-25T07:04:05Z"); // 2026/11/25 16:04:05 JST
const device = (name: string) => createHash("sha256").update(`kakunin-device:v1:${name}`).digest("hex");
const PHONE = device("phone");
const ATTACKER = device("attacker");

describe("new-device detection (issue 15)", () => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(() => core.close());

  async function newCustomer() {
    const c = await createTaro(core, { emails: ["first@example.test"] });
    core.services.clock.set(c.id, NOW);
    return c;
  }
  const login = (customerCode: string, deviceHash: string, password = taro.loginPassword) =>
    core.call("/v1/login-verifications", {
      method: "POST",
      json: { customerCode, password, client: testClient, deviceHash },
    });
  const enterCode = (customerCode: string, deviceHash: string, code: string) =>
    core.call("/v1/login-code-verifications", {
      method: "POST",
      json: { customerCode, deviceHash, code, client: testClient },
    });
  const mailedCode = async (customerId: string) => {
    const mail = (await mailsOf(core, customerId)).filter((m) => m.mailType === "new_device_login_code").at(-1);
    const code = mail?.bodyText.match(/認証コード: (\d{6})/)?.[1];
    if (!code) throw new Error("no code mailed");
    return code;
  };
  const other = (code: string) => ((Number(code) + 1) % 1_000_000).toString().padStart(6, "0");

  it("a right password from a new device mails a 認証コード and logs nobody in yet", async () => {
    const c = await newCustomer();
    const res = await login(c.customerCode, PHONE);
    expect(res.status).toBe(403);
    expect(await readError(res)).toMatchObject({
      code: "device_verification_required",
      codeSentTo: "f***@example.test",
    });
    const mails = await mailsOf(core, c.id);
    expect(mails.map((m) => m.mailType)).toEqual(["new_device_login_code"]);
    expect(mails[0]?.toAddress).toBe("first@example.test");
    expect(mails[0]?.bodyText).toContain("IPアドレス: 127.0.0.1");
    expect(await auditsOf(core, c.id, "login")).toHaveLength(0);
    expect(await auditsOf(core, c.id, "new_device_code_issue")).toMatchObject([{ outcome: "success" }]);
    expect(await core.db.select().from(knownDevices).where(eq(knownDevices.customerId, c.id))).toHaveLength(0);
    expect(await coolingUntil(core.db, core.services, c.id)).toBeNull();
  });

  it("a wrong password from a new device is invalid_credentials and mails nothing", async () => {
    const c = await newCustomer();
    const res = await login(c.customerCode, PHONE, "Wrong4pass9");
    expect(res.status).toBe(422);
    expect(await mailsOf(core, c.id)).toHaveLength(0);
  });

  it("the right code completes the login: device known, 新しい端末からのログイン mailed, cooling 24 h, history marked", async () => {
    const c = await newCustomer();
    await login(c.customerCode, PHONE);
    const code = await mailedCode(c.id);

    const wrong = await enterCode(c.customerCode, PHONE, other(code));
    expect(wrong.status).toBe(422);
    expect(await readError(wrong)).toMatchObject({ code: "wrong_auth_code", remainingCodeAttempts: 4 });
    // The code is bound to the device it was mailed for: another device cannot use it.
    const elsewhere = await enterCode(c.customerCode, ATTACKER, code);
    expect(elsewhere.status).toBe(422);

    const ok = await enterCode(c.customerCode, PHONE, code);
    expect(ok.status).toBe(200);
    expect((await readAs(ok, verifyLoginResponseSchema)).customer.id).toBe(c.id);
    const notice = (await mailsOf(core, c.id)).find((m) => m.mailType === "new_device_login");
    expect(notice?.toAddress).toBe("first@example.test");
    expect(notice?.bodyText).toContain("■ 変更内容\n新しい端末からのログイン");
    expect(notice?.bodyText).toContain("2026/11/26 16:04:05 (日本時間)まで出金先口座の変更はお受けできません");
    expect(await coolingUntil(core.db, core.services, c.id)).toEqual(new Date(NOW.getTime() + 24 * 3_600_000));
    expect(await auditsOf(core, c.id, "login")).toMatchObject([
      { outcome: "success", detail: { method: "password", newDevice: true } },
    ]);

    // Used once; the device is known now: the next login needs no code and is not marked.
    expect((await enterCode(c.customerCode, PHONE, code)).status).toBe(410);
    expect((await login(c.customerCode, PHONE)).status).toBe(200);
    const history = await readAs(await core.call(`/v1/customers/${c.id}/login-history`), loginHistorySchema);
    expect(history.entries.map((e) => e.newDevice ?? false)).toEqual([false, true]);
  });

  it("a code expires after 10 minutes and is void after 5 wrong entries (device_verification_expired)", async () => {
    const c = await newCustomer();
    await login(c.customerCode, PHONE);
    const code = await mailedCode(c.id);
    core.services.clock.set(c.id, new Date(NOW.getTime() + 10 * 60_000));
    const late = await enterCode(c.customerCode, PHONE, code);
    expect(late.status).toBe(410);
    expect((await readError(late)).code).toBe("device_verification_expired");

    core.services.clock.set(c.id, new Date(NOW.getTime() + 20 * 60_000));
    await login(c.customerCode, PHONE);
    const fresh = await mailedCode(c.id);
    for (let i = 0; i < 5; i++) await enterCode(c.customerCode, PHONE, other(fresh));
    expect((await enterCode(c.customerCode, PHONE, fresh)).status).toBe(410);
    expect(await auditsOf(core, c.id, "login")).toHaveLength(0);
  });

  it("a second login within the minute keeps the code already mailed; the hourly limit refuses (429)", async () => {
    const c = await newCustomer();
    await login(c.customerCode, PHONE);
    expect((await login(c.customerCode, PHONE)).status).toBe(403);
    expect((await mailsOf(core, c.id)).length).toBe(1);
    for (let minute = 1; minute < 5; minute++) {
      core.services.clock.set(c.id, new Date(NOW.getTime() + minute * 61_000));
      expect((await login(c.customerCode, PHONE)).status).toBe(403);
    }
    core.services.clock.set(c.id, new Date(NOW.getTime() + 6 * 61_000));
    const refused = await login(c.customerCode, PHONE);
    expect(refused.status).toBe(429);
    expect((await readError(refused)).code).toBe("auth_code_resend_limit");
  });

  it("with NEW_DEVICE_CODE_REQUIRED off the login proceeds, still mailed and still cooling", async () => {
    core.services.newDevice.codeRequired = false;
    try {
      const c = await newCustomer();
      expect((await login(c.customerCode, PHONE)).status).toBe(200);
      expect((await mailsOf(core, c.id)).map((m) => m.mailType)).toEqual(["new_device_login"]);
      expect(await coolingUntil(core.db, core.services, c.id)).not.toBeNull();
    } finally {
      core.services.newDevice.codeRequired = true;
    }
  });

  it("during cooling a 出金先口座 change is refused (audited) and a withdrawal needs the code; after it, neither", async () => {
    const c = await newCustomer();
    await core.db.transaction((tx) => startCoolingPeriod(tx, core.services, c.id, NOW));
    const actor = { customerId: c.id, client: testClient };
    const refusal = await requestBankAccountChange(core.db, core.services, {
      ...actor,
      change: exampleBankAccountChange,
    }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "new_device_cooling", status: 403 });
    expect(appErrorBody(refusal as AppError).error.message).toBe(
      "新しい端末からのログインの直後のため、安全のため2026/11/26 16:04:05（日本時間）まで出金先口座の変更はお受けできません。",
    );
    const requirements = await core.call(`/v1/customers/${c.id}/step-up-requirements?operation=change_bank_account`);
    expect(requirements.status).toBe(403);
    expect(await readError(requirements)).toMatchObject({
      code: "new_device_cooling",
      coolingUntil: "2026-11-26T07:04:05.000Z",
    });
    expect(await auditsOf(core, c.id, "cooling_refusal")).toHaveLength(2);

    const withdrawal = async () =>
      readAs(
        await core.call(`/v1/customers/${c.id}/step-up-requirements?operation=withdrawal`),
        stepUpRequirementsResponseSchema,
      );
    expect((await withdrawal()).methods).toContain("auth_code");
    expect((await withdrawal()).codeDestination).toBe("f***@example.test");

    core.services.clock.set(c.id, new Date(NOW.getTime() + 24 * 3_600_000));
    expect((await withdrawal()).methods).not.toContain("auth_code");
    const after = await requestBankAccountChange(core.db, core.services, {
      ...actor,
      change: exampleBankAccountChange,
    });
    expect(after.created).toBe(true);
  });

  it("a cooling period is never shortened by a later start", async () => {
    const c = await newCustomer();
    await core.db.transaction((tx) => startCoolingPeriod(tx, core.services, c.id, new Date(NOW.getTime() + 3_600_000)));
    await core.db.transaction((tx) => startCoolingPeriod(tx, core.services, c.id, NOW));
    const [row] = await core.db.select().from(coolingPeriods).where(eq(coolingPeriods.customerId, c.id));
    expect(row?.until).toEqual(new Date(NOW.getTime() + 25 * 3_600_000));
  });

  it("refuses a malformed device hash with a field error", async () => {
    const c = await newCustomer();
    const res = await login(c.customerCode, "not-a-hash");
    expect(res.status).toBe(400);
    expect((await readError(res)).fields?.map((f) => f.path)).toContain("deviceHash");
  });
});
