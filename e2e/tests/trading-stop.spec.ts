import type { Page } from "@playwright/test";
import { expect, mailbox, test } from "../fixtures/test.ts";

const menu = (page: Page) => page.getByRole("navigation", { name: "メニュー" });

async function startWithdrawal(page: Page, amount: string) {
  await menu(page).getByRole("link", { name: "出金", exact: true }).click();
  await expect(page.getByRole("heading", { name: "出金", exact: true })).toBeVisible();
  await page.getByLabel("出金金額", { exact: true }).fill(amount);
  await page.getByRole("button", { name: "出金確認" }).click();
}

test.describe("取引停止 (R33)", () => {
  test("the customer stops from the menu, a withdrawal is refused with the number to call, the operator lifts it, and it works again", async ({
    page,
    createCustomer,
    loginAs,
    ops,
  }) => {
    const address = `stop-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const customer = await createCustomer({ executionPassword: "Rk7m2x", emails: [address] });
    await loginAs(customer);

    await menu(page).getByRole("link", { name: "取引停止" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "取引停止" })).toBeVisible();
    await page.getByRole("button", { name: "取引を停止する" }).click();
    await expect(page.getByRole("heading", { name: "取引停止の確認" })).toBeVisible();
    await page.getByRole("button", { name: "停止する" }).click();
    await expect(page.getByRole("heading", { name: "取引を停止しました" })).toBeVisible();

    const stopped = await mailbox.waitFor(address, "【kakunin証券】取引停止のお知らせ");
    expect(stopped.text).toMatch(/■ 日時\n\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \(日本時間\)/);
    expect(stopped.text).toContain("お客様サポートセンター（電話 0120-000-000、受付時間 平日 8:30〜17:00）");

    // 会員トップ says so, with the number.
    await menu(page).getByRole("link", { name: "会員トップ" }).click();
    await expect(page.getByText("取引停止中")).toBeVisible();
    await expect(page.getByRole("main")).toContainText("0120-000-000");

    // A withdrawal is refused before any password is asked.
    await startWithdrawal(page, "10000");
    await expect(page.getByRole("alert")).toContainText("お客様のお申し出により取引を停止しているため");
    await expect(page.getByRole("alert")).toContainText("0120-000-000");
    await expect(page.getByLabel("執行パスワード", { exact: true })).toHaveCount(0);

    // The operator lifts it after 本人確認.
    expect(await ops("trading-resume", customer.customerCode, "--note", "本人確認済み")).toContain(
      customer.customerCode,
    );
    const resumed = await mailbox.waitFor(address, "【kakunin証券】取引停止解除のお知らせ");
    expect(resumed.text).toMatch(/■ 日時\n\d{4}\/\d{2}\/\d{2}/);
    expect(resumed.text).not.toContain("本人確認済み");

    await page.reload();
    await expect(page.getByText("取引停止中")).toHaveCount(0);
    await startWithdrawal(page, "10000");
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "出金する" }).click();
    await expect(page.getByText("出金のお申込みを受け付けました")).toBeVisible();
  });
});
