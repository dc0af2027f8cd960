import { errorMessage, errorMessages } from "@kakunin/contracts/error-body";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { demoNotices, demoWithdrawalOverview } from "../testing/fixtures.ts";
import { authenticatedSession, credentialStatus, errorJson, json, mockApi } from "../testing/mock-api.ts";
import { main } from "../testing/queries.ts";
import { renderApp } from "../testing/render-app.tsx";
import { tradingNotStopped, tradingStopped } from "../testing/trading-stop-fixtures.ts";

type Routes = Parameters<typeof mockApi>[0];

/** core's account_stopped, naming the support number as core's message does. */
const stoppedMessage = errorMessage("account_stopped", "ja", { phone: "0120-000-000" });

function open(path: string, routes: Routes = {}) {
  const api = mockApi({
    "GET /api/session": json(authenticatedSession),
    "GET /api/me/credentials": json(credentialStatus()),
    "GET /api/me/notices": json(demoNotices),
    "GET /api/me/trading-stop": json(tradingNotStopped),
    ...routes,
  });
  return { ...api, ...renderApp(path) };
}

describe("取引停止 (R33)", () => {
  it("is under 口座管理, and stops after one confirmation without a password", async () => {
    const { user, requests } = open("/", { "POST /api/me/trading-stop": json(tradingStopped) });
    const menu = await screen.findByRole("navigation", { name: "メニュー" });
    const link = within(within(menu).getByRole("list", { name: "口座管理" })).getByRole("link", { name: "取引停止" });
    expect(link.getAttribute("href")).toBe("/account/trading-stop");
    await user.click(link);
    expect(await screen.findByRole("heading", { level: 1, name: "取引停止" })).toBeTruthy();

    await user.click(await screen.findByRole("button", { name: "取引を停止する" }));
    const confirmation = await screen.findByRole("heading", { level: 2, name: "取引停止の確認" });
    expect(document.activeElement).toBe(confirmation);
    expect(main().textContent).toContain("お客様サポートセンター（0120-000-000）");
    expect(main().querySelector("input")).toBeNull(); // no password: stopping must be easy

    // 戻る changes nothing; the stop is sent only from the confirmation.
    await user.click(screen.getByRole("button", { name: "戻る" }));
    await user.click(await screen.findByRole("button", { name: "取引を停止する" }));
    expect(requests.filter((r) => r.method === "POST")).toEqual([]);
    await user.click(await screen.findByRole("button", { name: "停止する" }));

    expect(await screen.findByRole("heading", { level: 2, name: "取引を停止しました" })).toBeTruthy();
    expect(main().textContent).toContain("取引停止中");
    expect(main().textContent).toContain("2026/11/25 16:04:05");
    expect(main().textContent).toContain("他の端末でのログインはすべて終了しました。");
    const posts = requests.filter((r) => r.method === "POST" && r.path === "/api/me/trading-stop");
    expect(posts.map((r) => r.body)).toEqual([{ confirm: true }]);
  });

  it("a stopped account shows that it is stopped and offers no second stop", async () => {
    open("/account/trading-stop", { "GET /api/me/trading-stop": json(tradingStopped) });
    expect(await screen.findByText("取引停止中")).toBeTruthy();
    expect(main().textContent).toContain("0120-000-000");
    expect(screen.queryByRole("button", { name: "取引を停止する" })).toBeNull();
  });

  it("a refused stop shows the server's message on the confirmation", async () => {
    const { user } = open("/account/trading-stop", {
      "POST /api/me/trading-stop": errorJson("upstream_unavailable", errorMessages.upstream_unavailable, 503),
    });
    await user.click(await screen.findByRole("button", { name: "取引を停止する" }));
    await user.click(await screen.findByRole("button", { name: "停止する" }));
    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages.upstream_unavailable);
    expect(screen.getByRole("heading", { level: 2, name: "取引停止の確認" })).toBeTruthy();
  });

  it("会員トップ shows a prominent 取引停止中 alert with the number to call, only while stopped", async () => {
    open("/", { "GET /api/me/trading-stop": json(tradingStopped) });
    const alert = (await screen.findByText("取引停止中")).closest(".kk-alert") as HTMLElement;
    expect(alert.textContent).toContain("お客様サポートセンター（0120-000-000）");
    expect(alert.textContent).toContain("2026/11/25 16:04:05");
  });

  it("会員トップ shows no alert when trading is not stopped", async () => {
    open("/");
    await screen.findByText(/いつもご利用いただきありがとうございます/);
    await screen.findByText(demoNotices.notices[0]?.title ?? "");
    expect(screen.queryByText("取引停止中")).toBeNull();
  });

  it("a withdrawal refused while stopped shows core's message with the number", async () => {
    const { user } = open("/withdrawal", {
      "GET /api/me/withdrawals/overview": json(demoWithdrawalOverview),
      "POST /api/step-up/challenges": errorJson("account_stopped", stoppedMessage, 403),
    });
    await user.type(await screen.findByLabelText("出金金額", { selector: "input" }), "10000");
    await user.click(screen.getByRole("button", { name: "出金確認" }));
    expect((await screen.findByRole("alert")).textContent).toContain(stoppedMessage);
    // Nothing to confirm: no password is asked for a withdrawal that cannot happen.
    expect(screen.queryByLabelText("執行パスワード", { selector: "input" })).toBeNull();
    expect(screen.queryByRole("button", { name: "出金する" })).toBeNull();
  });
});
