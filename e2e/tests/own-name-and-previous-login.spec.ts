import type { Page } from "@playwright/test";
import { expect, fillLogin, test } from "../fixtures/test.ts";

const menu = (page: Page) => page.getByRole("navigation", { name: "メニュー" });

test.describe("本人名義の出金先口座 (R39)", () => {
  test("a third party's 口座名義 is refused on the field before the confirmation; the own name in bank form is accepted", async ({
    page,
    loggedIn: _customer,
  }) => {
    await menu(page).getByRole("link", { name: "出金先口座変更" }).click();
    await page.getByLabel("金融機関名").fill("みずほ銀行");
    await page.getByLabel("支店名").fill("新宿支店");
    await page.getByLabel("口座番号").fill("7654321");
    const holder = page.getByLabel("口座名義（カナ）");
    await holder.fill("スズキ イチロウ");
    await page.getByRole("button", { name: "変更確認" }).click();
    // Test customers are registered as シケン タロウ.
    await expect(page.getByText("出金先口座はご本人名義の口座のみ登録できます。")).toBeVisible();
    await expect(page.getByText("ご登録のお名前（シケン タロウ）と一致しません。", { exact: false })).toBeVisible();
    await expect(holder).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("執行パスワード", { exact: true })).toHaveCount(0);

    // Half-width as on a passbook, without the space: the same name.
    await holder.fill("ｼｹﾝﾀﾛｳ");
    await page.getByRole("button", { name: "変更確認" }).click();
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "申請する" }).click();
    await expect(page.getByText("出金先口座の変更を受け付けました")).toBeVisible();
  });
});

test.describe("前回ログイン (R42)", () => {
  test("the first login says there is none; the next shows the previous login's time, browser and IP", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    const customer = await createCustomer();
    await loginAs(customer);
    await expect(page.getByText("前回ログイン: なし（今回が初めてのログインです）")).toBeVisible();

    await page.getByRole("button", { name: "ログアウト" }).click();
    await expect(page.getByRole("heading", { name: "ログイン", exact: true })).toBeVisible();
    await fillLogin(page, customer.customerCode, customer.loginPassword);
    await expect(page.getByRole("heading", { name: "会員トップ" })).toBeVisible();
    const line = page.getByText(/^前回ログイン: \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}（日本時間）/);
    await expect(line).toBeVisible();
    await expect(line).toContainText("Chrome");
    await expect(line).toContainText("IPアドレス: ");
    await expect(page.getByText("今回が初めてのログインです")).toHaveCount(0);
  });
});
