import { exampleMarketStockOrder } from "@kakunin/contracts/examples";
import { instrumentListSchema } from "@kakunin/contracts/trading";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, mailbox, sameOriginHeaders, test } from "../fixtures/test.ts";

const menu = (page: Page) => page.getByRole("navigation", { name: "メニュー" });

async function instrument(request: APIRequestContext, code: string) {
  const res = await request.get("/api/market/instruments");
  expect(res.status()).toBe(200);
  const found = instrumentListSchema.parse(await res.json()).instruments.find((i) => i.code === code);
  if (!found) throw new Error(`no instrument ${code}`);
  return found;
}

interface StockOrderInput {
  code: string;
  side: "買" | "売";
  quantity: string;
  limitPrice?: string;
  tradeType?: "現物" | "信用新規" | "信用返済";
}

async function fillStockOrder(page: Page, order: StockOrderInput) {
  await enterStockOrder(page, order);
  await expect(page.getByText("注文内容の確認")).toBeVisible();
}

/** Fills 株式注文 and presses 注文確認, whatever comes next. */
async function enterStockOrder(page: Page, order: StockOrderInput) {
  await menu(page).getByRole("link", { name: "株式注文" }).click();
  await page.getByLabel("銘柄コード").fill(order.code);
  await page.getByRole("group", { name: "売買" }).getByRole("radio", { name: order.side }).check();
  await page
    .getByRole("group", { name: "取引区分" })
    .getByRole("radio", { name: order.tradeType ?? "現物" })
    .check();
  await page.getByLabel("数量", { exact: true }).fill(order.quantity);
  const condition = order.limitPrice ? "指値" : "成行";
  await page.getByRole("group", { name: "執行条件" }).getByRole("radio", { name: condition }).check();
  if (order.limitPrice) await page.getByLabel("価格", { exact: true }).fill(order.limitPrice);
  await page.getByRole("button", { name: "注文確認" }).click();
}

test.describe("株式・投資信託の注文 (R6, R17–R19)", () => {
  test("a market buy is confirmed with the execution password, fills, and the execution mail arrives", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    const address = `trade-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const customer = await createCustomer({
      executionPassword: "Rk7m2x",
      emails: [address],
      mailSettings: [{ type: "trade_execution", enabled: true, destination: 1 }],
    });
    await loginAs(customer);
    // A market buy reserves the daily upper limit × quantity: 7203 fits the ¥1,000,000 of a test customer.
    await fillStockOrder(page, { code: "7203", side: "買", quantity: "100" });

    // A wrong password shows the remaining tries, then the right one places the order.
    await page.getByLabel("執行パスワード", { exact: true }).fill("Wrong1x");
    await page.getByRole("button", { name: "注文する" }).click();
    await expect(page.getByRole("alert")).toContainText("あと8回間違えると");
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "注文する" }).click();
    await expect(page.getByText("ご注文を受け付けました")).toBeVisible();

    const mail = await mailbox.waitFor(address, "約定のお知らせ");
    expect(mail.text).toContain("7203");
    expect(mail.text).toContain("100株");

    await menu(page).getByRole("link", { name: "残高照会" }).click();
    await expect(page.getByRole("main")).toContainText("トヨタ自動車");
  });

  test("信用新規 opens a position that 信用返済 closes, for a customer whose 信用取引口座 is open", async ({
    page,
    createCustomer,
    loginAs,
  }) => {
    const customer = await createCustomer({ executionPassword: "Rk7m2x", marginAccount: true });
    await loginAs(customer);
    await fillStockOrder(page, { code: "7203", side: "買", quantity: "100", tradeType: "信用新規" });
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "注文する" }).click();
    await expect(page.getByText("ご注文を受け付けました")).toBeVisible();
    await menu(page).getByRole("link", { name: "残高照会" }).click();
    const margin = page.getByRole("region", { name: "信用建玉" });
    await expect(margin).toContainText("トヨタ自動車");

    await fillStockOrder(page, { code: "7203", side: "売", quantity: "100", tradeType: "信用返済" });
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "注文する" }).click();
    await expect(page.getByText("ご注文を受け付けました")).toBeVisible();
    await menu(page).getByRole("link", { name: "残高照会" }).click();
    await expect(page.getByText("信用建玉はありません。")).toBeVisible();
  });

  test("without an opened 信用取引口座, 信用新規 cannot be chosen and the screen says why", async ({
    page,
    customer,
    loginAs,
  }) => {
    await loginAs(customer);
    await menu(page).getByRole("link", { name: "株式注文" }).click();
    const tradeType = page.getByRole("group", { name: "取引区分" });
    await expect(tradeType.getByRole("radio", { name: "信用新規" })).toBeDisabled();
    await expect(tradeType.getByRole("radio", { name: "現物" })).toBeEnabled();
    await expect(tradeType).toContainText(
      "信用取引口座が開設されていないため、信用取引の新規建てはご利用いただけません。",
    );
  });

  test("core checks an order before the confirmation: a price outside the 値幅制限 and a sale beyond holdings are refused on their fields, no password asked (issue 17 B2)", async ({
    page,
    loggedIn: _customer,
  }) => {
    const mufg = await instrument(page.request, "8306");
    const low = mufg.limitDown ?? 1;
    await enterStockOrder(page, { code: "8306", side: "買", quantity: "100", limitPrice: String(low - 1) });
    const price = page.getByLabel("価格", { exact: true });
    await expect(price).toHaveAttribute("aria-invalid", "true");
    await expect(price).toHaveAccessibleDescription(/値幅制限（.+円～.+円）の範囲外です。/);
    await expect(price).toBeFocused();
    await expect(page.getByLabel("執行パスワード", { exact: true })).toHaveCount(0);

    // The customer holds no 8306: selling is refused on 数量, still before any password.
    await page.getByRole("group", { name: "売買" }).getByRole("radio", { name: "売" }).check();
    await price.fill(String(low));
    await page.getByRole("button", { name: "注文確認" }).click();
    const quantity = page.getByLabel("数量", { exact: true });
    await expect(quantity).toHaveAccessibleDescription(/売却可能な数量（0株）を超えています。/);
    await expect(page.getByLabel("執行パスワード", { exact: true })).toHaveCount(0);

    // Corrected, the same form reaches the confirmation.
    await page.getByRole("group", { name: "売買" }).getByRole("radio", { name: "買" }).check();
    await page.getByRole("button", { name: "注文確認" }).click();
    await expect(page.getByText("注文内容の確認")).toBeVisible();
  });

  test("a limit order is modified (訂正) and then cancelled (取消), each with its own confirmation", async ({
    page,
    loggedIn: _customer,
  }) => {
    const mufg = await instrument(page.request, "8306");
    const low = mufg.limitDown ?? 1;
    await fillStockOrder(page, { code: "8306", side: "買", quantity: "100", limitPrice: String(low) });
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "注文する" }).click();
    await expect(page.getByText("ご注文を受け付けました")).toBeVisible();
    const orderNumber = /O\d{8}/.exec((await page.getByRole("main").textContent()) ?? "")?.[0] ?? "";
    expect(orderNumber).toMatch(/^O\d{8}$/);

    await menu(page).getByRole("link", { name: "注文照会" }).click();
    await expect(page.getByRole("row", { name: new RegExp(orderNumber) })).toContainText("注文中");
    await page.getByRole("button", { name: `注文${orderNumber}を訂正` }).click();
    // Core checks the 訂正 before 訂正確認 (issue 17 B2): below the 値幅制限, refused on 価格.
    const price = page.getByLabel("価格", { exact: true });
    await price.fill(String(low - 1));
    await page.getByRole("button", { name: "訂正確認" }).click();
    await expect(price).toHaveAccessibleDescription(/値幅制限（.+円～.+円）の範囲外です。/);
    await expect(page.getByLabel("執行パスワード", { exact: true })).toHaveCount(0);
    await price.fill(String(low + 1));
    await page.getByRole("button", { name: "訂正確認" }).click();
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "訂正する" }).click();
    await expect(page.getByText("ご注文を訂正しました")).toBeVisible();

    await menu(page).getByRole("link", { name: "注文照会" }).click();
    await page.getByRole("button", { name: `注文${orderNumber}を取消` }).click();
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "取消する" }).click();
    await expect(page.getByText("ご注文を取り消しました")).toBeVisible();
    await menu(page).getByRole("link", { name: "注文照会" }).click();
    await expect(page.getByRole("row", { name: new RegExp(orderNumber) })).toContainText("取消済");
  });

  test("a fund order executes at the operator's NAV run", async ({ page, createCustomer, loginAs, ops }) => {
    const customer = await createCustomer({ executionPassword: "Rk7m2x" });
    await loginAs(customer);
    await menu(page).getByRole("link", { name: "投資信託" }).click();
    await page.getByLabel("ファンド").selectOption({ index: 1 });
    await page.getByRole("group", { name: "売買" }).getByRole("radio", { name: "買付" }).check();
    await page.getByLabel("金額", { exact: true }).fill("10000");
    await page.getByRole("button", { name: "注文確認" }).click();
    await page.getByLabel("執行パスワード", { exact: true }).fill("Rk7m2x");
    await page.getByRole("button", { name: "注文する" }).click();
    await expect(page.getByText("約定は次回の基準価額で行われます。")).toBeVisible();

    await menu(page).getByRole("link", { name: "注文照会" }).click();
    await expect(page.getByRole("table")).toContainText("注文中");
    await ops("nav-run");
    await page.reload();
    await expect(page.getByRole("table")).toContainText("約定済");
  });

  test("an order changed after its confirmation needs a new confirmation", async ({ page, loggedIn: _customer }) => {
    const confirmed = exampleMarketStockOrder;
    const start = await page.request.post("/api/step-up/challenges", {
      headers: sameOriginHeaders,
      data: { operation: "place_order", payload: confirmed },
    });
    expect(start.status()).toBe(200);
    const verify = await page.request.post("/api/step-up/verifications", {
      headers: sameOriginHeaders,
      data: { executionPassword: "Rk7m2x" },
    });
    expect(verify.status()).toBe(204);
    const changed = await page.request.post("/api/me/orders", {
      headers: { ...sameOriginHeaders, "idempotency-key": crypto.randomUUID() },
      data: { ...confirmed, quantity: 200 },
    });
    expect(changed.status()).toBe(403);
    expect((await changed.json()).error.code).toBe("step_up_required");
    const orders = await page.request.get("/api/me/orders");
    expect((await orders.json()).orders).toEqual([]);
  });
});
