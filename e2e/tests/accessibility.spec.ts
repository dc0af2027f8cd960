import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../fixtures/test.ts";

const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

test.describe("アクセシビリティ (WCAG 2.2 AA)", () => {
  test("ログイン has no axe violations", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "ログイン", exact: true })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
    expect(results.violations).toEqual([]);
  });

  test("会員トップ has no axe violations", async ({ page, customer, loginAs }) => {
    await loginAs(customer);
    await expect(page.getByRole("region", { name: "お知らせ" })).toContainText("執行パスワード");
    const results = await new AxeBuilder({ page }).withTags(wcag).analyze();
    expect(results.violations).toEqual([]);
  });
});
