import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { addKnownDevice, expect, test } from "../fixtures/test.ts";

const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function openSessions(page: Page) {
  await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "ログイン中の端末" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ログイン中の端末" })).toBeVisible();
}

test.describe("ログイン中の端末 (R32)", () => {
  test("two browsers of one customer: the first lists both, ends the other, which is sent to ログイン", async ({
    page,
    browser,
    customer,
    loginAs,
  }) => {
    // Several browsers each logging in through the page: ~21 s here, over 30 s when CI's
    // other worker is busy, with every step well within its own timeout.
    test.setTimeout(60_000);
    // The other browser logs in first, so it is the older session.
    const other = await browser.newContext();
    await addKnownDevice(other);
    const otherPage = await other.newPage();
    await otherPage.goto("/login");
    await otherPage.getByLabel("お客様コード").fill(customer.customerCode);
    await otherPage.getByLabel("ログインパスワード").fill(customer.loginPassword);
    await otherPage.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(otherPage.getByRole("heading", { name: "会員トップ" })).toBeVisible();
    // Waits on a screen that polls nothing (会員トップ refreshes お預り資産 every few seconds, which
    // would find the ended session before the navigation below does).
    await otherPage.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "ログイン履歴" }).click();
    await expect(otherPage.getByRole("heading", { level: 1, name: "ログイン履歴" })).toBeVisible();

    await loginAs(customer);
    await openSessions(page);
    const table = page.getByRole("table", { name: /ログイン中の端末/ });
    const rows = table.getByRole("row");
    await expect(rows).toHaveCount(3); // the header and two sessions
    // Parsed by the BFF: the browser's name and OS, not the raw User-Agent.
    await expect(rows.nth(1)).toContainText("この端末");
    await expect(rows.nth(1)).toContainText(/Chrom\w* \d+（\w+/);
    await expect(table).not.toContainText("Mozilla/5.0");
    await expect(rows.nth(2)).not.toContainText("この端末");

    await rows
      .nth(2)
      .getByRole("button", { name: /をログアウト$/ })
      .click();
    const dialog = page.getByRole("dialog", { name: "この端末をログアウトしますか" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel(/パスワード/)).toHaveCount(0);
    expect((await new AxeBuilder({ page }).withTags(wcag).analyze()).violations).toEqual([]);
    await dialog.getByRole("button", { name: "ログアウトする" }).click();
    await expect(page.getByText(/をログアウトしました。$/)).toBeVisible();
    await expect(rows).toHaveCount(2);
    await expect(page.getByText("この端末のほかにログインしている端末はありません。")).toBeVisible();

    // The ended browser is sent to ログイン on its next navigation; this one stays logged in.
    await otherPage
      .getByRole("navigation", { name: "メニュー" })
      .getByRole("link", { name: "ログイン中の端末" })
      .click();
    await expect(otherPage.getByRole("heading", { name: "ログイン", exact: true })).toBeVisible();
    // Told why: not a timeout but another browser (issue 15, session_revoked).
    await expect(
      otherPage.getByText("別の端末からの操作でログアウトされました。再度ログインしてください。"),
    ).toBeVisible();
    await other.close();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "ログイン中の端末" })).toBeVisible();
  });

  test("他の端末をすべてログアウト ends every other browser after one question", async ({
    page,
    browser,
    customer,
    loginAs,
  }) => {
    // Several browsers each logging in through the page: ~21 s here, over 30 s when CI's
    // other worker is busy, with every step well within its own timeout.
    test.setTimeout(60_000);
    const others = await Promise.all([browser.newContext(), browser.newContext()]);
    for (const context of others) await addKnownDevice(context);
    const otherPages = [];
    for (const context of others) {
      const otherPage = await context.newPage();
      await otherPage.goto("/login");
      await otherPage.getByLabel("お客様コード").fill(customer.customerCode);
      await otherPage.getByLabel("ログインパスワード").fill(customer.loginPassword);
      await otherPage.getByRole("button", { name: "ログイン", exact: true }).click();
      await expect(otherPage.getByRole("heading", { name: "会員トップ" })).toBeVisible();
      otherPages.push(otherPage);
    }
    await loginAs(customer);
    await openSessions(page);
    await expect(page.getByRole("table", { name: /ログイン中の端末/ }).getByRole("row")).toHaveCount(4);
    await page.getByRole("button", { name: "他の端末をすべてログアウト" }).click();
    await page
      .getByRole("dialog", { name: "他の端末をすべてログアウトしますか" })
      .getByRole("button", { name: "すべてログアウトする" })
      .click();
    await expect(page.getByText("他の端末（2台）をすべてログアウトしました。")).toBeVisible();
    for (const otherPage of otherPages) {
      await otherPage.reload();
      await expect(otherPage.getByRole("heading", { name: "ログイン", exact: true })).toBeVisible();
    }
    await Promise.all(others.map((context) => context.close()));
  });
});
