import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activateLocale } from "../../lib/i18n/catalog.ts";
import { demoBalances, demoInstruments, demoOrders } from "../../testing/fixtures.ts";
import { authenticatedSession, credentialStatus, json, mockApi, stepUpChallenge } from "../../testing/mock-api.ts";
import { field } from "../../testing/queries.ts";
import { renderApp } from "../../testing/render-app.tsx";

/**
 * The 取引 screens in English (R36): their own words come from the English catalogues, so a
 * missing or broken English path fails here. The step-up and the shell are other catalogues'.
 */
function routes(operation: string) {
  return {
    "GET /api/session": json(authenticatedSession),
    "GET /api/me/credentials": json(credentialStatus()),
    "GET /api/market/instruments": json(demoInstruments),
    "GET /api/me/balances": json(demoBalances),
    "GET /api/me/orders": json(demoOrders),
    "POST /api/me/order-checks": json({ ok: true }),
    "POST /api/me/orders/O00000001/modification-checks": json({ ok: true }),
    "POST /api/step-up/challenges": stepUpChallenge(["execution_password"], { operation }),
  };
}

describe("取引 in English", () => {
  beforeEach(async () => {
    await activateLocale("en");
  });
  afterEach(async () => {
    await activateLocale("ja");
  });

  it("株式注文: the form, the quote and the confirmation's summary", async () => {
    mockApi(routes("place_order"));
    const { user } = renderApp("/trade/stock");
    await screen.findByRole("heading", { level: 2, name: "Enter your order" });
    expect(await screen.findByText("Enter your order, then press “Confirm order”.")).toBeTruthy();
    expect(screen.getByText("Buying power")).toBeTruthy();
    await user.type(field("Stock code"), "7203");
    expect(await screen.findByText("トヨタ自動車 (7203)")).toBeTruthy();
    expect(screen.getByText("Change from previous close")).toBeTruthy();
    expect(screen.getByText(/^\(as of .*\)$/)).toBeTruthy();
    const sides = screen.getByRole("group", { name: "Buy/sell" });
    expect(within(sides).getByRole("radio", { name: "Buy" })).toBeTruthy();
    const tradeTypes = screen.getByRole("group", { name: "Trade type" });
    for (const name of ["Cash", "Margin (open)", "Margin (close)"]) {
      expect(within(tradeTypes).getByRole("radio", { name })).toBeTruthy();
    }
    expect(screen.getByText("Enter a multiple of 100 shares.")).toBeTruthy();
    await user.type(field("Quantity"), "100");
    await user.click(screen.getByRole("button", { name: "Confirm order" }));

    await screen.findByRole("heading", { level: 2, name: "Confirm your order" });
    const summary = screen.getByRole("main").querySelector("dl") as HTMLElement;
    expect(summary.textContent).toContain("Securityトヨタ自動車 (7203)");
    expect(summary.textContent).toContain("Buy/sellBuy");
    expect(summary.textContent).toContain("Trade typeCash");
    expect(summary.textContent).toContain("Quantity100 shares");
    expect(summary.textContent).toContain("Order typeMarket");
    expect(summary.textContent).toContain("PriceNone (market order)");
    expect(summary.textContent).toContain("(at the current price, excluding fees)");
    expect(screen.getByRole("button", { name: "Place order" })).toBeTruthy();
  });

  it("注文照会: the table, its phone labels, the links and 訂正's steps", async () => {
    mockApi(routes("modify_order"));
    const { user } = renderApp("/trade/orders");
    const table = await screen.findByRole("table");
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((cell) => cell.textContent);
    expect(headers).toEqual([
      "Order number / date",
      "Security",
      "Trade type",
      "Buy/sell",
      "Quantity / amount",
      "Order type",
      "Status / execution price",
      "Modify / cancel",
    ]);
    const [open] = within(table).getAllByRole("row").slice(1);
    expect(
      within(open as HTMLElement)
        .getAllByRole("cell")
        .map((cell) => cell.getAttribute("data-label")),
    ).toEqual(headers);
    expect(within(table).getByRole("cell", { name: /Executed.*Executed at/ })).toBeTruthy();
    expect(within(table).getAllByRole("cell", { name: "100 shares" })).toHaveLength(2);
    const intro = screen.getByText(/^You can modify or cancel open limit orders\./);
    expect(intro.textContent).toBe(
      "You can modify or cancel open limit orders. To place a new order, go to Stock orders or Investment trusts.",
    );
    expect(within(intro).getByRole("link", { name: "Stock orders" }).getAttribute("href")).toBe("/trade/stock");

    await user.click(screen.getByRole("button", { name: "Modify order O00000001" }));
    await screen.findByRole("heading", { level: 2, name: "Modify your order" });
    expect(screen.getByText("Enter changes")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Back to Order status" })).toBeTruthy();
    await user.clear(field("Quantity"));
    await user.type(field("Quantity"), "1");
    await user.click(screen.getByRole("button", { name: "Confirm modification" }));
    await screen.findByRole("heading", { level: 2, name: "Confirm modification" });
    // The step-up adds its own words after the instruction, in the same paragraph.
    expect(screen.getByText(/^Your order will be modified as follows\./)).toBeTruthy();
    expect(screen.getByText("1 share")).toBeTruthy();
  });

  it("残高照会: the holdings in English, the names as the data gives them", async () => {
    mockApi(routes("place_order"));
    renderApp("/trade/balances");
    expect(await screen.findByRole("heading", { level: 2, name: "Stock holdings" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "Margin positions" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "Investment trusts" })).toBeTruthy();
    expect(screen.getByText("Total market value")).toBeTruthy();
    expect(screen.getByRole("cell", { name: "200 shares" })).toBeTruthy();
    expect(screen.getByRole("cell", { name: "100,000 units" })).toBeTruthy();
    expect(screen.getByRole("cell", { name: "かくにん日本株インデックス" })).toBeTruthy();
  });
});
