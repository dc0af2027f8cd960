import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, fillLogin, mailbox, test } from "../fixtures/test.ts";

/**
 * R36: the English smoke. A browser that asks for English (Accept-Language: en-US) gets it on
 * its first visit; login, a withdrawal confirmed with the execution password and the mailed
 * authentication code, and that mail are English; the choice is the customer's from then on.
 */
test.use({ locale: "en-US" });

const unique = () => crypto.randomUUID().slice(0, 8);

async function logInInEnglish(page: Page, customerCode: string, password: string) {
  await page.getByLabel("Customer code").fill(customerCode);
  await page.getByLabel("Login password").fill(password);
  await page.getByRole("button", { name: "Log in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Member home" })).toBeVisible();
}

/** Presses 日本語 or English and waits until the BFF has kept the choice (a reload may follow). */
async function switchLanguage(page: Page, name: "日本語" | "English") {
  const saved = page.waitForResponse(
    (response) => response.url().endsWith("/api/locale") && response.request().method() === "PUT",
  );
  await page.getByRole("button", { name }).click();
  expect((await saved).status()).toBe(200);
}

test.describe("English (R36)", () => {
  test("a first visit follows Accept-Language: login, a withdrawal confirmation and its code mail in English", async ({
    page,
    createCustomer,
  }) => {
    const address = `en-${unique()}@example.test`;
    const customer = await createCustomer({
      executionPassword: "Rk7m2x",
      emails: [address],
      mailSettings: [{ type: "withdrawal_auth_code", enabled: true, destination: 1 }],
    });

    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Log in", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
    await logInInEnglish(page, customer.customerCode, customer.loginPassword);

    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Withdrawal", exact: true }).click();
    await page.getByRole("textbox", { name: "Withdrawal amount" }).fill("10000");
    await page.getByRole("button", { name: "Confirm withdrawal" }).click();

    // The English confirmation is as accessible as the Japanese one, its `lang` included.
    await expect(page.getByLabel("Authentication code")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    expect((await new AxeBuilder({ page }).withTags(wcag).analyze()).violations).toEqual([]);

    const mail = await mailbox.waitFor(address, "Your authentication code for a withdrawal");
    expect(mail.text).toContain("¥10,000");
    expect(mail.headers["content-language"]).toBe("en");
    const code = /Authentication code: (\d{6})/.exec(mail.text)?.[1] ?? "";
    expect(code).toMatch(/^\d{6}$/);

    await page.getByLabel("Authentication code").fill(code);
    await page.getByLabel("Execution password", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "Withdraw", exact: true }).click();
    await expect(page.getByText("We have received your withdrawal request")).toBeVisible();
  });

  test("the switch on ログイン changes the language, keeps it over a reload, and the first login makes it the customer's", async ({
    page,
    createCustomer,
  }) => {
    const customer = await createCustomer({ executionPassword: "Rk7m2x" });
    await page.setExtraHTTPHeaders({ "accept-language": "ja-JP,ja;q=0.9" });
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "ログイン", level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");

    await switchLanguage(page, "English");
    await expect(page.getByRole("heading", { name: "Log in", level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.reload();
    await expect(page.getByRole("heading", { name: "Log in", level: 1 })).toBeVisible();

    // The first login keeps the language it was made in as the customer's (core stores it).
    await logInInEnglish(page, customer.customerCode, customer.loginPassword);
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page.getByRole("heading", { name: "Log in", level: 1 })).toBeVisible();

    // A browser without the choice (its cookie gone) that asks for Japanese shows ログイン in
    // Japanese, and English again once this customer has logged in.
    await page.context().clearCookies({ name: "__Host-kakunin-lang" });
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "ログイン", level: 1 })).toBeVisible();
    await fillLogin(page, customer.customerCode, customer.loginPassword);
    await expect(page.getByRole("heading", { name: "Member home", level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    // Switching back is the customer's new choice, kept over a reload.
    await switchLanguage(page, "日本語");
    await expect(page.getByRole("heading", { name: "会員トップ", level: 1 })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "会員トップ", level: 1 })).toBeVisible();
  });
});
