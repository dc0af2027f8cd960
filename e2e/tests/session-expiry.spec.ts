import type { Page } from "@playwright/test";
import { addKnownDevice, expect, fillLogin, sameOriginHeaders, test } from "../fixtures/test.ts";

/** Idle timeout of the e2e BFF (SESSION_IDLE_TIMEOUT_SECONDS default). */
const IDLE_SECONDS = 30 * 60;

/** Makes this browser's session older through the BFF's test-only hook, instead of waiting. */
async function ageSession(page: Page, seconds: number) {
  const res = await page.request.post("/api/test/session/age", { headers: sameOriginHeaders, data: { seconds } });
  expect(res.status()).toBe(204);
}

async function openLoginHistory(page: Page) {
  await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "ログイン履歴" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ログイン履歴" })).toBeVisible();
}

test.describe("自動ログアウト (issue 15)", () => {
  test("two minutes before the idle timeout a warning offers 延長; 延長する keeps the customer in", async ({
    page,
    customer,
    loginAs,
  }) => {
    await loginAs(customer);
    await openLoginHistory(page);
    await ageSession(page, IDLE_SECONDS - 90);
    // A reloaded page reads the session again; its own reads (nobody has touched it yet) do not extend it.
    await page.reload();
    const dialog = page.getByRole("alertdialog", { name: "まもなく自動ログアウトします" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("timer")).toContainText(/残り 1分\d+秒/);
    await expect(dialog.getByRole("button", { name: "延長する" })).toBeFocused();

    await dialog.getByRole("button", { name: "延長する" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name: "ログイン履歴" })).toBeVisible();
    const session = await (await page.request.get("/api/session")).json();
    const left = Date.parse(session.idleExpiresAt) - Date.parse(session.serverTime);
    expect(left).toBeGreaterThan((IDLE_SECONDS - 60) * 1000);
  });

  test("after the timeout, logging in again returns to the screen the customer was on", async ({
    page,
    customer,
    loginAs,
  }) => {
    await loginAs(customer);
    await openLoginHistory(page);
    // Ten seconds left: time enough to see the warning on a busy machine, short enough to wait for.
    await ageSession(page, IDLE_SECONDS - 10);
    await page.reload();
    await expect(page.getByRole("alertdialog", { name: "まもなく自動ログアウトします" })).toBeVisible();
    // At the deadline the SPA asks the BFF, which has ended the session: on to ログイン, with the reason.
    await expect(page.getByRole("heading", { level: 1, name: "ログイン", exact: true })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page).toHaveURL(/\/login\?reason=session_expired&returnTo=%2Faccount%2Flogin-history$/);
    await expect(
      page.getByText("一定時間操作がなかったため、ログアウトしました。再度ログインしてください。"),
    ).toBeVisible();

    await fillLogin(page, customer.customerCode, customer.loginPassword);
    await expect(page.getByRole("heading", { level: 1, name: "ログイン履歴" })).toBeVisible();
    await expect(page).toHaveURL(/\/account\/login-history$/);
  });

  test("a session ended from another browser says so on ログイン", async ({ page, browser, customer, loginAs }) => {
    await loginAs(customer);
    await openLoginHistory(page);

    const other = await browser.newContext();

    await addKnownDevice(other);
    const otherPage = await other.newPage();
    await otherPage.goto("/login");
    await fillLogin(otherPage, customer.customerCode, customer.loginPassword);
    await expect(otherPage.getByRole("heading", { name: "会員トップ" })).toBeVisible();
    await otherPage
      .getByRole("navigation", { name: "メニュー" })
      .getByRole("link", { name: "ログイン中の端末" })
      .click();
    await otherPage.getByRole("button", { name: "他の端末をすべてログアウト" }).click();
    await otherPage
      .getByRole("dialog", { name: "他の端末をすべてログアウトしますか" })
      .getByRole("button", { name: "すべてログアウトする" })
      .click();
    await expect(otherPage.getByText("他の端末（1台）をすべてログアウトしました。")).toBeVisible();
    await other.close();

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "ログイン", exact: true })).toBeVisible();
    await expect(page).toHaveURL(/reason=session_revoked/);
    await expect(page.getByText("別の端末からの操作でログアウトされました。再度ログインしてください。")).toBeVisible();
  });
});
