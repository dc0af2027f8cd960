import type { Page } from "@playwright/test";
import { expect, mailbox, test } from "../fixtures/test.ts";

const menu = (page: Page) => page.getByRole("navigation", { name: "メニュー" });

test.describe("信用取引口座開設 (R41)", () => {
  test("a customer applies from 口座開設状況照会, the operator opens the account, and 信用新規 can be chosen", async ({
    page,
    createCustomer,
    loginAs,
    ops,
  }) => {
    const address = `margin-${crypto.randomUUID().slice(0, 8)}@example.test`;
    // A fresh customer: the 信用取引口座 is 未開設.
    const customer = await createCustomer({ executionPassword: "Rk7m2x", emails: [address] });
    await loginAs(customer);

    await menu(page).getByRole("link", { name: "口座開設状況照会" }).click();
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "表示する" }).click();
    const margin = page.getByRole("row", { name: /信用取引口座/ });
    await expect(margin).toContainText("未開設");
    await margin.getByRole("link", { name: "申し込む" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "信用取引口座開設" })).toBeVisible();
    await page.getByRole("group", { name: "株式の投資経験" }).getByRole("radio", { name: "3〜5年" }).check();
    await page.getByRole("group", { name: "年収" }).getByRole("radio", { name: "500〜1,000万円" }).check();
    await page.getByRole("group", { name: "金融資産" }).getByRole("radio", { name: "1,000〜3,000万円" }).check();
    await page.getByRole("checkbox", { name: "信用取引口座設定約諾書の内容を確認し、同意します" }).check();
    await page.getByRole("button", { name: "申込内容の確認" }).click();

    await expect(page.getByRole("heading", { name: "申込内容の確認" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("1,000〜3,000万円");
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "申し込む" }).click();
    await expect(page.getByText("信用取引口座開設のお申し込みを受け付けました")).toBeVisible();
    const received = await mailbox.waitFor(address, "信用取引口座開設のお申し込みを受け付けました");
    expect(received.text).toContain("審査のうえ");

    await page.getByRole("link", { name: "口座開設状況照会へ" }).click();
    await expect(page.getByRole("row", { name: /信用取引口座/ })).toContainText("審査中");
    await expect(page.getByRole("row", { name: /信用取引口座/ }).getByRole("link")).toHaveCount(0);

    // Until the operator decides, 信用新規 stays unavailable.
    await menu(page).getByRole("link", { name: "株式注文" }).click();
    await expect(page.getByRole("group", { name: "取引区分" }).getByRole("radio", { name: "信用新規" })).toBeDisabled();

    expect(await ops("margin-approve", customer.customerCode, "--note", "審査完了")).toContain(customer.customerCode);
    const opened = await mailbox.waitFor(address, "信用取引口座開設のお知らせ");
    expect(opened.text).not.toContain("審査完了");

    await page.reload();
    await menu(page).getByRole("link", { name: "株式注文" }).click();
    await expect(page.getByRole("group", { name: "取引区分" }).getByRole("radio", { name: "信用新規" })).toBeEnabled();
    await menu(page).getByRole("link", { name: "口座開設状況照会" }).click();
    await expect(page.getByRole("row", { name: /信用取引口座/ })).toContainText("開設済");
  });
});
