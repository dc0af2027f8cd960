import { expect, sameOriginHeaders, test } from "../fixtures/test.ts";

test.describe("セッション", () => {
  test("the session cookie is __Host-, Secure, HttpOnly and SameSite=Strict", async ({
    page,
    context,
    customer,
    loginAs,
  }) => {
    await loginAs(customer);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "__Host-kakunin-session");
    expect(session).toMatchObject({ path: "/", secure: true, httpOnly: true, sameSite: "Strict", domain: "localhost" });
    // ログイン offers passkeys in autofill: that ceremony's challenge is kept under a cookie of the same kind.
    const passkeyLogin = cookies.find((c) => c.name === "__Host-kakunin-passkey-login");
    expect(passkeyLogin).toMatchObject({ path: "/", secure: true, httpOnly: true, sameSite: "Strict" });
    // Every cookie the app sets is a __Host- one: bound to this origin, never readable by script.
    expect(cookies.every((c) => c.name.startsWith("__Host-") && c.httpOnly)).toBe(true);
    // Script in the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain("kakunin-session");
  });

  test("a state-changing call without X-CSRF is refused and changes nothing", async ({ page, customer, loginAs }) => {
    await loginAs(customer);
    const status = await page.evaluate(async () => {
      const res = await fetch("/api/session", { method: "DELETE" });
      return { status: res.status, body: await res.json() };
    });
    expect(status).toMatchObject({ status: 403, body: { error: { code: "csrf_failed" } } });
    await page.reload();
    await expect(page.getByRole("heading", { name: "会員トップ" })).toBeVisible();
  });

  test("an expired session sends the SPA back to ログイン with a message", async ({ page, customer, loginAs }) => {
    // 会員トップ's reads must have answered before the session is aged: one still in flight would
    // come back 401 and take the SPA to ログイン on its own, before the click below.
    const reads = ["credentials", "trading-stop", "balances", "withdrawals/overview", "previous-login", "notices"].map(
      (path) => page.waitForResponse((r) => new URL(r.url()).pathname === `/api/me/${path}`),
    );
    await loginAs(customer);
    await Promise.all(reads);
    // Age this session past the idle timeout through the BFF's test-only hook (no sleeping).
    const res = await page.request.post("/api/test/session/expire", { headers: sameOriginHeaders });
    expect(res.status()).toBe(204);

    await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "ログイン履歴" }).click();
    await expect(page.getByRole("heading", { name: "ログイン", exact: true })).toBeVisible();
    await expect(
      page.getByText("一定時間操作がなかったため、ログアウトしました。再度ログインしてください。"),
    ).toBeVisible();
  });

  test("core unavailable: the SPA says so in Japanese and offers a retry", async ({ page, customer, loginAs }) => {
    await loginAs(customer);
    let down = true;
    await page.route("**/api/me/login-history", async (route) => {
      if (!down) return route.continue();
      await route.fulfill({
        status: 503,
        json: {
          error: {
            code: "upstream_unavailable",
            message: "ただいまサービスに接続できません。しばらくしてから再度お試しください。",
            retryable: true,
          },
        },
      });
    });
    await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "ログイン履歴" }).click();
    await expect(
      page.getByText("ただいまサービスに接続できません。しばらくしてから再度お試しください。"),
    ).toBeVisible();
    down = false;
    await page.getByRole("button", { name: "再試行" }).click();
    await expect(page.getByRole("table")).toContainText("成功");
  });
});
