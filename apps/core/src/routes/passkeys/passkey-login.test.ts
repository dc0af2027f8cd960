import { passkeyLoginCoreResponseSchema, verifyLoginResponseSchema } from "@kakunin/contracts/core-api";
import { loginHistorySchema, noticeListSchema } from "@kakunin/contracts/customers";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, passkeyCredentials } from "../../db/schema.ts";
import { coolingUntil } from "../../domain/cooling-period.ts";
import { isKnownDevice } from "../../domain/new-devices.ts";
import type { PasskeyPolicy } from "../../lib/types.ts";
import { createTaro, taro } from "../../test/customers.ts";
import { ceremonyFor, givePasskey } from "../../test/passkeys.ts";
import { auditsOf, mailsOf } from "../../test/rows.ts";
import { newChallenge, SoftAuthenticator } from "../../test/soft-authenticator.ts";
import {
  createTestCore,
  knownDeviceLogin,
  readAs,
  readError,
  TEST_DEVICE_HASH,
  testBackends,
  testClient,
} from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

const AT = new Date("2026-11-25T10:00:00+09:00");

async function newCustomer(core: Core, loginNotification = false) {
  const c = await createTaro(core, {
    ...(loginNotification
      ? { mailSettings: [{ type: "login_notification" as const, enabled: true, destination: 1 as const }] }
      : {}),
  });
  core.services.clock.set(c.id, AT);
  return c;
}

const passwordLogin = (core: Core, customerCode: string, password = taro.loginPassword) =>
  knownDeviceLogin(core, { customerCode, password, client: testClient });

const passkeyLogin = (core: Core, json: { response: unknown; expectedChallenge: string }) =>
  core.call("/v1/passkey-logins", { method: "POST", json: { ...json, client: testClient } });

const suspend = (core: Core, passkeyId: string) =>
  core.db.update(passkeyCredentials).set({ suspendedAt: AT }).where(eq(passkeyCredentials.id, passkeyId));

const loginAudits = async (core: Core, customerId: string) =>
  (await auditsOf(core, customerId, "login")).map((e) => [e.outcome, e.detail]);

describe.each(testBackends)("passkey login and the login policy on $name (issue 14)", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
  });
  afterAll(() => core.close());

  describe("password login once the customer has a passkey", () => {
    it("is refused with passkey_login_required after the password verified, audited with the reason, no ログイン通知", async () => {
      const c = await newCustomer(core, true);
      await givePasskey(core, c.id);
      const res = await passwordLogin(core, c.customerCode);
      expect(res.status).toBe(403);
      expect((await readError(res)).code).toBe("passkey_login_required");
      expect(await loginAudits(core, c.id)).toEqual([
        ["failure", { method: "password", reason: "passkey_login_required" }],
      ]);
      expect((await mailsOf(core, c.id)).map((m) => m.mailType)).toEqual(["passkey_registered"]);
    });

    it("a wrong password still answers invalid_credentials", async () => {
      const c = await newCustomer(core);
      await givePasskey(core, c.id);
      const res = await passwordLogin(core, c.customerCode, "Wrong4pass9");
      expect(res.status).toBe(422);
      expect((await readError(res)).code).toBe("invalid_credentials");
    });

    it("is allowed when every passkey is suspended (the fallback)", async () => {
      const c = await newCustomer(core);
      const { view } = await givePasskey(core, c.id);
      await suspend(core, view.id);
      const res = await passwordLogin(core, c.customerCode);
      expect(res.status).toBe(200);
      expect((await readAs(res, verifyLoginResponseSchema)).customer.id).toBe(c.id);
    });
  });

  describe("POST /v1/passkey-logins", () => {
    it("logs in with a discoverable passkey: names the customer, records the login in the history, notifies", async () => {
      const c = await newCustomer(core, true);
      const { authenticator, view } = await givePasskey(core, c.id);
      const challenge = newChallenge();
      const res = await passkeyLogin(core, {
        response: authenticator.assert(ceremonyFor(challenge)),
        expectedChallenge: challenge,
      });
      expect(res.status).toBe(200);
      expect((await readAs(res, passkeyLoginCoreResponseSchema)).customer).toEqual({
        id: c.id,
        customerCode: c.customerCode,
        name: taro.name,
      });
      const history = await readAs(await core.call(`/v1/customers/${c.id}/login-history`), loginHistorySchema);
      expect(history.entries.map((e) => [e.outcome, e.userAgent])).toEqual([["success", testClient.userAgent]]);
      expect(await loginAudits(core, c.id)).toEqual([["success", { method: "passkey" }]]);
      expect((await auditsOf(core, c.id, "passkey_assertion")).map((e) => [e.outcome, e.detail])).toEqual([
        ["success", { passkeyId: view.id }],
      ]);
      expect((await mailsOf(core, c.id)).map((m) => m.mailType)).toEqual(["passkey_registered", "login_notification"]);
    });

    it("from a new device (issue 15): no code, no cooling; the device becomes known and the login is marked", async () => {
      const c = await newCustomer(core);
      const { authenticator } = await givePasskey(core, c.id);
      const challenge = newChallenge();
      const res = await core.call("/v1/passkey-logins", {
        method: "POST",
        json: {
          response: authenticator.assert(ceremonyFor(challenge)),
          expectedChallenge: challenge,
          client: testClient,
          deviceHash: TEST_DEVICE_HASH,
        },
      });
      expect(res.status).toBe(200);
      expect(await loginAudits(core, c.id)).toEqual([["success", { method: "passkey", newDevice: true }]]);
      expect(await isKnownDevice(core.db, c.id, TEST_DEVICE_HASH)).toBe(true);
      expect(await coolingUntil(core.db, core.services, c.id)).toBeNull();
      expect((await mailsOf(core, c.id)).map((m) => m.mailType)).toEqual(["passkey_registered"]);
    });

    it("refuses an unknown credential (passkey_unknown), audited as a failed login", async () => {
      const stranger = new SoftAuthenticator();
      const challenge = newChallenge();
      const res = await passkeyLogin(core, {
        response: stranger.assert(ceremonyFor(challenge)),
        expectedChallenge: challenge,
      });
      expect(res.status).toBe(422);
      expect((await readError(res)).code).toBe("passkey_unknown");
      const [failure] = await core.db.select().from(auditEvents).where(eq(auditEvents.subject, stranger.id));
      expect(failure).toMatchObject({ eventType: "login", outcome: "failure", customerId: null });
      expect(failure?.detail).toEqual({ method: "passkey", reason: "passkey_unknown" });
    });

    it("refuses an assertion over another challenge (a replay): nothing recorded as a login of the customer", async () => {
      const c = await newCustomer(core);
      const { authenticator } = await givePasskey(core, c.id);
      const signed = newChallenge();
      const res = await passkeyLogin(core, {
        response: authenticator.assert(ceremonyFor(signed)),
        expectedChallenge: newChallenge(),
      });
      expect(res.status).toBe(422);
      expect((await readError(res)).code).toBe("passkey_challenge_expired");
      expect(await loginAudits(core, c.id)).toEqual([]);
      expect((await auditsOf(core, c.id, "passkey_assertion")).map((e) => [e.outcome, e.detail])).toMatchObject([
        ["failure", { reason: "challenge_mismatch" }],
      ]);
    });
  });

  describe("お知らせ「パスキー登録のお願い」", () => {
    const titles = async (customerId: string) =>
      (await readAs(await core.call(`/v1/customers/${customerId}/notices`), noticeListSchema)).notices;

    it("is shown without a usable passkey, with the steps and the enforcement date in JST; gone with one", async () => {
      const c = await newCustomer(core);
      const notice = (await titles(c.id)).find((n) => n.title === "パスキー登録のお願い");
      expect(notice?.kind).toBe("important");
      expect(notice?.body).toContain("1. ログイン後、口座管理の「パスキー設定」を開く");
      expect(notice?.body).toContain("3. 執行パスワードとメールで届く認証コードを入力");
      expect(notice?.body).toContain(
        "2027/04/01 00:00（日本時間）以降、出金・出金先口座の変更のお手続きにはパスキーが必要になります。",
      );
      const { view } = await givePasskey(core, c.id);
      expect((await titles(c.id)).map((n) => n.title)).not.toContain("パスキー登録のお願い");
      await suspend(core, view.id);
      expect((await titles(c.id)).map((n) => n.title)).toContain("パスキー登録のお願い");
    });
  });
});

describe("PASSKEY_LOGIN_REQUIRED=false", () => {
  let core: Core;
  beforeAll(async () => {
    const policy: Partial<PasskeyPolicy> = { loginRequired: false };
    core = await createTestCore({ passkeyPolicy: policy });
  });
  afterAll(() => core.close());

  it("the password still logs in a customer with a passkey", async () => {
    const c = await newCustomer(core);
    await givePasskey(core, c.id);
    const res = await passwordLogin(core, c.customerCode);
    expect(res.status).toBe(200);
    expect(await loginAudits(core, c.id)).toEqual([["success", { method: "password" }]]);
  });
});
