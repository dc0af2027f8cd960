import { expect, mailbox, test } from "../fixtures/test.ts";

test.describe("メール通知", () => {
  test("ログイン通知 arrives for a customer who turned it on, and not for one who did not", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    const suffix = crypto.randomUUID().slice(0, 8);
    const off = await createCustomer({ emails: [`off-${suffix}@example.test`] });
    const on = await createCustomer({
      emails: [`main-${suffix}@example.test`, `notify-${suffix}@example.test`],
      mailSettings: [{ type: "login_notification", enabled: true, destination: 2 }],
    });

    await loginAs(off);
    await page.getByRole("button", { name: "ログアウト" }).click();
    await loginAs(on);

    // 配信先 is the second address; the mail says when (JST), from where and which browser.
    const mail = await mailbox.waitFor(`notify-${suffix}@example.test`, "ログインのお知らせ");
    expect(mail.text).toContain(`${on.name} 様`);
    expect(mail.text).toMatch(/日時: \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \(日本時間\)/);
    expect(mail.text).toMatch(/IPアドレス: (127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)/);
    expect(mail.text).toContain("Chrome");
    expect(mail.text).not.toMatch(/https?:\/\//);
    // Mail is delivered in queue order: the later login's mail is here, so the earlier one would be too.
    expect(await mailbox.list(`off-${suffix}@example.test`)).toEqual([]);
    expect(await mailbox.list(`main-${suffix}@example.test`)).toEqual([]);
  });

  test("the lock mail arrives after the 9th wrong execution password", async ({ page, createCustomer, loginAs }) => {
    const address = `lock-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const customer = await createCustomer({ emails: [address], executionPassword: "Rk7m2x" });
    await loginAs(customer);
    await page.goto("/account/execution-password");
    for (let i = 0; i < 9; i++) {
      await page.getByLabel("現在の執行パスワード").fill("Wrong1x");
      await page.getByLabel("新執行パスワード", { exact: true }).fill("Mg7t3w");
      await page.getByLabel("新執行パスワード（確認）").fill("Mg7t3w");
      await page.getByRole("button", { name: "変更する" }).click();
      await expect(page.getByRole("alert")).toContainText(i < 8 ? `あと${8 - i}回` : "ロック");
    }
    const mail = await mailbox.waitFor(address, "アカウントロックのお知らせ");
    expect(mail.text).toContain("上限（9回）");
    expect(mail.text).toContain("お客様サポートセンター");
  });
});
