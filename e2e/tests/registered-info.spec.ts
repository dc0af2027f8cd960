import type { Page } from "@playwright/test";
import { expect, mailbox, sameOriginHeaders, test } from "../fixtures/test.ts";

const menu = (page: Page) => page.getByRole("navigation", { name: "メニュー" });

async function confirmWithPassword(page: Page, password: string) {
  await page.getByLabel("執行パスワード", { exact: true }).fill(password);
  await page.getByRole("button", { name: "表示する" }).click();
}

test.describe("登録情報の照会 (R20, R21)", () => {
  test("each of the four screens is behind the execution password; one step-up opens them for a while", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    const customer = await createCustomer({ name: "照会 太郎", executionPassword: "Rk7m2x" });
    await loginAs(customer);

    await menu(page).getByRole("link", { name: "口座情報照会／変更" }).click();
    await expect(page.getByRole("heading", { name: "口座情報照会／変更" })).toBeVisible();
    // Nothing registered is shown before the step-up.
    await expect(page.getByText("東京都")).toHaveCount(0);
    await confirmWithPassword(page, "Rk7m2x");
    await expect(page.getByRole("main")).toContainText("照会 太郎");
    await expect(page.getByRole("main")).toContainText("生年月日");

    await menu(page).getByRole("link", { name: "口座開設状況照会" }).click();
    await expect(page.getByRole("table")).toContainText("総合口座");
    await menu(page).getByRole("link", { name: "メールアドレス登録" }).click();
    await expect(page.getByRole("main")).toContainText("@example.test");
    await menu(page).getByRole("link", { name: "メールサービス配信設定" }).click();
    const settings = page.getByRole("table");
    await expect(settings).toContainText("出金認証コード通知メール");
    await expect(settings).toContainText("配信不要");
  });

  test("a wrong execution password shows the remaining tries", async ({ page, loggedIn: _customer }) => {
    await menu(page).getByRole("link", { name: "口座開設状況照会" }).click();
    await confirmWithPassword(page, "Wrong1x");
    await expect(page.getByRole("alert")).toContainText("あと8回間違えると");
    await expect(page.getByRole("table")).toHaveCount(0);
  });

  test("with 照会用認証コード on, the code mailed to the chosen address is asked for too", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    const suffix = crypto.randomUUID().slice(0, 8);
    const customer = await createCustomer({
      executionPassword: "Rk7m2x",
      emails: [`main-${suffix}@example.test`, `codes-${suffix}@example.test`],
      mailSettings: [{ type: "view_auth_code", enabled: true, destination: 2 }],
    });
    await loginAs(customer);
    await menu(page).getByRole("link", { name: "口座情報照会／変更" }).click();
    await expect(page.getByText("に認証コードを送信しました")).toBeVisible();
    const codeField = page.getByLabel("認証コード");
    await expect(codeField).toHaveAttribute("autocomplete", "one-time-code");
    await expect(codeField).toHaveAttribute("inputmode", "numeric");

    const mail = await mailbox.waitFor(`codes-${suffix}@example.test`, "照会用認証コードのお知らせ");
    expect(mail.text).toContain("登録情報の照会");
    const code = /認証コード: (\d{6})/.exec(mail.text)?.[1] ?? "";
    expect(code).toMatch(/^\d{6}$/);

    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await codeField.fill(code);
    await page.getByRole("button", { name: "表示する" }).click();
    await expect(page.getByRole("main")).toContainText("生年月日");
  });

  test("the viewing window ends: the next screen asks again", async ({ page, loggedIn: _customer }) => {
    await menu(page).getByRole("link", { name: "口座開設状況照会" }).click();
    await confirmWithPassword(page, "Rk7m2x");
    await expect(page.getByRole("table")).toContainText("総合口座");

    // The BFF's test hook ends this session's window, as 5 minutes passing would.
    expect((await page.request.post("/api/test/step-up/expire", { headers: sameOriginHeaders })).status()).toBe(204);
    await menu(page).getByRole("link", { name: "メールアドレス登録" }).click();
    await expect(page.getByLabel("執行パスワード", { exact: true })).toBeVisible();
  });

  test("before enforcement no execution password is asked", async ({ page, customer, loginAs, setClock }) => {
    await setClock(customer, "2022-09-01T10:00:00+09:00");
    await loginAs(customer);
    await menu(page).getByRole("link", { name: "口座開設状況照会" }).click();
    await expect(page.getByRole("table")).toContainText("総合口座");
    await expect(page.getByLabel("執行パスワード", { exact: true })).toHaveCount(0);
  });
});

test.describe("登録情報の変更 (R22)", () => {
  test("changing the address needs its own confirmation and mails 口座情報変更完了通知", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    const address = `info-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const customer = await createCustomer({
      executionPassword: "Rk7m2x",
      emails: [address],
      mailSettings: [{ type: "account_info_changed", enabled: true, destination: 1 }],
    });
    await loginAs(customer);
    await menu(page).getByRole("link", { name: "口座情報照会／変更" }).click();
    await confirmWithPassword(page, "Rk7m2x");

    await page.getByRole("button", { name: "変更する" }).click();
    await page.getByLabel("住所").fill("東京都新宿区西新宿2-8-1");
    await page.getByRole("button", { name: "変更確認" }).click();
    await expect(page.getByRole("main")).toContainText("東京都新宿区西新宿2-8-1");
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "変更する" }).click();
    await expect(page.getByText("口座情報の変更が完了しました")).toBeVisible();

    const mail = await mailbox.waitFor(address, "口座情報変更完了のお知らせ");
    expect(mail.text).toContain("住所");
  });

  test("changing an e-mail address notifies the old and the new address", async ({ page, createCustomer, loginAs }) => {
    const suffix = crypto.randomUUID().slice(0, 8);
    const oldAddress = `old-${suffix}@example.test`;
    const newAddress = `new-${suffix}@example.test`;
    const customer = await createCustomer({ executionPassword: "Rk7m2x", emails: [oldAddress] });
    await loginAs(customer);
    await menu(page).getByRole("link", { name: "メールアドレス登録" }).click();
    await confirmWithPassword(page, "Rk7m2x");

    await page.getByRole("button", { name: "メールアドレス1を変更する" }).click();
    await page.getByLabel("新しいメールアドレス").fill(newAddress);
    await page.getByRole("button", { name: "変更確認" }).click();
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "変更する" }).click();
    await expect(page.getByText("メールアドレスの変更が完了しました")).toBeVisible();

    for (const to of [oldAddress, newAddress]) {
      const mail = await mailbox.waitFor(to, "メールアドレス変更のお知らせ");
      expect(mail.text).toContain("変更前: o***@example.test");
    }
  });
});
