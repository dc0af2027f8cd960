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

test.describe("アクセシビリティ: confirmation screens (phone width)", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test("the step-up confirmation, registered information and ログイン履歴 have no axe violations", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    const customer = await createCustomer({
      executionPassword: "Rk7m2x",
      mailSettings: [{ type: "view_auth_code", enabled: true, destination: 1 }],
    });
    await loginAs(customer);
    await page.goto("/account/profile");
    await expect(page.getByLabel("認証コード")).toBeVisible();
    expect((await new AxeBuilder({ page }).withTags(wcag).analyze()).violations).toEqual([]);

    await page.goto("/account/login-history");
    await expect(page.getByRole("table")).toBeVisible();
    expect((await new AxeBuilder({ page }).withTags(wcag).analyze()).violations).toEqual([]);

    await page.goto("/account/execution-password");
    await expect(page.getByLabel("現在の執行パスワード")).toBeVisible();
    expect((await new AxeBuilder({ page }).withTags(wcag).analyze()).violations).toEqual([]);
  });
});
