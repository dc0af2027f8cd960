import { errorMessages } from "@kakunin/contracts/error-body";
import { exampleFundOrder, exampleMarketStockOrder, exampleStockOrder } from "@kakunin/contracts/examples";
import { marginAccountNotOpenMessage } from "@kakunin/contracts/trading";
import { contractsTranslator } from "@kakunin/contracts/translator";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  demoBalances,
  demoInstruments,
  filledOrder,
  fundOrder,
  noMarginAccountBalances,
  openOrder,
} from "../testing/fixtures.ts";
import {
  authenticatedSession,
  credentialStatus,
  errorJson,
  json,
  mockApi,
  stepUpChallenge,
  verified,
} from "../testing/mock-api.ts";
import { field } from "../testing/queries.ts";
import { renderApp } from "../testing/render-app.tsx";

/** What the BFF sends for an order on a 信用 account the customer has not opened: the message, worded. */
const marginAccountNotOpen = contractsTranslator.ref("ja", marginAccountNotOpenMessage);

const instruments = demoInstruments;
const balances = demoBalances;
const baseOrder = openOrder;

type Routes = Parameters<typeof mockApi>[0];

function common(operation: string, routes: Routes): Routes {
  return {
    "GET /api/session": json(authenticatedSession),
    "GET /api/me/credentials": json(credentialStatus()),
    "GET /api/market/instruments": json(instruments),
    "GET /api/me/balances": json(balances),
    "POST /api/me/order-checks": json({ ok: true }),
    "POST /api/me/orders/O00000001/modification-checks": json({ ok: true }),
    "POST /api/step-up/challenges": stepUpChallenge(["execution_password"], { operation }),
    "POST /api/step-up/verifications": verified(),
    ...routes,
  };
}

function radio(group: string, name: string): HTMLInputElement {
  return within(screen.getByRole("group", { name: group })).getByRole("radio", { name }) as HTMLInputElement;
}

/** The texts the group's aria-describedby points at (its hint, its error). */
function describedText(element: HTMLElement): string {
  const ids = element.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

const marginHint = "信用取引口座が開設されていないため、信用取引の新規建てはご利用いただけません。";

async function submitButton(name: string) {
  const button = await screen.findByRole("button", { name });
  await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
  return button;
}

async function openStock(routes: Routes = {}) {
  const api = mockApi(common("place_order", routes));
  const app = renderApp("/trade/stock");
  await screen.findByRole("heading", { level: 1, name: "株式注文" });
  // The form, or (execution password locked) the lock in its place.
  await screen.findByText(/注文内容を入力し|アカウントロック中/);
  return { ...api, ...app };
}

describe("取引 menu", () => {
  it("puts 取引 after 会員トップ", async () => {
    await openStock();
    const menu = screen.getByRole("navigation", { name: "メニュー" });
    const links = within(menu)
      .getAllByRole("link")
      .map((link) => [link.textContent, link.getAttribute("href")]);
    expect(links.slice(0, 6)).toEqual([
      ["会員トップ", "/"],
      ["株式注文", "/trade/stock"],
      ["投資信託", "/trade/fund"],
      ["注文照会", "/trade/orders"],
      ["残高照会", "/trade/balances"],
      ["出金", "/withdrawal"],
    ]);
    expect(within(menu).getByRole("list", { name: "取引" })).toBeTruthy();
  });
});

describe("株式注文 (R17, R6)", () => {
  it("orders with the 執行パスワード: exact payload, one POST with an Idempotency-Key across a double click", async () => {
    const { user, requests } = await openStock({
      "POST /api/me/orders": json({ ...baseOrder, executionMailTo: "t***@example.jp" }),
    });
    expect(await within(screen.getByRole("main")).findByText("2,500,000円")).toBeTruthy();
    await user.type(field("銘柄コード"), "7203");
    expect(await screen.findByText("トヨタ自動車（7203）")).toBeTruthy();
    expect(screen.getByText("+20円（+0.81%）")).toBeTruthy();
    expect(screen.getByText("1,980円〜2,980円")).toBeTruthy();
    await user.click(radio("売買", "買"));
    await user.click(radio("取引区分", "現物"));
    expect(field("数量").getAttribute("inputmode")).toBe("numeric");
    await user.type(field("数量"), "100");
    await user.click(radio("執行条件", "指値"));
    await user.type(field("価格"), "2400");
    await user.click(screen.getByRole("button", { name: "注文確認" }));

    expect(await screen.findByRole("heading", { level: 2, name: "注文内容の確認" })).toBeTruthy();
    const summary = screen.getByRole("main").querySelector("dl") as HTMLElement;
    expect(summary.textContent).toContain("銘柄トヨタ自動車（7203）");
    expect(summary.textContent).toContain("売買買");
    expect(summary.textContent).toContain("取引区分現物");
    expect(summary.textContent).toContain("数量100株");
    expect(summary.textContent).toContain("執行条件指値");
    expect(summary.textContent).toContain("価格2,400円");
    expect(summary.textContent).toContain("概算金額240,000円");
    const payload = { ...exampleStockOrder, limitPrice: 2400 };
    // Issue 17 B2: core checked exactly this order before the confirmation opened.
    const posts = requests.filter((request) => request.method === "POST").map((request) => request.path);
    expect(posts).toEqual(["/api/me/order-checks", "/api/step-up/challenges"]);
    expect(requests.find((request) => request.path === "/api/me/order-checks")?.body).toEqual(payload);
    const challenge = requests.find((request) => request.path === "/api/step-up/challenges");
    expect(challenge?.body).toEqual({ operation: "place_order", payload });

    const button = await submitButton("注文する");
    await user.type(field("執行パスワード"), "Rk7m2x");
    fireEvent.click(button);
    fireEvent.click(button);
    await user.click(button);
    expect(await screen.findByRole("heading", { level: 2, name: "ご注文を受け付けました" })).toBeTruthy();
    expect(screen.getByText("O00000001")).toBeTruthy();
    expect(screen.getByText("注文中")).toBeTruthy();
    // Issue 17 B7: said as it is, from the server.
    expect(screen.getByRole("main").textContent).toContain(
      "約定しましたら、取引(約定)通知を t***@example.jp にお送りします。",
    );
    const orderPosts = requests.filter((request) => request.method === "POST" && request.path === "/api/me/orders");
    expect(orderPosts).toHaveLength(1);
    expect(orderPosts[0]?.body).toEqual(payload);
    expect(orderPosts[0]?.headers.get("X-CSRF")).toBe("1");
    expect(orderPosts[0]?.headers.get("Idempotency-Key")).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(requests.filter((request) => request.path === "/api/step-up/verifications")).toHaveLength(1);
  });

  it("a market order: 価格 disabled, payload without a price, 約定価格 on completion", async () => {
    const { user, requests } = await openStock({
      "POST /api/me/orders": json({ ...filledOrder, executionMailTo: null }),
    });
    await user.type(field("銘柄コード"), "7203");
    await user.click(radio("取引区分", "信用新規"));
    await user.type(field("数量"), "100");
    expect(radio("執行条件", "成行").checked).toBe(true);
    expect(field("価格").disabled).toBe(true);
    await user.click(radio("執行条件", "指値"));
    expect(field("価格").disabled).toBe(false);
    await user.click(radio("執行条件", "成行"));
    expect(field("価格").disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: "注文確認" }));
    await screen.findByRole("heading", { level: 2, name: "注文内容の確認" });
    expect(screen.getByText("250,000円")).toBeTruthy();
    const button = await submitButton("注文する");
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    await screen.findByRole("heading", { level: 2, name: "ご注文を受け付けました" });
    const receipt = screen.getByRole("main").querySelector("dl") as HTMLElement;
    expect(receipt.textContent).toContain("約定済");
    expect(receipt.textContent).toContain("約定価格2,500円");
    // Issue 17 B7: filled is filled; no 「約定時には…」 after 「約定しました」.
    const text = screen.getByRole("main").textContent ?? "";
    expect(text).toContain("ご注文は約定しました。");
    expect(text).toContain("取引(約定)通知は配信不要に設定されているため、お送りしていません。");
    expect(text).not.toContain("約定時には");
    const post = requests.find((request) => request.method === "POST" && request.path === "/api/me/orders");
    expect(post?.body).toEqual({ ...exampleMarketStockOrder, account: "margin", marginAction: "open" });
  });

  it.each([
    ["", "100", "銘柄コードは4桁の半角数字で入力してください。", "銘柄コード"],
    ["7203", "", "数量を入力してください。", "数量"],
    ["7203", "abc", "数量は半角数字で入力してください。", "数量"],
  ])("refuses code %j quantity %j on the field and sends nothing", async (code, quantity, message, label) => {
    const { user, requests } = await openStock();
    if (code) await user.type(field("銘柄コード"), code);
    if (quantity) await user.type(field("数量"), quantity);
    await user.click(screen.getByRole("button", { name: "注文確認" }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(field(label).getAttribute("aria-invalid")).toBe("true");
    expect(requests.filter((request) => request.method === "POST")).toHaveLength(0);
  });

  it("asks for the 指値 price", async () => {
    const { user, requests } = await openStock();
    await user.type(field("銘柄コード"), "7203");
    await user.type(field("数量"), "100");
    await user.click(radio("執行条件", "指値"));
    await user.click(screen.getByRole("button", { name: "注文確認" }));
    expect(await screen.findByText("指値の価格を入力してください。")).toBeTruthy();
    expect(requests.filter((request) => request.method === "POST")).toHaveLength(0);
  });

  it("takes the server's order_rejected back to the field", async () => {
    const message = "値幅制限（1,980円〜2,980円）の範囲内で入力してください。";
    const { user } = await openStock({
      "POST /api/me/orders": errorJson("order_rejected", errorMessages.order_rejected, 422, {
        fields: [{ path: "limitPrice", message, reason: "price_limit" }],
      }),
    });
    await user.type(field("銘柄コード"), "7203");
    await user.type(field("数量"), "100");
    await user.click(radio("執行条件", "指値"));
    await user.type(field("価格"), "3000");
    await user.click(screen.getByRole("button", { name: "注文確認" }));
    const button = await submitButton("注文する");
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    expect(await screen.findByText(message)).toBeTruthy();
    const price = field("価格");
    expect(price.getAttribute("aria-invalid")).toBe("true");
    expect(price.value).toBe("3000");
    expect(document.activeElement).toBe(price);
  });

  it("without an opened 信用取引口座: 信用新規 disabled with the reason, a 現物 order still goes through", async () => {
    const { user, requests } = await openStock({
      "GET /api/me/balances": json(noMarginAccountBalances),
      "POST /api/me/orders": json(baseOrder),
    });
    await waitFor(() => expect(radio("取引区分", "信用新規").disabled).toBe(true));
    // Closing a position stays possible (core takes 返済 without the account too).
    expect(radio("取引区分", "信用返済").disabled).toBe(false);
    expect(radio("取引区分", "現物").disabled).toBe(false);
    expect(radio("取引区分", "現物").checked).toBe(true);
    const group = screen.getByRole("group", { name: "取引区分" });
    expect(within(group).getByText(marginHint)).toBeTruthy();
    expect(describedText(group)).toBe(marginHint);
    await user.click(radio("取引区分", "信用新規"));
    expect(radio("取引区分", "信用新規").checked).toBe(false);

    await user.type(field("銘柄コード"), "7203");
    await user.type(field("数量"), "100");
    await user.click(screen.getByRole("button", { name: "注文確認" }));
    await screen.findByRole("heading", { level: 2, name: "注文内容の確認" });
    const button = await submitButton("注文する");
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    expect(await screen.findByRole("heading", { level: 2, name: "ご注文を受け付けました" })).toBeTruthy();
    const posts = requests.filter((request) => request.method === "POST" && request.path === "/api/me/orders");
    expect(posts.map((post) => post.body)).toEqual([expect.objectContaining({ account: "cash", marginAction: null })]);
  });

  it("with an opened 信用取引口座: every 取引区分 can be chosen and no reason is shown", async () => {
    await openStock();
    // 買付余力 shown: the balances (marginAccountOpen: true) have arrived.
    expect(await within(screen.getByRole("main")).findByText("2,500,000円")).toBeTruthy();
    for (const name of ["現物", "信用新規", "信用返済"]) expect(radio("取引区分", name).disabled).toBe(false);
    expect(screen.queryByText(marginHint)).toBeNull();
    expect(screen.getByRole("group", { name: "取引区分" }).getAttribute("aria-describedby")).toBeNull();
  });

  // Issue 17 B2: what depends on the market or the account is core's to say, before the password.
  it.each([
    ["a price outside the 値幅制限", "limitPrice", "値幅制限（1,980円～2,980円）の範囲外です。", "price_limit", "価格"],
    ["a quantity off the unit", "quantity", "数量は100株単位で入力してください。", "lot", "数量"],
    ["selling more than held", "quantity", "売却可能な数量（0株）を超えています。", "holdings", "数量"],
    ["an unknown code", "instrumentCode", "該当する銘柄がありません。", "unknown_instrument", "銘柄コード"],
  ])(
    "core's check refuses %s on its field before the confirmation: no password asked",
    async (_l, path, message, reason, label) => {
      const { user, requests } = await openStock({
        "POST /api/me/order-checks": [
          errorJson("order_rejected", errorMessages.order_rejected, 422, { fields: [{ path, message, reason }] }),
          json({ ok: true }),
        ],
      });
      await user.type(field("銘柄コード"), "7203");
      await user.type(field("数量"), "100");
      await user.click(radio("執行条件", "指値"));
      await user.type(field("価格"), "3000");
      await user.click(screen.getByRole("button", { name: "注文確認" }));
      expect(await screen.findByText(message)).toBeTruthy();
      const input = field(label);
      expect(input.getAttribute("aria-invalid")).toBe("true");
      await waitFor(() => expect(document.activeElement).toBe(input));
      expect(screen.queryByRole("heading", { level: 2, name: "注文内容の確認" })).toBeNull();
      expect(screen.queryByLabelText("執行パスワード")).toBeNull();
      expect(requests.filter((request) => request.path === "/api/step-up/challenges")).toHaveLength(0);
      // Corrected (core now agrees): on to the confirmation.
      await user.click(screen.getByRole("button", { name: "注文確認" }));
      expect(await screen.findByRole("heading", { level: 2, name: "注文内容の確認" })).toBeTruthy();
    },
  );

  it("a 信用新規 kept from before, with the account not open, is refused by core's check on 取引区分", async () => {
    const { user, requests } = await openStock({
      "POST /api/me/order-checks": errorJson("order_rejected", errorMessages.order_rejected, 422, {
        fields: [{ path: "account", message: marginAccountNotOpen, reason: "margin_account" }],
      }),
    });
    await user.type(field("銘柄コード"), "7203");
    await user.click(radio("取引区分", "信用新規"));
    await user.type(field("数量"), "100");
    await user.click(screen.getByRole("button", { name: "注文確認" }));
    expect(await screen.findByText(marginAccountNotOpen)).toBeTruthy();
    const group = screen.getByRole("group", { name: "取引区分" });
    expect(describedText(group)).toContain(marginAccountNotOpen);
    expect(radio("取引区分", "信用新規").getAttribute("aria-invalid")).toBe("true");
    expect(radio("取引区分", "信用新規").checked).toBe(true);
    expect(requests.filter((request) => request.path === "/api/step-up/challenges")).toHaveLength(0);
  });

  it("when the check itself fails (not a refusal), says so above the form and opens no confirmation", async () => {
    const { user } = await openStock({
      "POST /api/me/order-checks": errorJson("upstream_unavailable", errorMessages.upstream_unavailable, 503),
    });
    await user.type(field("銘柄コード"), "7203");
    await user.type(field("数量"), "100");
    await user.click(screen.getByRole("button", { name: "注文確認" }));
    expect((await screen.findByRole("alert")).textContent).toContain("ご注文の内容を確認できませんでした。");
    expect(screen.queryByRole("heading", { level: 2, name: "注文内容の確認" })).toBeNull();
  });

  it("a locked customer sees the lock, and no order form to fill in (issue 17 B6)", async () => {
    await openStock({
      "GET /api/me/credentials": json(
        credentialStatus({ executionPassword: { locked: true, remainingAttempts: 0, isInitial: false } }),
      ),
    });
    expect(await screen.findByText("アカウントロック中")).toBeTruthy();
    await waitFor(() => expect(screen.queryByLabelText("数量", { selector: "input" })).toBeNull());
    expect(screen.queryByRole("button", { name: "注文確認" })).toBeNull();
  });

  it("shows the remaining attempts on a wrong 執行パスワード", async () => {
    const { user } = await openStock({
      "POST /api/step-up/verifications": errorJson(
        "wrong_execution_password",
        "執行パスワードが正しくありません。",
        401,
        {
          remainingAttempts: 8,
        },
      ),
    });
    await user.type(field("銘柄コード"), "7203");
    await user.type(field("数量"), "100");
    await user.click(screen.getByRole("button", { name: "注文確認" }));
    const button = await submitButton("注文する");
    await user.type(field("執行パスワード"), "wrong1");
    await user.click(button);
    expect((await screen.findByRole("alert")).textContent).toContain("あと8回間違えると");
  });
});

describe("投資信託", () => {
  it("buys by amount and says when it executes", async () => {
    const { requests } = mockApi(common("place_order", { "POST /api/me/orders": json(fundOrder) }));
    const { user } = renderApp("/trade/fund");
    await screen.findByRole("heading", { level: 1, name: "投資信託" });
    const fund = (await screen.findByLabelText("ファンド")) as HTMLSelectElement;
    await user.selectOptions(fund, "F001");
    await user.click(radio("売買", "買付"));
    await user.type(field("金額"), "10000");
    await user.click(screen.getByRole("button", { name: "注文確認" }));
    await screen.findByRole("heading", { level: 2, name: "注文内容の確認" });
    const payload = { ...exampleFundOrder, amount: 10_000 };
    const button = await submitButton("注文する");
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    expect(await screen.findByRole("heading", { level: 2, name: "ご注文を受け付けました" })).toBeTruthy();
    expect(screen.getByText("O00000003")).toBeTruthy();
    expect(screen.getByText("約定は次回の基準価額で行われます。")).toBeTruthy();
    const posts = requests.filter((request) => request.method === "POST" && request.path === "/api/me/orders");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual(payload);
    expect(requests.find((request) => request.path === "/api/step-up/challenges")?.body).toEqual({
      operation: "place_order",
      payload,
    });
  });

  it("core's check refuses a buy beyond 買付余力 on 金額, before the confirmation", async () => {
    const message = "買付余力（¥2,500,000）を超えています。";
    const { requests } = mockApi(
      common("place_order", {
        "POST /api/me/order-checks": errorJson("order_rejected", errorMessages.order_rejected, 422, {
          fields: [{ path: "amount", message, reason: "buying_power" }],
        }),
      }),
    );
    const { user } = renderApp("/trade/fund");
    await user.selectOptions(await screen.findByLabelText("ファンド"), "F001");
    await user.type(field("金額"), "3000000");
    await user.click(screen.getByRole("button", { name: "注文確認" }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(field("金額").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByRole("heading", { level: 2, name: "注文内容の確認" })).toBeNull();
    const check = requests.find((request) => request.path === "/api/me/order-checks");
    expect(check?.body).toEqual({ ...exampleFundOrder, amount: 3_000_000 });
    expect(requests.filter((request) => request.path === "/api/step-up/challenges")).toHaveLength(0);
  });

  it("sells by units and requires them", async () => {
    const { requests } = mockApi(common("place_order", {}));
    const { user } = renderApp("/trade/fund");
    await user.selectOptions(await screen.findByLabelText("ファンド"), "F001");
    await user.click(radio("売買", "解約"));
    expect(screen.queryByLabelText("金額")).toBeNull();
    expect(screen.getByText("保有口数: 100,000口")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "注文確認" }));
    expect(await screen.findByText("解約口数を入力してください。")).toBeTruthy();
    expect(requests.filter((request) => request.method === "POST")).toHaveLength(0);
  });
});

describe("注文照会: 訂正 and 取消", () => {
  async function openOrders(operation: string, routes: Routes) {
    const api = mockApi(common(operation, routes));
    const app = renderApp("/trade/orders");
    await screen.findByRole("heading", { level: 1, name: "注文照会" });
    await screen.findByRole("table");
    return { ...api, ...app };
  }

  it("lists the orders with 訂正・取消 for open limit orders only", async () => {
    await openOrders("modify_order", {
      "GET /api/me/orders": json({
        orders: [baseOrder, { ...filledOrder, account: "margin", marginAction: "open" }],
        nextCursor: null,
      }),
    });
    const table = screen.getByRole("table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual([
      "注文番号・注文日時",
      "銘柄",
      "取引区分",
      "売買",
      "数量・金額",
      "執行条件",
      "状況・約定価格",
      "訂正・取消",
    ]);
    expect(within(table).getByRole("cell", { name: "注文中" })).toBeTruthy();
    expect(within(table).getByRole("cell", { name: /約定済.*約定価格 2,500円/ })).toBeTruthy();
    // Issue 17 B3: 信用 is told from 現物.
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[2]?.textContent)).toEqual(["現物", "信用新規"]);
    // As cards on a phone, each value is labelled with its column's header, word for word.
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((cell) => cell.textContent);
    for (const row of rows) {
      expect(
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.getAttribute("data-label")),
      ).toEqual(headers);
    }
    expect(screen.getByRole("button", { name: "注文O00000001を訂正" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "注文O00000001を取消" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "注文O00000002を訂正" })).toBeNull();
  });

  it("while the 執行パスワード is locked: the lock, and no 訂正・取消 column or buttons (issue 17 B6)", async () => {
    await openOrders("modify_order", {
      "GET /api/me/orders": json({ orders: [baseOrder], nextCursor: null }),
      "GET /api/me/credentials": json(
        credentialStatus({ executionPassword: { locked: true, remainingAttempts: 0, isInitial: false } }),
      ),
    });
    expect(await screen.findByText("アカウントロック中")).toBeTruthy();
    const table = screen.getByRole("table");
    await waitFor(() => expect(within(table).queryByRole("columnheader", { name: "訂正・取消" })).toBeNull());
    expect(within(table).getByRole("cell", { name: "注文中" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "注文O00000001を訂正" })).toBeNull();
    expect(screen.queryByRole("button", { name: "注文O00000001を取消" })).toBeNull();
  });

  it("訂正: 数量・価格 → 訂正確認 → 訂正する", async () => {
    const modified = { ...baseOrder, quantity: 200, limitPrice: 2450 };
    const { user, requests } = await openOrders("modify_order", {
      "GET /api/me/orders": json({ orders: [baseOrder], nextCursor: null }),
      "PUT /api/me/orders/O00000001": json(modified),
    });
    await user.click(screen.getByRole("button", { name: "注文O00000001を訂正" }));
    const quantity = field("数量");
    expect(quantity.value).toBe("100");
    await user.clear(quantity);
    await user.type(quantity, "200");
    await user.clear(field("価格"));
    await user.type(field("価格"), "2450");
    await user.click(screen.getByRole("button", { name: "訂正確認" }));
    await screen.findByRole("heading", { level: 2, name: "訂正内容の確認" });
    const payload = { orderNumber: "O00000001", quantity: 200, limitPrice: 2450 };
    // Core checked the 訂正 first (issue 17 B2), with exactly the payload then confirmed.
    const posts = requests.filter((request) => request.method === "POST");
    expect(posts[0]?.path).toBe("/api/me/orders/O00000001/modification-checks");
    expect(posts[0]?.body).toEqual(payload);
    await waitFor(() =>
      expect(requests.find((request) => request.path === "/api/step-up/challenges")?.body).toEqual({
        operation: "modify_order",
        payload,
      }),
    );
    const button = await submitButton("訂正する");
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    expect(await screen.findByRole("heading", { level: 2, name: "ご注文を訂正しました" })).toBeTruthy();
    const puts = requests.filter((request) => request.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]?.body).toEqual(payload);
    expect(puts[0]?.headers.get("Idempotency-Key")).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // The list is refetched.
    await waitFor(() =>
      expect(requests.filter((request) => request.path === "/api/me/orders").length).toBeGreaterThanOrEqual(2),
    );
  });

  it("取消: confirmation at once → 取消する", async () => {
    const cancelled = { ...baseOrder, status: "cancelled" };
    const { user, requests } = await openOrders("cancel_order", {
      "GET /api/me/orders": json({ orders: [baseOrder], nextCursor: null }),
      "POST /api/me/orders/O00000001/cancel": json(cancelled),
    });
    await user.click(screen.getByRole("button", { name: "注文O00000001を取消" }));
    await screen.findByRole("heading", { level: 2, name: "取消内容の確認" });
    expect(await screen.findByText("O00000001")).toBeTruthy();
    const button = await submitButton("取消する");
    expect(requests.find((request) => request.path === "/api/step-up/challenges")?.body).toEqual({
      operation: "cancel_order",
      payload: { orderNumber: "O00000001" },
    });
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    expect(await screen.findByRole("heading", { level: 2, name: "ご注文を取り消しました" })).toBeTruthy();
    expect(screen.getByText("取消済")).toBeTruthy();
    const posts = requests.filter((request) => request.path === "/api/me/orders/O00000001/cancel");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ orderNumber: "O00000001" });
  });

  it("訂正: core's check refuses a price outside the 値幅制限 on 価格, before any password (issue 17 B2)", async () => {
    const message = "値幅制限（1,980円～2,980円）の範囲外です。";
    const { user, requests } = await openOrders("modify_order", {
      "GET /api/me/orders": json({ orders: [baseOrder], nextCursor: null }),
      "POST /api/me/orders/O00000001/modification-checks": errorJson(
        "order_rejected",
        errorMessages.order_rejected,
        422,
        { fields: [{ path: "limitPrice", message, reason: "price_limit" }] },
      ),
    });
    await user.click(screen.getByRole("button", { name: "注文O00000001を訂正" }));
    await user.clear(field("価格"));
    await user.type(field("価格"), "3000");
    await user.click(screen.getByRole("button", { name: "訂正確認" }));
    expect(await screen.findByText(message)).toBeTruthy();
    const price = field("価格");
    expect(price.getAttribute("aria-invalid")).toBe("true");
    expect(price.value).toBe("3000");
    await waitFor(() => expect(document.activeElement).toBe(price));
    expect(screen.queryByRole("heading", { level: 2, name: "訂正内容の確認" })).toBeNull();
    expect(requests.filter((request) => request.path === "/api/step-up/challenges")).toHaveLength(0);
  });

  it("訂正 of an order that filled meanwhile: the check sends the customer back to the list with the message", async () => {
    const { user, requests } = await openOrders("modify_order", {
      "GET /api/me/orders": json({ orders: [baseOrder], nextCursor: null }),
      "POST /api/me/orders/O00000001/modification-checks": errorJson(
        "order_not_open",
        errorMessages.order_not_open,
        409,
      ),
    });
    await user.click(screen.getByRole("button", { name: "注文O00000001を訂正" }));
    await user.click(screen.getByRole("button", { name: "訂正確認" }));
    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages.order_not_open);
    expect(screen.getByRole("table")).toBeTruthy();
    expect(requests.filter((request) => request.path === "/api/step-up/challenges")).toHaveLength(0);
  });

  it("取消 of an order that meanwhile filled: back to the list with the message", async () => {
    const { user } = await openOrders("cancel_order", {
      "GET /api/me/orders": json({ orders: [baseOrder], nextCursor: null }),
      "POST /api/me/orders/O00000001/cancel": errorJson("order_not_open", errorMessages.order_not_open, 409),
    });
    await user.click(screen.getByRole("button", { name: "注文O00000001を取消" }));
    const button = await submitButton("取消する");
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages.order_not_open);
    expect(screen.getByRole("table")).toBeTruthy();
  });
});

describe("残高照会", () => {
  it("shows cash, 買付余力, 評価額合計 and the holdings", async () => {
    mockApi(common("place_order", {}));
    renderApp("/trade/balances");
    await screen.findByRole("heading", { level: 1, name: "残高照会" });
    const main = screen.getByRole("main");
    const totals = (await within(main).findByText("現金残高")).closest("dl") as HTMLElement;
    expect(totals.textContent).toBe("現金残高3,000,000円買付余力2,500,000円評価額合計3,650,000円");
    const tables = within(main).getAllByRole("table");
    expect(tables).toHaveLength(3);
    const rows = tables.map((table) =>
      within(table)
        .getAllByRole("row")
        .map((row) => row.textContent),
    );
    expect(rows[0]).toEqual([
      "銘柄数量平均取得単価現在値評価額評価損益",
      "トヨタ自動車（7203）200株2,400円2,500円500,000円+20,000円",
    ]);
    expect(rows[1]?.[1]).toBe("トヨタ自動車（7203）買100株2,550円2,500円−5,000円76,500円");
    expect(rows[2]?.[1]).toBe("かくにん日本株インデックス100,000口15,000円150,000円");
    expect(within(main).getByRole("region", { name: "保有株式" })).toBeTruthy();
  });
});
