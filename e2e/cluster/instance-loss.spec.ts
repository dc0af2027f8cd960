import type { Page } from "@playwright/test";
import { cluster } from "../fixtures/cluster.ts";
import { expect, mailbox, test } from "../fixtures/test.ts";

/**
 * Issue 18 §3: an instance of either tier is lost mid-flow. Runs only in cluster mode
 * (playwright.cluster.config.ts's `instance-loss` project, after the rest of the suite, one test
 * at a time: no other test may have a request in flight on the instance taken away).
 */
const menu = (page: Page) => page.getByRole("navigation", { name: "メニュー" });
const unique = () => crypto.randomUUID().slice(0, 8);

test.describe("インスタンス障害 (issue 18)", () => {
  test("a BFF instance stops between 出金確認 and 出金する: the other takes the same session and confirmation; one withdrawal, one mail", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    const address = `bff-loss-${unique()}@example.test`;
    const customer = await createCustomer({
      executionPassword: "Rk7m2x",
      emails: [address],
      mailSettings: [{ type: "withdrawal_completed", enabled: true, destination: 1 }],
    });
    await loginAs(customer);

    await menu(page).getByRole("link", { name: "出金", exact: true }).click();
    await page.getByLabel("出金金額", { exact: true }).fill("123000");
    const challenge = page.waitForResponse((r) => r.url().endsWith("/api/step-up/challenges"));
    await page.getByRole("button", { name: "出金確認" }).click();
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    // The instance that opened this confirmation is the one lost.
    const lost = cluster.bffOf(await challenge);
    await cluster.stop(lost);
    try {
      const submitted = page.waitForResponse((r) => r.url().endsWith("/api/me/withdrawals"));
      await page.getByRole("button", { name: "出金する" }).click();
      await expect(page.getByText("出金のお申込みを受け付けました")).toBeVisible();
      expect(cluster.bffOf(await submitted)).not.toBe(lost);

      await menu(page).getByRole("link", { name: "出金申込履歴" }).click();
      await expect(page.getByRole("row").filter({ hasText: "123,000" })).toHaveCount(1);
    } finally {
      await cluster.start(lost);
    }

    // A second withdrawal, after the first, with both instances back: its mail is queued after
    // the first one's, so once it is here a doubled first mail would be here too.
    await menu(page).getByRole("link", { name: "出金", exact: true }).click();
    await page.getByLabel("出金金額", { exact: true }).fill("45000");
    await page.getByRole("button", { name: "出金確認" }).click();
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "出金する" }).click();
    await expect(page.getByText("出金のお申込みを受け付けました")).toBeVisible();
    await expect
      .poll(async () => (await mailbox.list(address)).map((m) => m.text.match(/出金金額: ([\d,]+円)/)?.[1]).sort())
      .toEqual(["123,000円", "45,000円"]);
  });

  test("a core instance stops while orders are placed: each order goes through once, each fill is mailed once", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    const address = `core-loss-${unique()}@example.test`;
    const customer = await createCustomer({
      executionPassword: "Rk7m2x",
      emails: [address],
      mailSettings: [{ type: "trade_execution", enabled: true, destination: 1 }],
    });
    await loginAs(customer);

    const orderNumbers: string[] = [];
    /** A market buy of 100 三菱UFJ (¥780: five fit a test customer's cash); `beforeSubmit` runs on 注文確認. */
    async function placeOrder(beforeSubmit?: () => Promise<void>) {
      await menu(page).getByRole("link", { name: "株式注文" }).click();
      await page.getByLabel("銘柄コード").fill("8306");
      await page.getByRole("group", { name: "売買" }).getByRole("radio", { name: "買" }).check();
      await page.getByRole("group", { name: "取引区分" }).getByRole("radio", { name: "現物" }).check();
      await page.getByLabel("数量", { exact: true }).fill("100");
      await page.getByRole("group", { name: "執行条件" }).getByRole("radio", { name: "成行" }).check();
      await page.getByRole("button", { name: "注文確認" }).click();
      await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
      await beforeSubmit?.();
      await page.getByRole("button", { name: "注文する" }).click();
      await expect(page.getByText("ご注文を受け付けました")).toBeVisible();
      const orderNumber = /O\d{8}/.exec((await page.getByRole("main").textContent()) ?? "")?.[0];
      expect(orderNumber).toMatch(/^O\d{8}$/);
      orderNumbers.push(orderNumber ?? "");
    }

    await placeOrder();
    // Lost with the confirmation open; the next orders run while it is gone, so nginx meets the
    // dead instance again once its fail_timeout is over, and moves each request on unsent.
    await placeOrder(() => cluster.stop("core-1"));
    try {
      await placeOrder();
      await placeOrder();
    } finally {
      await cluster.start("core-1");
    }
    await placeOrder();

    expect(new Set(orderNumbers).size).toBe(5);
    await menu(page).getByRole("link", { name: "注文照会" }).click();
    for (const orderNumber of orderNumbers) {
      await expect(page.getByRole("row", { name: new RegExp(orderNumber) })).toHaveCount(1);
    }
    await expect(page.getByRole("row").filter({ hasText: /O\d{8}/ })).toHaveCount(5);
    await expect
      .poll(async () => (await mailbox.list(address)).map((m) => m.text.match(/注文番号: (O\d{8})/)?.[1]).sort())
      .toEqual([...orderNumbers].sort());
  });
});
