import { errorMessages } from "@kakunin/contracts/error-body";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { activateLocale } from "../lib/i18n/catalog.ts";
import { demoLoginHistory, demoNotices } from "../testing/fixtures.ts";
import { authenticatedSession, credentialStatus, errorJson, json, mockApi } from "../testing/mock-api.ts";
import { renderApp } from "../testing/render-app.tsx";

const ownPassword = credentialStatus({
  executionPassword: { isInitial: false, changedAt: "2026-11-20T00:00:00.000Z" },
});

/** A session the server says ends `seconds` after its own clock (the browser's clock does not matter). */
function sessionEndingIn(seconds: number) {
  return {
    ...authenticatedSession,
    serverTime: "2020-01-01T00:00:00.000Z",
    idleExpiresAt: new Date(Date.parse("2020-01-01T00:00:00.000Z") + seconds * 1000).toISOString(),
  };
}

const memberTop = {
  "GET /api/me/credentials": json(ownPassword),
  "GET /api/me/notices": json(demoNotices),
};

describe("自動ログアウト warning (issue 15)", () => {
  it("two minutes before the idle timeout asks to extend; 延長する extends and closes it, focus back on the page", async () => {
    const { requests } = mockApi({
      ...memberTop,
      "GET /api/session": json(sessionEndingIn(100)),
      "POST /api/session/extension": json(sessionEndingIn(1800)),
    });
    const { user } = renderApp("/");
    const dialog = await screen.findByRole("alertdialog", { name: "まもなく自動ログアウトします" });
    expect(within(dialog).getByRole("timer").textContent).toMatch(/残り 1分\d+秒/);
    const extend = within(dialog).getByRole("button", { name: "延長する" });
    expect(document.activeElement).toBe(extend);
    await user.click(extend);
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(requests.filter((r) => r.method === "POST").map((r) => r.path)).toEqual(["/api/session/extension"]);
    expect(requests.find((r) => r.path === "/api/session/extension")?.headers.get("X-CSRF")).toBe("1");
  });

  it("speaks English when the page does", async () => {
    await activateLocale("en");
    try {
      mockApi({ ...memberTop, "GET /api/session": json(sessionEndingIn(100)) });
      renderApp("/");
      const dialog = await screen.findByRole("alertdialog", { name: "You will soon be logged out" });
      const timer = within(dialog).getByRole("timer", { name: "Time left before automatic logout" });
      expect(timer.textContent).toMatch(/^Time left: 1 min \d+ s$/);
      expect(within(dialog).getByRole("button", { name: "Stay logged in" })).toBeTruthy();
      expect(within(dialog).getByRole("button", { name: "Log out" })).toBeTruthy();
    } finally {
      await activateLocale("ja");
    }
  });

  it("shows nothing while more than two minutes are left", async () => {
    mockApi({ ...memberTop, "GET /api/session": json(sessionEndingIn(125)) });
    renderApp("/");
    await screen.findByRole("heading", { level: 1, name: "会員トップ" });
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("at the deadline asks the BFF, and its 'expired' goes to ログイン with the way back to this screen", async () => {
    mockApi({
      ...memberTop,
      "GET /api/session": [json(sessionEndingIn(1)), json({ authenticated: false, reason: "session_expired" })],
    });
    const { router } = renderApp("/");
    await waitFor(() => expect(router.state.location.pathname).toBe("/login"), { timeout: 4_000 });
    expect(router.state.location.search).toBe("?reason=session_expired");
    expect(await screen.findByText(errorMessages.session_expired)).toBeTruthy();
  });

  it("ログアウト in the warning logs out", async () => {
    const { requests } = mockApi({
      ...memberTop,
      "GET /api/session": [json(sessionEndingIn(60)), json({ authenticated: false })],
      "DELETE /api/session": new Response(null, { status: 204 }),
    });
    const { user, router } = renderApp("/");
    const dialog = await screen.findByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "ログアウト" }));
    await waitFor(() => expect(router.state.location.search).toBe("?reason=logged_out"));
    expect(requests.some((r) => r.method === "DELETE")).toBe(true);
  });
});

describe("returning after the session ended (issue 15)", () => {
  it("a call answering session_revoked goes to ログイン with the message; logging in returns to the screen", async () => {
    mockApi({
      "GET /api/session": [json(authenticatedSession), json({ authenticated: false, reason: "session_revoked" })],
      "GET /api/me/credentials": json(ownPassword),
      "GET /api/me/login-history": [
        errorJson("session_revoked", errorMessages.session_revoked, 401),
        json(demoLoginHistory),
      ],
      "POST /api/session": json(authenticatedSession),
    });
    const { router, user } = renderApp("/account/login-history");
    expect(await screen.findByText(errorMessages.session_revoked)).toBeTruthy();
    expect(router.state.location.pathname).toBe("/login");
    expect(new URLSearchParams(router.state.location.search).get("returnTo")).toBe("/account/login-history");
    await user.type(await screen.findByLabelText("お客様コード"), "1000001");
    await user.type(screen.getByLabelText("ログインパスワード"), "Kiso8pine3");
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/account/login-history"));
  });

  it("an outside returnTo is ignored: logging in lands on 会員トップ", async () => {
    mockApi({
      "GET /api/session": json({ authenticated: false }),
      "POST /api/session": json(authenticatedSession),
      ...memberTop,
    });
    const { router, user } = renderApp("/login?reason=session_expired&returnTo=%2F%2Fevil.example%2F");
    await user.type(await screen.findByLabelText("お客様コード"), "1000001");
    await user.type(screen.getByLabelText("ログインパスワード"), "Kiso8pine3");
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    expect(await screen.findByRole("heading", { level: 1, name: "会員トップ" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/");
  });
});
