import { errorMessages } from "@kakunin/contracts/error-body";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { demoBalances, demoLoginHistory, demoNotices, demoWithdrawalOverview } from "../testing/fixtures.ts";
import { authenticatedSession, credentialStatus, errorJson, json, mockApi } from "../testing/mock-api.ts";
import { renderApp } from "../testing/render-app.tsx";

const notices = demoNotices;

// A customer who has set their own execution password: 会員トップ shows no banner.
const ownPassword = credentialStatus({
  executionPassword: { isInitial: false, changedAt: "2026-11-20T00:00:00.000Z" },
});

const loginHistory = demoLoginHistory;

describe("/login", () => {
  it("shows the session-expired message from ?reason=session_expired", async () => {
    mockApi({ "GET /api/session": json({ authenticated: false }) });
    renderApp("/login?reason=session_expired");
    expect(await screen.findByRole("heading", { level: 1, name: "ログイン" })).toBeTruthy();
    expect(screen.getByText(errorMessages.session_expired)).toBeTruthy();
    // Not an alert: a later login failure must be the page's only alert.
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows the session-expired message when the BFF reports an expired session", async () => {
    mockApi({ "GET /api/session": json({ authenticated: false, reason: "session_expired" }) });
    renderApp("/login");
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    expect(screen.getByText(errorMessages.session_expired)).toBeTruthy();
  });

  it("shows ログアウトしました。 for ?reason=logged_out", async () => {
    mockApi({ "GET /api/session": json({ authenticated: false }) });
    renderApp("/login?reason=logged_out");
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    expect(screen.getByRole("status").textContent).toContain("ログアウトしました。");
  });

  it("shows no notice without a reason", async () => {
    mockApi({ "GET /api/session": json({ authenticated: false }) });
    renderApp("/login");
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    expect(screen.queryByText(errorMessages.session_expired)).toBeNull();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("sends an authenticated customer to 会員トップ", async () => {
    mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/credentials": json(ownPassword),
      "GET /api/me/notices": json({ notices: [] }),
    });
    const { router } = renderApp("/login");
    expect(await screen.findByRole("heading", { level: 1, name: "会員トップ" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/");
  });

  it("still shows the form when the BFF is unreachable", async () => {
    mockApi({ "GET /api/session": new TypeError("Failed to fetch") });
    renderApp("/login");
    expect(await screen.findByLabelText("お客様コード")).toBeTruthy();
  });

  it("logs in and lands on 会員トップ with the customer's name", async () => {
    mockApi({
      "GET /api/session": json({ authenticated: false }),
      "POST /api/session": json(authenticatedSession),
      "GET /api/me/credentials": json(ownPassword),
      "GET /api/me/notices": json(notices),
    });
    const { user, router } = renderApp("/login?reason=session_expired");
    await user.type(await screen.findByLabelText("お客様コード"), "1000001");
    await user.type(screen.getByLabelText("ログインパスワード"), "Kiso8pine3");
    await user.click(screen.getByRole("button", { name: "ログイン" }));

    const heading = await screen.findByRole("heading", { level: 1, name: "会員トップ" });
    expect(router.state.location.pathname).toBe("/");
    expect(screen.getByRole("banner").textContent).toContain("山田 太郎 様");
    // Issue 17 B8: focus leaves the form that is gone for the new page's h1, as in-app navigation does.
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });
});

describe("member pages", () => {
  it("redirects to /login with the expired message when the session has expired", async () => {
    mockApi({ "GET /api/session": json({ authenticated: false, reason: "session_expired" }) });
    const { router } = renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: "ログイン" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/login");
    expect(screen.getByText(errorMessages.session_expired)).toBeTruthy();
  });

  it("redirects to /login without a message when there never was a session", async () => {
    mockApi({ "GET /api/session": json({ authenticated: false }) });
    const { router } = renderApp("/account/login-history");
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    expect(router.state.location.search).toBe("");
    expect(screen.queryByText(errorMessages.session_expired)).toBeNull();
  });

  it("会員トップ greets the customer, lists notices and has the menu", async () => {
    mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/credentials": json(ownPassword),
      "GET /api/me/notices": json(notices),
    });
    renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: "会員トップ" })).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(screen.getByText(/山田 太郎 様、/)).toBeTruthy();

    const menu = screen.getByRole("navigation", { name: "メニュー" });
    expect(within(menu).getByRole("link", { name: "会員トップ" }).getAttribute("aria-current")).toBe("page");
    expect(within(menu).getByRole("link", { name: "ログイン履歴" }).getAttribute("href")).toBe(
      "/account/login-history",
    );
    expect(within(menu).getByText("口座管理")).toBeTruthy();

    const noticeSection = screen.getByRole("region", { name: "お知らせ" });
    expect(await within(noticeSection).findByText("執行パスワードのご案内")).toBeTruthy();
    expect(within(noticeSection).getByText("初期執行パスワード: Ume4k9")).toBeTruthy();
    expect(within(noticeSection).getByText("重要")).toBeTruthy();
    expect(within(noticeSection).getByText("2026/11/25 09:00:00")).toBeTruthy();
  });

  it("会員トップ shows 資産合計, 評価損益, 買付余力, 出金可能額, お客様コード and the assets by kind, before お知らせ (R42, issue 17)", async () => {
    mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/credentials": json(ownPassword),
      "GET /api/me/notices": json(notices),
      "GET /api/me/previous-login": json({ previousLogin: null }),
      "GET /api/me/balances": json(demoBalances),
      "GET /api/me/withdrawals/overview": json(demoWithdrawalOverview),
    });
    renderApp("/");
    const assets = await screen.findByRole("region", { name: "お預り資産" });
    await waitFor(() => expect(assets.textContent).toContain("出金可能額1,000,000円"));
    const text = assets.textContent ?? "";
    for (const term of [
      "資産合計",
      "評価損益",
      "買付余力",
      "お客様コード1000001",
      "現金",
      "国内株式（現物）",
      "投資信託",
    ]) {
      expect(text).toContain(term);
    }
    // What the customer opens the page for comes before the notices.
    const noticeRegion = await screen.findByRole("region", { name: "お知らせ" });
    expect(assets.compareDocumentPosition(noticeRegion) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("shows the empty notice state", async () => {
    mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/credentials": json(ownPassword),
      "GET /api/me/notices": json({ notices: [] }),
    });
    renderApp("/");
    expect(await screen.findByText("現在お知らせはありません。")).toBeTruthy();
  });

  it("retries an outage twice, then shows a notice error with 再試行 that refetches", async () => {
    const outage = errorJson("upstream_unavailable", errorMessages.upstream_unavailable, 503);
    const { requests } = mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/credentials": json(ownPassword),
      "GET /api/me/notices": [outage, outage, outage, json(notices)],
      // R42: 会員トップ also reads 前回ログイン and the assets; only the notices fail here.
      "GET /api/me/previous-login": json({ previousLogin: null }),
      "GET /api/me/balances": json(demoBalances),
      "GET /api/me/withdrawals/overview": json(demoWithdrawalOverview),
    });
    const { user } = renderApp("/");
    const alert = await screen.findByRole("alert");
    expect(requests.filter((request) => request.path === "/api/me/notices")).toHaveLength(3);
    expect(alert.textContent).toContain("お知らせを表示できませんでした。");
    await user.click(within(alert).getByRole("button", { name: "再試行" }));
    expect(await screen.findByText("執行パスワードのご案内")).toBeTruthy();
  });

  it("a protected call answering session_expired sends the customer to /login with the message", async () => {
    mockApi({
      "GET /api/session": [json(authenticatedSession), json({ authenticated: false, reason: "session_expired" })],
      "GET /api/me/credentials": errorJson("session_expired", errorMessages.session_expired, 401),
      "GET /api/me/notices": errorJson("session_expired", errorMessages.session_expired, 401),
    });
    const { router, queryClient } = renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: "ログイン" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/login");
    expect(router.state.location.search).toBe("?reason=session_expired");
    expect(screen.getByText(errorMessages.session_expired)).toBeTruthy();
    // Nothing of the previous customer's stays in memory.
    await waitFor(() => expect(queryClient.getQueryCache().findAll({ queryKey: ["me"] })).toHaveLength(0));
  });

  it("ログアウト ends the session server-side and shows ログアウトしました。", async () => {
    const { requests } = mockApi({
      "GET /api/session": [json(authenticatedSession), json({ authenticated: false })],
      "GET /api/me/credentials": json(ownPassword),
      "GET /api/me/notices": json(notices),
      "DELETE /api/session": new Response(null, { status: 204 }),
    });
    const { user, router, queryClient } = renderApp("/");
    await user.click(await screen.findByRole("button", { name: "ログアウト" }));

    expect(await screen.findByText("ログアウトしました。")).toBeTruthy();
    expect(router.state.location.pathname).toBe("/login");
    const logout = requests.find((request) => request.method === "DELETE");
    expect(logout?.headers.get("X-CSRF")).toBe("1");
    await waitFor(() => expect(queryClient.getQueryCache().findAll({ queryKey: ["me"] })).toHaveLength(0));
  });

  it("ログイン履歴 shows a table in Japan time", async () => {
    mockApi({ "GET /api/session": json(authenticatedSession), "GET /api/me/login-history": json(loginHistory) });
    const { user } = renderApp("/");
    // Navigate through the menu, as a customer would.
    mockApi({ "GET /api/session": json(authenticatedSession), "GET /api/me/login-history": json(loginHistory) });
    await user.click(await screen.findByRole("link", { name: "ログイン履歴" }));

    expect(await screen.findByRole("heading", { level: 1, name: "ログイン履歴" })).toBeTruthy();
    const table = await screen.findByRole("table");
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((cell) => cell.textContent);
    expect(headers).toEqual(["日時", "結果", "IPアドレス", "ブラウザ"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[0]?.textContent)).toEqual([
      "2026/11/25 16:04:05",
      "2026/11/25 08:59:59",
    ]);
    expect(rows[0]?.textContent).toContain("成功");
    expect(rows[0]?.textContent).toContain("203.0.113.5");
    expect(rows[0]?.textContent).toContain("Chrome 131（Windows）");
    expect(rows[1]?.textContent).toContain("失敗");
  });
});

describe("errors", () => {
  it("unknown URLs get a 404 page with a way back to 会員トップ", async () => {
    mockApi({});
    renderApp("/no-such-page");
    expect(await screen.findByRole("heading", { level: 1, name: "ページが見つかりません" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "会員トップへ戻る" }).getAttribute("href")).toBe("/");
  });

  it("an outage while loading a page says so in Japanese and 再試行 recovers", async () => {
    mockApi({
      "GET /api/session": [
        errorJson("upstream_unavailable", errorMessages.upstream_unavailable, 503, {
          retryable: true,
          requestId: "r-9",
        }),
        errorJson("upstream_unavailable", errorMessages.upstream_unavailable, 503, {
          retryable: true,
          requestId: "r-9",
        }),
        errorJson("upstream_unavailable", errorMessages.upstream_unavailable, 503, {
          retryable: true,
          requestId: "r-9",
        }),
        json(authenticatedSession),
      ],
      "GET /api/me/credentials": json(ownPassword),
      "GET /api/me/notices": json({ notices: [] }),
    });
    const { user } = renderApp("/");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(errorMessages.upstream_unavailable);
    expect(alert.textContent).toContain("r-9");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("サービスに接続できません");
    expect(document.body.textContent).not.toMatch(/at |Error:/);

    await user.click(within(alert).getByRole("button", { name: "再試行" }));
    expect(await screen.findByRole("heading", { level: 1, name: "会員トップ" })).toBeTruthy();
  });
});
