import { errorMessages } from "@kakunin/contracts/error-body";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activateLocale } from "../lib/i18n/catalog.ts";
import { demoBalances, demoNotices, demoWithdrawalOverview } from "../testing/fixtures.ts";
import { authenticatedSession, credentialStatus, errorJson, json, mockApi } from "../testing/mock-api.ts";
import { renderApp } from "../testing/render-app.tsx";

// The shell in English (R36): titles, menu, header, 会員トップ's own words, error pages.
beforeEach(async () => {
  await activateLocale("en");
});
afterEach(async () => {
  await activateLocale("ja");
});

const ownPassword = credentialStatus({
  executionPassword: { isInitial: false, changedAt: "2026-11-20T00:00:00.000Z" },
});

const memberTop = {
  "GET /api/session": json(authenticatedSession),
  "GET /api/me/credentials": json(ownPassword),
  "GET /api/me/notices": json(demoNotices),
  "GET /api/me/previous-login": json({ previousLogin: null }),
  "GET /api/me/balances": json(demoBalances),
  "GET /api/me/withdrawals/overview": json(demoWithdrawalOverview),
};

describe("the shell in English", () => {
  it("Member home: title, menu with its headings, header and the page's own words", async () => {
    mockApi(memberTop);
    renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: "Member home" })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe("Member home | kakunin Securities"));

    const menu = screen.getByRole("navigation", { name: "Menu" });
    expect(within(menu).getByRole("link", { name: "Member home" }).getAttribute("aria-current")).toBe("page");
    expect(within(menu).getByRole("link", { name: "Order status" }).getAttribute("href")).toBe("/trade/orders");
    expect(within(menu).getByRole("link", { name: "Email notification settings" })).toBeTruthy();
    expect(within(menu).getByRole("list", { name: "Trading" })).toBeTruthy();
    expect(within(menu).getByRole("list", { name: "Account management" })).toBeTruthy();

    const banner = screen.getByRole("banner");
    expect(within(banner).getByText("山田 太郎")).toBeTruthy();
    expect(within(banner).getByRole("button", { name: "Log out" })).toBeTruthy();
    expect(screen.getByText("Welcome, 山田 太郎. Thank you for choosing kakunin Securities.")).toBeTruthy();

    const assets = screen.getByRole("region", { name: "Your assets" });
    await waitFor(() => expect(assets.textContent).toContain("Withdrawable amount¥1,000,000"));
    expect(assets.textContent).toContain("Customer code (お客様コード)1000001");
  });

  it("a failed read says so with Retry and the reference number", async () => {
    mockApi({
      ...memberTop,
      "GET /api/me/balances": errorJson("upstream_unavailable", errorMessages.upstream_unavailable, 503, {
        requestId: "req-123",
      }),
    });
    renderApp("/");
    const assets = await screen.findByRole("region", { name: "Your assets" });
    const alert = await within(assets).findByRole("alert", {}, { timeout: 10_000 });
    expect(alert.textContent).toContain("We could not display your assets.");
    expect(alert.textContent).toContain("Reference number (お問い合わせ番号): req-123");
    expect(within(alert).getByRole("button", { name: "Retry" })).toBeTruthy();
  });

  it("an unknown address shows Page not found with the way back", async () => {
    mockApi({ "GET /api/session": json({ authenticated: false }) });
    renderApp("/no-such-page");
    expect(await screen.findByRole("heading", { level: 1, name: "Page not found" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to Member home" }).getAttribute("href")).toBe("/");
  });

  it("the login screen's notices and the password reset's steps", async () => {
    mockApi({ "GET /api/session": json({ authenticated: false }) });
    const { router } = renderApp("/login?reason=logged_out");
    expect(await screen.findByRole("heading", { level: 1, name: "Log in" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toContain("You have logged out.");

    await router.navigate("/password-reset");
    expect(await screen.findByRole("heading", { level: 1, name: "Reset your login password" })).toBeTruthy();
    const steps = screen.getByRole("list", { name: "Steps" });
    expect(
      within(steps)
        .getAllByRole("listitem")
        .map((step) => step.textContent),
    ).toEqual(["1Identity", "2Authentication code", "3New password", "4Complete"]);
    expect(screen.getByRole("link", { name: "Back to login" })).toBeTruthy();
  });
});
