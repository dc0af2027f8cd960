import { errorMessages } from "@kakunin/contracts/error-body";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { authenticatedSession, credentialStatus, errorJson, json, mockApi } from "../testing/mock-api.ts";
import { main } from "../testing/queries.ts";
import { renderApp } from "../testing/render-app.tsx";
import { afterPhoneEnded, onlyThisSession, phoneSession, threeSessions } from "../testing/session-fixtures.ts";

type Routes = Parameters<typeof mockApi>[0];

async function openSessions(routes: Routes) {
  const api = mockApi({
    "GET /api/session": json(authenticatedSession),
    "GET /api/me/credentials": json(credentialStatus()),
    ...routes,
  });
  const app = renderApp("/account/sessions");
  await screen.findByRole("heading", { level: 1, name: "ログイン中の端末" });
  return { ...api, ...app };
}

const rows = async () => {
  const table = await screen.findByRole("table", { name: /ログイン中の端末/ });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent));
};

describe("ログイン中の端末 (R32)", () => {
  it("lists each session with its device, IP and times in JST, この端末 first and without a ログアウト of its own", async () => {
    await openSessions({ "GET /api/me/sessions": json(threeSessions) });
    expect(await rows()).toEqual([
      ["Chrome 131（Windows 10） この端末", "203.0.113.7", "2026/11/25 15:30:00", "2026/11/25 16:04:05", "ご利用中"],
      ["Safari 17（iOS 17.5）", "198.51.100.23", "2026/11/25 12:10:00", "2026/11/25 12:45:12", "ログアウト"],
      ["不明な端末", "192.0.2.200", "2026/11/25 10:00:00", "2026/11/25 10:02:00", "ログアウト"],
    ]);
    expect(screen.getByRole("button", { name: "他の端末をすべてログアウト" })).toBeTruthy();
  });

  it("with only this session, says so and offers nothing to end", async () => {
    await openSessions({ "GET /api/me/sessions": json(onlyThisSession) });
    expect(await screen.findByText("この端末のほかにログインしている端末はありません。")).toBeTruthy();
    // The menu's own ログアウト (of this browser) aside, the screen offers none.
    expect(within(main()).queryByRole("button", { name: /ログアウト/ })).toBeNull();
  });

  it("ends one session after one question (no password), then shows the list without it", async () => {
    const { user, requests } = await openSessions({
      "GET /api/me/sessions": [json(threeSessions), json(afterPhoneEnded)],
      [`POST /api/me/sessions/${phoneSession.handle}/logout`]: json({ ended: 1 }),
    });
    await user.click(await screen.findByRole("button", { name: "Safari 17（iOS 17.5）をログアウト" }));
    const dialog = await screen.findByRole("dialog", { name: "この端末をログアウトしますか" });
    expect(dialog.textContent).toContain("Safari 17（iOS 17.5）（IPアドレス 198.51.100.23）をログアウトします。");
    expect(within(dialog).queryByLabelText(/パスワード/)).toBeNull();
    // Nothing is sent before the customer confirms.
    expect(requests.some((r) => r.method === "POST")).toBe(false);
    await user.click(within(dialog).getByRole("button", { name: "ログアウトする" }));
    expect(await screen.findByText("Safari 17（iOS 17.5）をログアウトしました。")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(async () =>
      expect((await rows()).map((r) => r[0])).toEqual(["Chrome 131（Windows 10） この端末", "不明な端末"]),
    );
    const post = requests.find((r) => r.method === "POST");
    expect(post?.path).toBe(`/api/me/sessions/${phoneSession.handle}/logout`);
    expect(post?.headers.get("X-CSRF")).toBe("1");
  });

  it("キャンセル closes the question and ends nothing", async () => {
    const { user, requests } = await openSessions({ "GET /api/me/sessions": json(threeSessions) });
    await user.click(await screen.findByRole("button", { name: "他の端末をすべてログアウト" }));
    const dialog = await screen.findByRole("dialog", { name: "他の端末をすべてログアウトしますか" });
    expect(dialog.textContent).toContain("この端末以外の2台の端末をログアウトします。");
    await user.click(within(dialog).getByRole("button", { name: "キャンセル" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("他の端末をすべてログアウト ends the others and says how many", async () => {
    const { user, requests } = await openSessions({
      "GET /api/me/sessions": [json(threeSessions), json(onlyThisSession)],
      "POST /api/me/sessions/logout-others": json({ ended: 2 }),
    });
    await user.click(await screen.findByRole("button", { name: "他の端末をすべてログアウト" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "すべてログアウトする" }));
    expect(await screen.findByText("他の端末（2台）をすべてログアウトしました。")).toBeTruthy();
    expect(await screen.findByText("この端末のほかにログインしている端末はありません。")).toBeTruthy();
    expect(requests.filter((r) => r.method === "POST").map((r) => r.path)).toEqual(["/api/me/sessions/logout-others"]);
  });

  it("a session that already ended is said so, and the list is read again", async () => {
    const { user, requests } = await openSessions({
      "GET /api/me/sessions": [json(threeSessions), json(afterPhoneEnded)],
      [`POST /api/me/sessions/${phoneSession.handle}/logout`]: errorJson(
        "session_not_found",
        errorMessages.session_not_found,
        404,
      ),
    });
    await user.click(await screen.findByRole("button", { name: "Safari 17（iOS 17.5）をログアウト" }));
    await user.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "ログアウトする" }));
    expect(await screen.findByText(errorMessages.session_not_found)).toBeTruthy();
    await waitFor(() => expect(requests.filter((r) => r.path === "/api/me/sessions")).toHaveLength(2));
    // The refreshed list no longer offers the ended session.
    await waitFor(() => expect(screen.queryByRole("button", { name: "Safari 17（iOS 17.5）をログアウト" })).toBeNull());
    expect(screen.getByRole("button", { name: "不明な端末をログアウト" })).toBeTruthy();
  });

  it("the list that cannot be read says so with 再試行", async () => {
    await openSessions({
      "GET /api/me/sessions": errorJson("upstream_unavailable", errorMessages.upstream_unavailable, 503, {
        retryable: false,
      }),
    });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("ログイン中の端末を表示できませんでした。");
    expect(within(alert).getByRole("button", { name: "再試行" })).toBeTruthy();
    expect(within(main()).queryByRole("table")).toBeNull();
  });
});
