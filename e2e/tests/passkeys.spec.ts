import type { Page } from "@playwright/test";
import { addPlatformAuthenticator } from "../fixtures/authenticator.ts";
import { expect, fillLogin, mailbox, type TestCustomer, test } from "../fixtures/test.ts";

const menu = (page: Page) => page.getByRole("navigation", { name: "メニュー" });
const unique = () => crypto.randomUUID().slice(0, 8);
/** The enforcement date the e2e core runs with (playwright.config.ts), and an instant after it. */
const AFTER_ENFORCEMENT = "2030-04-02T10:00:00+09:00";

/** The 認証コード of the newest code mail to `address` whose subject contains `subject`. */
async function codeFrom(address: string, subject: string) {
  const mail = await mailbox.waitFor(address, subject);
  const code = /認証コード: (\d{6})/.exec(mail.text)?.[1];
  expect(code).toMatch(/^\d{6}$/);
  return code ?? "";
}

async function openPasskeySettings(page: Page) {
  await menu(page).getByRole("link", { name: "パスキー設定" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "パスキー設定" })).toBeVisible();
}

/** 登録する → パスキー名 → confirmation with 執行パスワード and the mailed 認証コード (always) → the device creates it. */
async function registerPasskey(page: Page, address: string, name: string) {
  await openPasskeySettings(page);
  await page.getByRole("button", { name: "登録する" }).click();
  await page.getByLabel("パスキー名").fill(name);
  await page.getByRole("button", { name: "確認画面へ" }).click();
  const code = await codeFrom(address, "パスキーの登録");
  await page.getByLabel("認証コード").fill(code);
  await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByText("パスキーを登録しました。")).toBeVisible();
  await mailbox.waitFor(address, "パスキーを登録しました");
}

async function logout(page: Page) {
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page.getByRole("heading", { name: "ログイン", exact: true })).toBeVisible();
}

async function customerWithMail(createCustomer: (i: object) => Promise<TestCustomer>) {
  const address = `passkey-${unique()}@example.test`;
  const customer = await createCustomer({
    executionPassword: "Rk7m2x",
    emails: [address],
    // The customer asked for the withdrawal code: a passkey replaces it all the same.
    mailSettings: [{ type: "withdrawal_auth_code", enabled: true, destination: 1 }],
  });
  return { customer, address };
}

test.describe("パスキー (R31)", () => {
  test("registered through パスキー設定 with the mailed code, it logs the customer in without a password; password login is then refused", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    const authenticator = await addPlatformAuthenticator(page);
    const { customer, address } = await customerWithMail(createCustomer);
    await loginAs(customer);
    await openPasskeySettings(page);
    await expect(page.getByText("パスキーは登録されていません。")).toBeVisible();

    await registerPasskey(page, address, "仕事用PC");
    await expect(page.getByRole("row", { name: /仕事用PC/ })).toContainText("この端末のみ");
    expect(await authenticator.credentials()).toHaveLength(1);
    expect((await authenticator.credentials())[0]?.isResidentCredential).toBe(true);

    await logout(page);
    await page.getByRole("button", { name: "パスキーでログイン" }).click();
    await expect(page.getByRole("heading", { name: "会員トップ" })).toBeVisible();
    await openPasskeySettings(page);
    await expect(page.getByRole("row", { name: /仕事用PC/ })).not.toContainText("未使用");

    // Default policy: with a passkey, the password alone no longer logs in (even when right).
    await logout(page);
    await fillLogin(page, customer.customerCode, customer.loginPassword);
    await expect(page.getByRole("alert")).toContainText("パスキーでログイン");
    await expect(page.getByRole("heading", { name: "ログイン", exact: true })).toBeVisible();
  });

  test("a withdrawal is confirmed with 執行パスワード + passkey, and no code is mailed", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    await addPlatformAuthenticator(page);
    const { customer, address } = await customerWithMail(createCustomer);
    await loginAs(customer);
    await registerPasskey(page, address, "スマートフォン");

    await menu(page).getByRole("link", { name: "出金", exact: true }).click();
    await page.getByLabel("出金金額", { exact: true }).fill("12000");
    await page.getByRole("button", { name: "出金確認" }).click();
    await expect(page.getByRole("button", { name: "パスキーで確認" })).toBeVisible();
    await expect(page.getByLabel("認証コード")).toHaveCount(0);
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "パスキーで確認" }).click();
    await expect(page.getByText("パスキーで確認しました。")).toBeVisible();
    await page.getByRole("button", { name: "出金する" }).click();
    await expect(page.getByText("出金のお申込みを受け付けました")).toBeVisible();
    await mailbox.waitFor(address, "出金申込受付のお知らせ");
    expect((await mailbox.list(address)).filter((m) => m.subject.includes("出金認証コード"))).toEqual([]);
  });

  test("deleting the passkey is confirmed and mailed; the password logs in again", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    await addPlatformAuthenticator(page);
    const { customer, address } = await customerWithMail(createCustomer);
    await loginAs(customer);
    await registerPasskey(page, address, "古い端末");

    await page
      .getByRole("row", { name: /古い端末/ })
      .getByRole("button", { name: "削除" })
      .click();
    const code = await codeFrom(address, "パスキーの削除");
    await page.getByLabel("認証コード").fill(code);
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    // The customer has a passkey: deleting one needs it too (a phisher with password and code cannot).
    await page.getByRole("button", { name: "パスキーで確認" }).click();
    await expect(page.getByText("パスキーで確認しました。")).toBeVisible();
    await page.getByRole("button", { name: "削除する" }).click();
    await expect(page.getByText("パスキーを削除しました。")).toBeVisible();
    const mail = await mailbox.waitFor(address, "パスキーを削除しました");
    expect(mail.text).toContain("古い端末");
    await openPasskeySettings(page);
    await expect(page.getByText("パスキーは登録されていません。")).toBeVisible();

    await logout(page);
    await loginAs(customer);
  });

  test("a customer who lost the device is recovered by the operator after 本人確認, mailed, and registers anew", async ({
    page,
    createCustomer,
    loginAs,
    ops,
  }) => {
    const lost = await addPlatformAuthenticator(page);
    const { customer, address } = await customerWithMail(createCustomer);
    await loginAs(customer);
    await registerPasskey(page, address, "なくした端末");
    await logout(page);
    await lost.remove();

    await fillLogin(page, customer.customerCode, customer.loginPassword);
    await expect(page.getByRole("alert")).toContainText("パスキーでログイン");

    expect(await ops("passkeys-remove", customer.customerCode, "--note", "電話で本人確認済み")).toContain(
      customer.customerCode,
    );
    await mailbox.waitFor(address, "パスキーをすべて削除しました");

    await loginAs(customer);
    await addPlatformAuthenticator(page);
    await registerPasskey(page, address, "新しい端末");
    await expect(page.getByRole("row")).toHaveCount(2);
  });

  test("from the enforcement date, a customer without a passkey is told to register one before withdrawing", async ({
    page,
    createCustomer,
    loginAs,
    setClock,
  }) => {
    const { customer } = await customerWithMail(createCustomer);
    await loginAs(customer);
    await expect(page.getByRole("region", { name: "お知らせ" })).toContainText("パスキー");
    await setClock(customer, AFTER_ENFORCEMENT);

    await menu(page).getByRole("link", { name: "出金", exact: true }).click();
    await page.getByLabel("出金金額", { exact: true }).fill("12000");
    await page.getByRole("button", { name: "出金確認" }).click();
    await expect(page.getByRole("alert")).toContainText("パスキーの登録が必要です");
    await page.getByRole("link", { name: "パスキー設定へ" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "パスキー設定" })).toBeVisible();
  });
});
