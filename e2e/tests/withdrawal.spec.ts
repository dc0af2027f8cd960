import type { CreateTestCustomerRequest } from "@kakunin/contracts/test-support";
import type { Page } from "@playwright/test";
import { expect, mailbox, test } from "../fixtures/test.ts";

const menu = (page: Page) => page.getByRole("navigation", { name: "メニュー" });
const unique = () => crypto.randomUUID().slice(0, 8);

async function startWithdrawal(page: Page, amount: string) {
  await menu(page).getByRole("link", { name: "出金", exact: true }).click();
  await expect(page.getByRole("heading", { name: "出金", exact: true })).toBeVisible();
  await page.getByLabel("出金金額", { exact: true }).fill(amount);
  await page.getByRole("button", { name: "出金確認" }).click();
}

/** A customer (execution password Rk7m2x) whose 出金認証コード通知メール goes to `address`, the test's own. */
const codeOnFor = (address: string) =>
  ({
    executionPassword: "Rk7m2x",
    emails: [address],
    mailSettings: [{ type: "withdrawal_auth_code", enabled: true, destination: 1 }],
  }) satisfies CreateTestCustomerRequest;

async function codeFrom(address: string) {
  const mail = await mailbox.waitFor(address, "出金認証コードのお知らせ");
  const code = /認証コード: (\d{6})/.exec(mail.text)?.[1];
  expect(code).toMatch(/^\d{6}$/);
  return { code: code ?? "", mail };
}

test.describe("出金 (R12–R16)", () => {
  test("the withdrawal code is turned on through the notice's settings steps, then required and mailed", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    const s = unique();
    const main = `main-${s}@example.test`;
    const codes = `codes-${s}@example.test`;
    const customer = await createCustomer({ executionPassword: "Rk7m2x", emails: [main, codes] });
    await loginAs(customer);

    // ① 口座管理 ② メールサービス配信設定 (behind the execution password)
    await menu(page).getByRole("link", { name: "メールサービス配信設定" }).click();
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "表示する" }).click();
    // ③ 出金認証コード通知メール ④ 変更する ⑤ 配信中 ⑥ 配信先 ⑦ 変更確認 ⑧ 執行パスワード ⑨ 変更する
    await page.getByRole("radio", { name: "出金認証コード通知メール" }).check();
    await page.getByRole("button", { name: "変更する" }).click();
    await page.getByRole("group", { name: "配信設定" }).getByRole("radio", { name: "配信中" }).check();
    await page.getByRole("group", { name: "配信先" }).getByRole("radio", { name: codes }).check();
    await page.getByRole("button", { name: "変更確認" }).click();
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "変更する" }).click();
    await expect(page.getByText("出金認証コード通知メール設定完了")).toBeVisible();
    await expect(page.getByText("次回より、出金申込時に認証コードが必要になります")).toBeVisible();

    await startWithdrawal(page, "10000");
    await expect(page.getByText("に認証コードを送信しました")).toBeVisible();
    const { code, mail } = await codeFrom(codes);
    // The mail says what the code is for: the amount and the masked destination.
    expect(mail.text).toContain("10,000円");
    expect(mail.text).toMatch(/\*{4}\d{3}/);
    expect(await mailbox.list(main)).toEqual([]);

    await page.getByLabel("認証コード").fill(code);
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "出金する" }).click();
    await expect(page.getByText("出金のお申込みを受け付けました")).toBeVisible();

    await menu(page).getByRole("link", { name: "出金申込履歴" }).click();
    await expect(page.getByRole("table")).toContainText("10,000");
  });

  test("with the code off, the execution password alone confirms; 出金可能額 goes down", async ({
    page,
    loggedIn: _customer,
  }) => {
    await startWithdrawal(page, "250000");
    await expect(page.getByLabel("認証コード")).toHaveCount(0);
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "出金する" }).click();
    await expect(page.getByText("出金のお申込みを受け付けました")).toBeVisible();
    await menu(page).getByRole("link", { name: "出金", exact: true }).click();
    await expect(page.getByRole("main")).toContainText("750,000円");
  });

  test("back from 出金確認 and in again within the minute: the code already mailed still confirms; another amount says when a code can be sent (issue 17 B1)", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    const address = `again-${unique()}@example.test`;
    await loginAs(await createCustomer(codeOnFor(address)));
    await startWithdrawal(page, "20000");
    const { code } = await codeFrom(address);
    await page.getByRole("button", { name: "戻る" }).click();

    // Another amount: no code may be mailed yet, and the screen says until when, amount in view.
    await startWithdrawal(page, "30000");
    const main = page.getByRole("main");
    await expect(main.getByRole("alert")).toContainText("認証コードを送信できませんでした。");
    await expect(main.getByRole("alert")).toContainText(/新しい認証コードは\d{2}:\d{2}:\d{2}以降に送信できます。/);
    await expect(main).toContainText("30,000円");
    await expect(page.getByLabel("認証コード")).toHaveCount(0);
    await page.getByRole("button", { name: "戻る" }).click();

    // The first amount again: the code in the mailbox is the one to enter, and it works.
    await startWithdrawal(page, "20000");
    await expect(page.getByLabel("認証コード")).toHaveAccessibleDescription(
      /へお送りした認証コードを入力してください。/,
    );
    await page.getByLabel("認証コード").fill(code);
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "出金する" }).click();
    await expect(page.getByText("出金のお申込みを受け付けました")).toBeVisible();
    expect((await mailbox.list(address)).filter((m) => m.subject.includes("出金認証コードのお知らせ"))).toHaveLength(1);
  });

  test("a locked customer is told on arrival, gets no form and no code until the operator unlocks", async ({
    page,
    createCustomer,
    loginAs,
    ops,
  }) => {
    const address = `locked-${unique()}@example.test`;
    const customer = await createCustomer({ ...codeOnFor(address), locked: true });
    await loginAs(customer);
    await menu(page).getByRole("link", { name: "出金", exact: true }).click();
    const main = page.getByRole("main");
    await expect(main.getByRole("alert")).toContainText("アカウントロック中");
    await expect(main.getByRole("alert")).toContainText("お客様サポートセンター");
    // Issue 17 B6: nothing to fill in that could not be confirmed.
    await expect(main).toContainText("出金可能額");
    await expect(page.getByLabel("出金金額", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "出金確認" })).toHaveCount(0);

    expect(await ops("unlock", customer.customerCode, "--note", "本人確認済み")).toContain("unlocked");
    await startWithdrawal(page, "10000");
    await expect(page.getByLabel("認証コード")).toBeVisible();
    await codeFrom(address);
    // The only code mail is the one sent after the unlock: none went out while locked.
    const codeMails = (await mailbox.list(address)).filter((m) => m.subject.includes("出金認証コードのお知らせ"));
    expect(codeMails).toHaveLength(1);
  });

  test("a wrong code is refused with the tries left; an expired one asks for a new code", async ({
    page,
    createCustomer,
    loginAs,
    setClock,
  }) => {
    const address = `code-${unique()}@example.test`;
    const customer = await createCustomer(codeOnFor(address));
    await loginAs(customer);
    await startWithdrawal(page, "10000");
    const { code } = await codeFrom(address);
    const wrong = code === "000000" ? "111111" : "000000";
    await page.getByLabel("認証コード").fill(wrong);
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "出金する" }).click();
    await expect(page.getByRole("alert")).toContainText("認証コードが正しくありません。あと4回入力できます。");

    // Eleven minutes later (core's clock for this customer) the code has expired.
    await setClock(customer, new Date(Date.now() + 11 * 60_000).toISOString());
    await page.getByLabel("認証コード").fill(code);
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "出金する" }).click();
    await expect(page.getByRole("alert")).toContainText("有効期限が切れた");
    await expect(page.getByRole("button", { name: "再送信" })).toBeVisible();
  });

  test("an amount over 出金可能額 is refused on the field and nothing is sent", async ({
    page,
    loggedIn: _customer,
  }) => {
    await startWithdrawal(page, "1000001");
    await expect(page.getByText("出金可能額を超えています。")).toBeVisible();
    await expect(page.getByLabel("執行パスワード", { exact: true })).toHaveCount(0);
  });

  test("a destination change is applied by the operator and always mailed", async ({
    page,
    createCustomer,
    loginAs,
    ops,
  }) => {
    const address = `bank-${unique()}@example.test`;
    const customer = await createCustomer({ executionPassword: "Rk7m2x", emails: [address] });
    await loginAs(customer);
    await menu(page).getByRole("link", { name: "出金先口座変更" }).click();
    await page.getByLabel("金融機関名").fill("みずほ銀行");
    await page.getByLabel("支店名").fill("新宿支店");
    await page.getByRole("group", { name: "預金種目" }).getByRole("radio", { name: "普通" }).check();
    await page.getByLabel("口座番号").fill("7654321");
    await page.getByLabel("口座名義（カナ）").fill("シケン タロウ");
    await page.getByRole("button", { name: "変更確認" }).click();
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "申請する" }).click();
    await expect(page.getByText("出金先口座の変更を受け付けました")).toBeVisible();
    await expect(page.getByRole("main")).toContainText("申請中");

    expect(await ops("bank-change-approve", customer.customerCode, "--note", "書類確認済み")).toContain(
      customer.customerCode,
    );
    const mail = await mailbox.waitFor(address, "出金先口座変更のお知らせ");
    expect(mail.text).toContain("みずほ銀行");
    expect(mail.text).toContain("****321");
    expect(mail.text).not.toContain("7654321");

    await menu(page).getByRole("link", { name: "出金", exact: true }).click();
    await expect(page.getByRole("main")).toContainText("みずほ銀行");
  });
});
