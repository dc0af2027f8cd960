import { verifyLoginResponseSchema } from "@kakunin/contracts/core-api";
import { credentialStatusSchema } from "@kakunin/contracts/credentials";
import { noticeListSchema } from "@kakunin/contracts/customers";
import { exampleStockOrder } from "@kakunin/contracts/examples";
import { localeBodySchema } from "@kakunin/contracts/locale";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers } from "../../db/schema.ts";
import { startCoolingPeriod } from "../../domain/cooling-period.ts";
import { createTaro, taro } from "../../test/customers.ts";
import { createTestCore, knownDeviceLogin, readAs, readError, testBackends, testClient } from "../../test/test-app.ts";

type Core = Awaited<ReturnType<typeof createTestCore>>;

const NOW = new Date("2026-11-25T07:04:05Z"); // 2026/11/25 16:04:05 JST
const english = { "accept-language": "en" };

describe.each(testBackends)("the customer's language (R36) on $name", ({ open }) => {
  let core: Core;
  beforeAll(async () => {
    core = await createTestCore({ database: await open() });
  });
  afterAll(() => core?.close());

  const putLocale = (customerId: string, json: unknown, headers: Record<string, string> = {}) =>
    core.call(`/v1/customers/${customerId}/locale`, { method: "PUT", json, headers });
  const login = async (customerCode: string, headers: Record<string, string> = {}) =>
    knownDeviceLogin(
      { db: core.db, call: (path, init) => core.call(path, { ...init, headers }) },
      { customerCode, password: taro.loginPassword, client: testClient },
    );

  it("PUT /v1/customers/{id}/locale stores the language; the login answer carries it", async () => {
    const c = await createTaro(core);
    const first = await login(c.customerCode);
    expect(await readAs(first, verifyLoginResponseSchema)).toMatchObject({ locale: "ja" });

    const res = await putLocale(c.id, { locale: "en" });
    expect(res.status).toBe(200);
    expect(await readAs(res, localeBodySchema)).toEqual({ locale: "en" });
    const [row] = await core.db.select({ locale: customers.locale }).from(customers).where(eq(customers.id, c.id));
    expect(row?.locale).toBe("en");
    expect(await readAs(await login(c.customerCode), verifyLoginResponseSchema)).toMatchObject({
      customer: { id: c.id, customerCode: c.customerCode },
      locale: "en",
    });

    expect((await putLocale(c.id, { locale: "ja" })).status).toBe(200);
    expect(await readAs(await login(c.customerCode), verifyLoginResponseSchema)).toMatchObject({ locale: "ja" });
  });

  it("a customer with no language keeps the one of their first login; a later login in another does not change it", async () => {
    const c = await createTaro(core);
    const stored = async () =>
      (await core.db.select({ locale: customers.locale }).from(customers).where(eq(customers.id, c.id)))[0]?.locale;
    expect(await stored()).toBeNull();
    // A wrong password fixes nothing.
    const wrong = await core.call("/v1/login-verifications", {
      method: "POST",
      headers: english,
      json: { customerCode: c.customerCode, password: "Wrong9pass", client: testClient, deviceHash: "a".repeat(64) },
    });
    expect(wrong.status).toBe(422);
    expect(await stored()).toBeNull();

    expect(await readAs(await login(c.customerCode, english), verifyLoginResponseSchema)).toMatchObject({
      locale: "en",
    });
    expect(await stored()).toBe("en");
    expect(
      await readAs(await login(c.customerCode, { "accept-language": "ja" }), verifyLoginResponseSchema),
    ).toMatchObject({ locale: "en" });
    expect(await stored()).toBe("en");
  });

  it("refuses a language it does not speak or another field with field errors, worded by Accept-Language", async () => {
    const c = await createTaro(core);
    const ja = await putLocale(c.id, { locale: "fr" });
    expect(ja.status).toBe(400);
    expect(await readError(ja)).toMatchObject({
      code: "validation_failed",
      fields: [{ path: "locale", message: "言語の指定が正しくありません。" }],
    });
    const en = await putLocale(c.id, { locale: "fr" }, english);
    expect(await readError(en)).toMatchObject({
      code: "validation_failed",
      fields: [{ path: "locale", message: "Please choose a supported language (ja or en)." }],
    });
    const extra = await putLocale(c.id, { locale: "en", theme: "dark" }, english);
    expect(extra.status).toBe(400);
    expect((await readError(extra)).fields).toEqual([{ path: "", message: "Unknown fields: theme" }]);
    const [row] = await core.db.select({ locale: customers.locale }).from(customers).where(eq(customers.id, c.id));
    expect(row?.locale).toBeNull();
  });

  it("answers 404 not_found for an unknown customer and 400 for a malformed id", async () => {
    const unknown = await putLocale(crypto.randomUUID(), { locale: "en" });
    expect(unknown.status).toBe(404);
    expect((await readError(unknown)).code).toBe("not_found");
    expect((await putLocale("not-a-uuid", { locale: "en" })).status).toBe(400);
  });

  it("words its refusals in the Accept-Language the BFF forwards; Japanese without it", async () => {
    await createTaro(core, { name: "言語 太郎" });
    const wrong = (headers: Record<string, string>) =>
      core.call("/v1/login-verifications", {
        method: "POST",
        headers,
        json: { customerCode: "9999999", password: "Wrong9pass", client: testClient, deviceHash: "a".repeat(64) },
      });
    expect((await readError(await wrong(english))).message).toBe("The customer code or login password is incorrect.");
    expect((await readError(await wrong({ "accept-language": "fr" }))).message).toBe(
      "お客様コードまたはログインパスワードが正しくありません。",
    );
  });

  it("names the support number (取引停止) and the end of the cooling period in English", async () => {
    const stopped = await createTaro(core);
    await core.call(`/v1/customers/${stopped.id}/trading-stop`, { method: "POST", json: { client: testClient } });
    const refusal = await core.call(`/v1/customers/${stopped.id}/step-up-requirements?operation=withdrawal`, {
      headers: english,
    });
    expect(refusal.status).toBe(403);
    expect(await readError(refusal)).toMatchObject({
      code: "account_stopped",
      message:
        "This procedure is not available because trading has been stopped (取引停止) at your request. To lift the stop, please call the Customer Support Center (0120-000-000). We will lift it after verifying your identity.",
    });

    const cooling = await createTaro(core);
    core.services.clock.set(cooling.id, NOW);
    await core.db.transaction((tx) => startCoolingPeriod(tx, core.services, cooling.id, NOW));
    const requirements = (headers: Record<string, string>) =>
      core.call(`/v1/customers/${cooling.id}/step-up-requirements?operation=change_bank_account`, { headers });
    expect(await readError(await requirements(english))).toMatchObject({
      code: "new_device_cooling",
      message:
        "As you have just logged in from a new device, for your security we cannot accept changes to your withdrawal bank account until 2026/11/26 16:04:05 JST.",
    });
    expect((await readError(await requirements({}))).message).toBe(
      "新しい端末からのログインの直後のため、安全のため2026/11/26 16:04:05（日本時間）まで出金先口座の変更はお受けできません。",
    );
  });

  it("names the support number and its hours in English for a locked account (the lock and the credential status)", async () => {
    const c = await createTaro(core);
    await core.db.update(customers).set({ lockedAt: NOW }).where(eq(customers.id, c.id));
    const verify = (headers: Record<string, string>) =>
      core.call(`/v1/customers/${c.id}/execution-password/verifications`, {
        method: "POST",
        headers,
        json: { password: "Rk7m2x", purpose: "view-profile", client: testClient },
      });
    const en = await verify(english);
    expect(en.status).toBe(423);
    expect((await readError(en)).message).toBe(
      "Your account has been locked because an incorrect execution password (執行パスワード) was entered the maximum number of times (9). To have it unlocked, please call the Customer Support Center (お客様サポートセンター) on 0120-000-000 (hours: weekdays 8:30–17:00 JST). We will unlock it once we have verified your identity.",
    );
    expect((await readError(await verify({}))).message).toBe(
      "執行パスワードの入力誤りが上限（9回）に達したため、アカウントをロックしました。ロックの解除をご希望の場合は、お客様サポートセンター（電話 0120-000-000、受付時間 平日 8:30〜17:00）までお電話でご連絡ください。本人確認のうえ解除いたします。",
    );
    const status = async (headers: Record<string, string>) =>
      readAs(await core.call(`/v1/customers/${c.id}/credentials`, { headers }), credentialStatusSchema);
    expect((await status(english)).supportContact).toEqual({ phone: "0120-000-000", hours: "weekdays 8:30–17:00 JST" });
    expect((await status({})).supportContact).toEqual({ phone: "0120-000-000", hours: "平日 8:30〜17:00" });
  });

  it("words an order's field errors in English, with the numbers in them", async () => {
    const c = await createTaro(core);
    const check = (request: Record<string, unknown>, headers: Record<string, string>) =>
      core.call(`/v1/customers/${c.id}/order-checks`, {
        method: "POST",
        headers,
        json: { request, client: testClient },
      });
    const oversell = { ...exampleStockOrder, side: "sell" };
    expect(await readError(await check(oversell, english))).toMatchObject({
      code: "order_rejected",
      message: "We could not accept your order. Please check what you entered.",
      fields: [{ path: "quantity", reason: "holdings", message: "This exceeds the quantity you can sell (0 shares)." }],
    });
    expect((await readError(await check({ ...exampleStockOrder, quantity: 150 }, english))).fields).toContainEqual({
      path: "quantity",
      reason: "lot",
      message: "Please enter the quantity in units of 100 shares.",
    });
    expect((await readError(await check({ ...exampleStockOrder, quantity: 150 }, {}))).fields).toContainEqual({
      path: "quantity",
      reason: "lot",
      message: "数量は100株単位で入力してください。",
    });
  });

  it("words the customer's own notices in English; the company's stay as written", async () => {
    const c = await createTaro(core, { executionPassword: undefined });
    const { notices } = await readAs(
      await core.call(`/v1/customers/${c.id}/notices`, { headers: english }),
      noticeListSchema,
    );
    expect(notices.map((n) => n.title).slice(0, 3)).toEqual([
      "Your initial execution password (初期執行パスワード)",
      "Please register a passkey",
      "（重要）弊社取引システムのセキュリティ強化及び執行パスワード導入のご案内",
    ]);
    expect(notices[0]?.body).toContain(`“${c.executionPassword}”`);
    expect(notices[1]?.body).toContain(
      "From 2027/04/01 00:00 JST, withdrawals and changing your withdrawal bank account will require a passkey.",
    );
  });
});
