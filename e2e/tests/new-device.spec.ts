import type { Page } from "@playwright/test";
import { expect, fillLogin, mailbox, type TestCustomer, test } from "../fixtures/test.ts";

const menu = (page: Page) => page.getByRole("navigation", { name: "メニュー" });
const unique = () => crypto.randomUUID().slice(0, 8);

/** A customer who has never logged in from any device: this test's browser is new to them. */
async function newDeviceCustomer(createCustomer: (input: object) => Promise<TestCustomer>) {
  const address = `device-${unique()}@example.test`;
  const customer = await createCustomer({ executionPassword: "Rk7m2x", emails: [address], knownDevices: [] });
  return { customer, address };
}

/** Password, then the 認証コード mailed for the new device, to 会員トップ. */
async function loginFromNewDevice(page: Page, customer: TestCustomer, address: string) {
  await page.goto("/login");
  await fillLogin(page, customer.customerCode, customer.loginPassword);
  await expect(
    page.getByText("新しい端末からのログインです。登録メールアドレス宛に送信した認証コードを入力してください。"),
  ).toBeVisible();
  await expect(page.getByText(/送信先: d\*{3}@example\.test/)).toBeVisible();
  const mail = await mailbox.waitFor(address, "新しい端末からのログイン用認証コード");
  const code = /認証コード: (\d{6})/.exec(mail.text)?.[1] ?? "";
  expect(code).toMatch(/^\d{6}$/);
  await page.getByLabel("認証コード").fill(code);
  await page.getByRole("button", { name: "認証してログイン" }).click();
  await expect(page.getByRole("heading", { name: "会員トップ" })).toBeVisible();
}

test.describe("新しい端末からのログイン (issue 15)", () => {
  test("an unknown device needs the mailed code; the login is mailed, marked in ログイン履歴, and destination changes wait", async ({
    page,
    createCustomer,
  }) => {
    const { customer, address } = await newDeviceCustomer(createCustomer);
    await loginFromNewDevice(page, customer, address);

    const notice = await mailbox.waitFor(address, "【kakunin証券】新しい端末からのログインのお知らせ");
    expect(notice.text).toContain("■ 変更内容\n新しい端末からのログイン");
    expect(notice.text).toContain("まで出金先口座の変更はお受けできません");

    await menu(page).getByRole("link", { name: "ログイン履歴" }).click();
    await expect(page.getByRole("table").getByText("新しい端末")).toHaveCount(1);

    await menu(page).getByRole("link", { name: "出金先口座変更" }).click();
    await page.getByLabel("金融機関名").fill("みずほ銀行");
    await page.getByLabel("支店名").fill("新宿支店");
    await page.getByRole("group", { name: "預金種目" }).getByRole("radio", { name: "普通" }).check();
    await page.getByLabel("口座番号").fill("7654321");
    await page.getByLabel("口座名義（カナ）").fill("シケン タロウ");
    await page.getByRole("button", { name: "変更確認" }).click();
    await expect(page.getByRole("alert")).toContainText(
      /新しい端末からのログインの直後のため、安全のため\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}（日本時間）まで出金先口座の変更はお受けできません。/,
    );
    await expect(page.getByRole("button", { name: "申請する" })).toHaveCount(0);
  });

  test("during the cooling period a withdrawal asks for the 認証コード although the customer turned it off", async ({
    page,
    createCustomer,
  }) => {
    const { customer, address } = await newDeviceCustomer(createCustomer);
    await loginFromNewDevice(page, customer, address);

    await menu(page).getByRole("link", { name: "出金", exact: true }).click();
    await page.getByLabel("出金金額", { exact: true }).fill("10000");
    await page.getByRole("button", { name: "出金確認" }).click();
    await expect(page.getByLabel("認証コード")).toBeVisible();
    const mail = await mailbox.waitFor(address, "出金認証コードのお知らせ");
    const code = /認証コード: (\d{6})/.exec(mail.text)?.[1] ?? "";
    await page.getByLabel("認証コード").fill(code);
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "出金する" }).click();
    await expect(page.getByText("出金のお申込みを受け付けました")).toBeVisible();
  });
});
