import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { demoMailSettings, withdrawalCodeOnMailSettings } from "../testing/fixtures.ts";
import { authenticatedSession, json, mockApi, stepUpChallenge, stepUpRequired, verified } from "../testing/mock-api.ts";
import { currentStep, field, main } from "../testing/queries.ts";
import { renderApp } from "../testing/render-app.tsx";

// Only 取引(約定)通知 on, both addresses; then 出金認証コード通知メール on for メールアドレス2.
const mailSettings = demoMailSettings;
const codeOnToSecond = withdrawalCodeOnMailSettings;

type Routes = Parameters<typeof mockApi>[0];

async function pressWhenReady(user: ReturnType<typeof renderApp>["user"], name: string, password = "Rk7m2x") {
  const button = await screen.findByRole("button", { name });
  await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
  await user.type(field("執行パスワード"), password);
  await user.click(button);
}

/** ① 口座管理 ② メールサービス配信設定, past the viewing step-up. */
async function openMailSettings(routes: Routes = {}) {
  const api = mockApi({
    "GET /api/session": json(authenticatedSession),
    "GET /api/me/mail-settings": [stepUpRequired(), json(mailSettings), json(codeOnToSecond)],
    "POST /api/step-up/challenges": stepUpChallenge(),
    "POST /api/step-up/verifications": verified(),
    ...routes,
  });
  const app = renderApp("/account/mail-settings");
  await screen.findByRole("heading", { level: 1, name: "メールサービス配信設定" });
  await pressWhenReady(app.user, "表示する");
  await screen.findByRole("table");
  return { ...api, ...app };
}

describe("メールサービス配信設定の変更 (notice §3 ③–⑨)", () => {
  it("turns 出金認証コード通知メール on for the second address, as in the notice", async () => {
    const { user, requests } = await openMailSettings({ "PUT /api/me/mail-settings": json(codeOnToSecond) });

    // ③ each row's type is a radio named by its label; ④ 変更する.
    const radios = screen.getAllByRole("radio");
    expect(radios.map((radio) => radio.getAttribute("value"))).toEqual([
      "login_notification",
      "trade_execution",
      "fund_execution",
      "withdrawal_completed",
      "account_info_changed",
      "withdrawal_auth_code",
      "view_auth_code",
    ]);
    expect(screen.getByRole("group", { name: "変更するメールを選択してください" })).toBeTruthy();
    await user.click(screen.getByRole("radio", { name: "出金認証コード通知メール" }));
    await user.click(screen.getByRole("button", { name: "変更する" }));

    // ⑤ 配信設定 ⑥ 配信先, starting from the current setting.
    expect(await screen.findByRole("heading", { level: 2, name: "出金認証コード通知メールの配信設定" })).toBeTruthy();
    expect(currentStep()).toBe("1入力");
    const enabled = screen.getByRole("group", { name: "配信設定" });
    expect((within(enabled).getByRole("radio", { name: "配信不要" }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(enabled).getByRole("radio", { name: "配信中" }));
    const destination = screen.getByRole("group", { name: "配信先" });
    expect(
      within(destination)
        .getAllByRole("radio")
        .map((radio) => radio.getAttribute("value")),
    ).toEqual(["1", "2"]);
    expect((within(destination).getByRole("radio", { name: "taro@example.jp" }) as HTMLInputElement).checked).toBe(
      true,
    );
    await user.click(within(destination).getByRole("radio", { name: "taro.m@example.jp" }));
    // ⑦ 変更確認
    await user.click(screen.getByRole("button", { name: "変更確認" }));

    // ⑧ 執行パスワード ⑨ 変更する, with 種類 / 配信設定 / 配信先 to confirm.
    const heading = await screen.findByRole("heading", { level: 2, name: "変更内容の確認" });
    expect(document.activeElement).toBe(heading);
    expect(currentStep()).toBe("2確認");
    const summary = main().querySelector("dl") as HTMLElement;
    expect([...summary.querySelectorAll("dt")].map((term) => term.textContent)).toEqual(["種類", "配信設定", "配信先"]);
    expect(summary.textContent).toContain("出金認証コード通知メール");
    expect(summary.textContent).toContain("変更前配信不要");
    expect(summary.textContent).toContain("変更後配信中");
    expect(summary.textContent).toContain("変更後taro.m@example.jp");
    await pressWhenReady(user, "変更する");

    expect(await screen.findByRole("heading", { level: 2, name: "出金認証コード通知メール設定完了" })).toBeTruthy();
    expect(screen.getByText("次回より、出金申込時に認証コードが必要になります")).toBeTruthy();
    expect(currentStep()).toBe("3完了");

    const change = { type: "withdrawal_auth_code", enabled: true, destination: 2 };
    const challenge = requests.filter((request) => request.path === "/api/step-up/challenges").at(-1);
    expect(challenge?.body).toEqual({ operation: "change_mail_settings", payload: change });
    const puts = requests.filter((request) => request.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]?.path).toBe("/api/me/mail-settings");
    expect(puts[0]?.body).toEqual(change);
    expect(puts[0]?.headers.get("X-CSRF")).toBe("1");
    expect(puts[0]?.headers.get("Idempotency-Key")).toMatch(/^[A-Za-z0-9_-]{32}$/);

    // The settings query was refreshed: the list shows the new state.
    await user.click(screen.getByRole("button", { name: "配信設定の一覧に戻る" }));
    const row = (await screen.findByRole("radio", { name: "出金認証コード通知メール" })).closest("tr") as HTMLElement;
    expect(row.textContent).toBe("出金認証コード通知メール配信中taro.m@example.jp");
    expect(
      requests.filter((request) => request.path === "/api/me/mail-settings" && request.method === "GET"),
    ).toHaveLength(3);
  });

  it("says plainly that 配信不要 for 出金認証コード通知メール removes the second factor (issue 17)", async () => {
    const codeOn = {
      ...mailSettings,
      settings: mailSettings.settings.map((setting) =>
        setting.type === "withdrawal_auth_code" ? { ...setting, enabled: true } : setting,
      ),
    };
    const { user } = await openMailSettings({ "GET /api/me/mail-settings": [stepUpRequired(), json(codeOn)] });
    await user.click(screen.getByRole("radio", { name: "出金認証コード通知メール" }));
    await user.click(screen.getByRole("button", { name: "変更する" }));
    const enabled = await screen.findByRole("group", { name: "配信設定" });
    expect(screen.queryByText(/2つ目の確認がなくなります/)).toBeNull();
    await user.click(within(enabled).getByRole("radio", { name: "配信不要" }));
    expect(await screen.findByText("2つ目の確認がなくなります")).toBeTruthy();
    expect(screen.getByText(/出金のときの確認は執行パスワードだけになり/)).toBeTruthy();
    await user.click(within(enabled).getByRole("radio", { name: "配信中" }));
    expect(screen.queryByText("2つ目の確認がなくなります")).toBeNull();
  });

  it("says which mail to choose when 変更する is pressed with none, and sends nothing", async () => {
    const { user, requests } = await openMailSettings();
    await user.click(screen.getByRole("button", { name: "変更する" }));
    expect(await screen.findByText("変更するメールを選択してください。")).toBeTruthy();
    const first = screen.getByRole("radio", { name: "ログイン通知" });
    expect(first.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(first);
    expect(screen.queryByRole("group", { name: "配信設定" })).toBeNull();
    expect(requests.filter((request) => request.method === "PUT")).toHaveLength(0);
  });

  it("refuses to confirm an unchanged setting; 戻る keeps the choices", async () => {
    const { user, requests } = await openMailSettings();
    await user.click(screen.getByRole("radio", { name: "照会用認証コード" }));
    await user.click(screen.getByRole("button", { name: "変更する" }));
    await screen.findByRole("group", { name: "配信設定" });
    await user.click(screen.getByRole("button", { name: "変更確認" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "変更内容がありません。配信設定または配信先を変更してください。",
    );

    await user.click(within(screen.getByRole("group", { name: "配信設定" })).getByRole("radio", { name: "配信中" }));
    await user.click(screen.getByRole("button", { name: "変更確認" }));
    await screen.findByRole("heading", { level: 2, name: "変更内容の確認" });
    await user.click(await screen.findByRole("button", { name: "戻る" }));

    const enabled = await screen.findByRole("group", { name: "配信設定" });
    expect((within(enabled).getByRole("radio", { name: "配信中" }) as HTMLInputElement).checked).toBe(true);
    expect(requests.filter((request) => request.method === "PUT")).toHaveLength(0);
  });

  it("turning a notification off says it will not be sent, and a double click changes once", async () => {
    const loginOn = {
      ...mailSettings,
      settings: mailSettings.settings.map((setting) =>
        setting.type === "login_notification" ? { ...setting, enabled: true } : setting,
      ),
    };
    const { user, requests } = await openMailSettings({
      "GET /api/me/mail-settings": [stepUpRequired(), json(loginOn)],
      "PUT /api/me/mail-settings": json(mailSettings),
    });
    await user.click(screen.getByRole("radio", { name: "ログイン通知" }));
    await user.click(screen.getByRole("button", { name: "変更する" }));
    await user.click(
      within(await screen.findByRole("group", { name: "配信設定" })).getByRole("radio", { name: "配信不要" }),
    );
    await user.click(screen.getByRole("button", { name: "変更確認" }));

    const button = await screen.findByRole("button", { name: "変更する" });
    await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
    await user.type(field("執行パスワード"), "Rk7m2x");
    fireEvent.click(button);
    fireEvent.click(button);

    expect(await screen.findByRole("heading", { level: 2, name: "ログイン通知設定完了" })).toBeTruthy();
    expect(screen.getByText("次回より、ログイン通知はお送りしません")).toBeTruthy();
    expect(requests.filter((request) => request.method === "PUT")).toHaveLength(1);
  });
});
