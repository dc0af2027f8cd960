import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { demoBalances, demoNotices, demoWithdrawalOverview } from "../../../testing/fixtures.ts";
import { authenticatedSession, credentialStatus, json, mockApi } from "../../../testing/mock-api.ts";
import { renderApp } from "../../../testing/render-app.tsx";

afterEach(async () => {
  await activateLocale("ja");
});

function languageButtons() {
  const group = screen.getByRole("group", { name: "言語 / Language" });
  return {
    japanese: within(group).getByRole("button", { name: "日本語" }),
    english: within(group).getByRole("button", { name: "English" }),
  };
}

describe("日本語 / English (R36)", () => {
  it("on the login screen, English is saved with the BFF and the screen is redrawn in English", async () => {
    const { requests } = mockApi({
      "GET /api/session": json({ authenticated: false }),
      "PUT /api/locale": json({ locale: "en" }),
    });
    const { user } = renderApp("/login");
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    const before = languageButtons();
    expect(before.japanese.getAttribute("aria-pressed")).toBe("true");
    expect(before.english.getAttribute("aria-pressed")).toBe("false");

    await user.click(before.english);

    expect(await screen.findByRole("heading", { level: 1, name: "Log in" })).toBeTruthy();
    const put = requests.filter((request) => request.method === "PUT");
    expect(put.map((request) => [request.path, request.body])).toEqual([["/api/locale", { locale: "en" }]]);
    expect(document.documentElement.lang).toBe("en");
    const after = languageButtons();
    await waitFor(() => expect(after.english.getAttribute("aria-pressed")).toBe("true"));
    expect(after.japanese.getAttribute("aria-pressed")).toBe("false");
    // The form, the kit's words and the page title follow.
    expect(screen.getByLabelText("Customer code (お客様コード)")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Log in with a passkey" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Show password" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Forgot your login password?" })).toBeTruthy();
    expect(screen.getByText("Skip to main content")).toBeTruthy();
    expect(screen.getByRole("banner").textContent).toContain("kakunin Securities");
  });

  it("back to 日本語: the screen reads as before", async () => {
    mockApi({
      "GET /api/session": json({ authenticated: false }),
      "PUT /api/locale": [json({ locale: "en" }), json({ locale: "ja" })],
    });
    const { user } = renderApp("/login");
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    await user.click(languageButtons().english);
    await screen.findByRole("heading", { level: 1, name: "Log in" });

    await user.click(languageButtons().japanese);

    expect(await screen.findByRole("heading", { level: 1, name: "ログイン" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("ja");
    expect(screen.getByLabelText("お客様コード")).toBeTruthy();
    expect(screen.getByText("本文へ移動")).toBeTruthy();
  });

  it("switches even when the BFF cannot be reached: the choice is the customer's", async () => {
    mockApi({
      "GET /api/session": json({ authenticated: false }),
      "PUT /api/locale": new TypeError("Failed to fetch"),
    });
    const { user } = renderApp("/login");
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    await user.click(languageButtons().english);
    expect(await screen.findByRole("heading", { level: 1, name: "Log in" })).toBeTruthy();
    await waitFor(() => expect(languageButtons().english.getAttribute("aria-pressed")).toBe("true"));
  });

  it("on a member page too: English is stored, and what the servers worded is fetched again in it", async () => {
    const { requests } = mockApi({
      "GET /api/session": [
        json({ ...authenticatedSession, locale: "ja" }),
        json({ ...authenticatedSession, locale: "en" }),
      ],
      "GET /api/me/credentials": json(credentialStatus()),
      "GET /api/me/notices": json(demoNotices),
      "GET /api/me/previous-login": json({ previousLogin: null }),
      "GET /api/me/balances": json(demoBalances),
      "GET /api/me/withdrawals/overview": json(demoWithdrawalOverview),
      "PUT /api/locale": json({ locale: "en" }),
    });
    const { user } = renderApp("/");
    await screen.findByRole("heading", { level: 1, name: "会員トップ" });
    const noticeReads = () => requests.filter((r) => r.method === "GET" && r.path === "/api/me/notices").length;
    await waitFor(() => expect(noticeReads()).toBe(1));

    await user.click(within(screen.getByRole("banner")).getByRole("button", { name: "English" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Member home" })).toBeTruthy();
    await waitFor(() => expect(noticeReads()).toBe(2));
    expect(requests.filter((r) => r.method === "PUT").map((r) => r.body)).toEqual([{ locale: "en" }]);
    expect(document.documentElement.lang).toBe("en");
  });
});
