import { errorMessages } from "@kakunin/contracts/error-body";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  authenticatedSession,
  demoProfile,
  errorJson,
  json,
  mockApi,
  stepUpChallenge,
  stepUpRequired,
  verified,
} from "../testing/mock-api.ts";
import { field, main } from "../testing/queries.ts";
import { renderApp } from "../testing/render-app.tsx";

const openings = {
  accounts: [
    { kind: "総合口座", status: "開設済", appliedOn: "2020-03-25", openedOn: "2020-04-01" },
    { kind: "NISA口座", status: "審査中", appliedOn: "2026-11-20", openedOn: null },
  ],
};

const emails = { addresses: [{ position: 1, address: "taro@example.jp" }] };

const mailSettings = {
  addresses: [
    { position: 1, address: "taro@example.jp" },
    { position: 2, address: "taro.m@example.jp" },
  ],
  settings: [
    { type: "view_auth_code", label: "照会用認証コード", enabled: false, destination: 1 },
    { type: "login_notification", label: "ログイン通知", enabled: true, destination: 2 },
    { type: "trade_execution", label: "取引(約定)通知", enabled: true, destination: 1 },
    { type: "fund_execution", label: "投信約定通知メール", enabled: false, destination: 1 },
    { type: "withdrawal_completed", label: "出金申込完了通知メール", enabled: false, destination: 1 },
    { type: "account_info_changed", label: "口座情報変更完了通知メール", enabled: false, destination: 1 },
    { type: "withdrawal_auth_code", label: "出金認証コード通知メール", enabled: false, destination: 1 },
  ],
};

async function openPage(path: string, title: string, routes: Parameters<typeof mockApi>[0]) {
  const api = mockApi({
    "GET /api/session": json(authenticatedSession),
    "POST /api/step-up/challenges": stepUpChallenge(),
    "POST /api/step-up/verifications": verified(),
    ...routes,
  });
  const app = renderApp(path);
  await screen.findByRole("heading", { level: 1, name: title });
  return { ...api, ...app };
}

/** Waits for the confirmation to be usable, types the password and presses 表示する. */
async function confirmView(user: ReturnType<typeof renderApp>["user"], password = "Rk7m2x") {
  const button = await screen.findByRole("button", { name: "表示する" });
  await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
  await user.type(field("執行パスワード"), password);
  await user.click(button);
}

describe("口座管理 menu", () => {
  it("lists the four 登録情報 screens first, then 出金先口座変更 and the password screens", async () => {
    await openPage("/account/openings", "口座開設状況照会", {
      "GET /api/me/account-openings": stepUpRequired(),
    });
    const menu = screen.getByRole("navigation", { name: "メニュー" });
    const group = within(menu).getByRole("list", { name: "口座管理" });
    expect(
      within(group)
        .getAllByRole("link")
        .map((link) => [link.textContent, link.getAttribute("href")]),
    ).toEqual([
      ["口座情報照会／変更", "/account/profile"],
      ["口座開設状況照会", "/account/openings"],
      ["メールアドレス登録", "/account/emails"],
      ["メールサービス配信設定", "/account/mail-settings"],
      ["出金先口座変更", "/account/bank-account"],
      ["パスキー設定", "/account/passkeys"],
      ["執行パスワード変更", "/account/execution-password"],
      ["ログインパスワード変更", "/account/login-password"],
      ["ログイン履歴", "/account/login-history"],
      ["ログイン中の端末", "/account/sessions"],
      ["取引停止", "/account/trading-stop"],
    ]);
  });
});

describe("口座情報照会／変更", () => {
  it("shows nothing registered before the execution password, then the profile", async () => {
    const { user, requests } = await openPage("/account/profile", "口座情報照会／変更", {
      "GET /api/me/profile": [stepUpRequired(), json(demoProfile)],
    });
    expect(await within(main()).findByText("登録情報を表示するには、執行パスワードを入力してください。")).toBeTruthy();
    expect(within(main()).getByText("照会内容: 口座情報照会／変更")).toBeTruthy();
    expect(main().textContent).not.toContain("東京都");
    expect(main().textContent).not.toContain("ヤマダ");
    expect(within(main()).getByText("入力後5分間は、登録情報の各画面を続けて表示できます。")).toBeTruthy();

    await confirmView(user);

    expect(await within(main()).findByText("東京都渋谷区渋谷2-24-12")).toBeTruthy();
    const details = main().querySelector("dl") as HTMLElement;
    const terms = [...details.querySelectorAll("dt")].map((term) => term.textContent);
    expect(terms).toEqual(["氏名", "フリガナ", "生年月日", "郵便番号", "住所", "電話番号", "出金先口座"]);
    expect(details.textContent).toContain("山田 太郎");
    expect(details.textContent).toContain("ヤマダ タロウ");
    expect(details.textContent).toContain("1980年1月15日");
    expect(details.textContent).toContain("150-0002");
    expect(details.textContent).toContain("090-1234-5678");
    expect(details.textContent).toContain("三井住友銀行 渋谷支店");
    expect(details.textContent).toContain("普通 ****567");
    expect(screen.getAllByRole("button", { name: "変更する" })).toHaveLength(1);
    expect(screen.queryByLabelText("執行パスワード")).toBeNull();
    expect(requests.filter((request) => request.path === "/api/me/profile")).toHaveLength(2);
  });

  it("asks again when a refetch finds the viewing window over", async () => {
    const { user, queryClient } = await openPage("/account/profile", "口座情報照会／変更", {
      "GET /api/me/profile": [stepUpRequired(), json(demoProfile), stepUpRequired()],
    });
    await confirmView(user);
    expect(await within(main()).findByText("東京都渋谷区渋谷2-24-12")).toBeTruthy();

    await act(() => queryClient.refetchQueries({ queryKey: ["me", "registered-info", "profile"] }));

    expect(await screen.findByLabelText("執行パスワード", { selector: "input" })).toBeTruthy();
    expect(main().textContent).not.toContain("東京都");
  });

  it("one confirmation opens the other screens; once the window is over, the next screen asks again", async () => {
    const { user } = await openPage("/account/profile", "口座情報照会／変更", {
      "GET /api/me/profile": [stepUpRequired(), json(demoProfile)],
      "GET /api/me/account-openings": json(openings),
      "GET /api/me/emails": stepUpRequired(),
    });
    await confirmView(user);
    await within(main()).findByText("東京都渋谷区渋谷2-24-12");

    const menu = screen.getByRole("navigation", { name: "メニュー" });
    await user.click(within(menu).getByRole("link", { name: "口座開設状況照会" }));
    await screen.findByRole("heading", { level: 1, name: "口座開設状況照会" });
    expect(await screen.findByRole("table")).toBeTruthy();
    expect(screen.queryByLabelText("執行パスワード")).toBeNull();

    await user.click(within(menu).getByRole("link", { name: "メールアドレス登録" }));
    await screen.findByRole("heading", { level: 1, name: "メールアドレス登録" });
    expect(await screen.findByLabelText("執行パスワード", { selector: "input" })).toBeTruthy();
    expect(within(main()).getByText("照会内容: メールアドレス登録")).toBeTruthy();
  });

  it("a wrong password keeps the data hidden and says how many tries are left", async () => {
    const { user } = await openPage("/account/profile", "口座情報照会／変更", {
      "GET /api/me/profile": stepUpRequired(),
      "POST /api/step-up/verifications": errorJson(
        "wrong_execution_password",
        errorMessages.wrong_execution_password,
        422,
        { remainingAttempts: 8 },
      ),
    });
    await confirmView(user, "Wrong1x");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("あと8回間違えると");
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(main().textContent).not.toContain("東京都");
  });

  it("asks for the mailed code too when the customer set 照会用認証コード", async () => {
    const { user, requests } = await openPage("/account/profile", "口座情報照会／変更", {
      "GET /api/me/profile": [stepUpRequired(["execution_password", "auth_code"]), json(demoProfile)],
      "POST /api/step-up/challenges": stepUpChallenge(["execution_password", "auth_code"], {
        codeSentTo: "h***@example.jp",
      }),
    });
    expect(await screen.findByText("h***@example.jp に認証コードを送信しました。")).toBeTruthy();
    expect(screen.getByText("お客様のご設定により、メールでお送りする認証コードの入力も必要です。")).toBeTruthy();
    await user.type(field("認証コード"), "123456");
    await confirmView(user);
    expect(await within(main()).findByText("東京都渋谷区渋谷2-24-12")).toBeTruthy();
    const verification = requests.find((request) => request.path === "/api/step-up/verifications");
    expect(verification?.body).toEqual({ executionPassword: "Rk7m2x", authCode: "123456" });
  });

  it("before enforcement (no step-up asked) shows the data at once", async () => {
    const { requests } = await openPage("/account/profile", "口座情報照会／変更", {
      "GET /api/me/profile": json(demoProfile),
    });
    expect(await within(main()).findByText("東京都渋谷区渋谷2-24-12")).toBeTruthy();
    expect(requests.filter((request) => request.path === "/api/step-up/challenges")).toHaveLength(0);
  });
});

describe("口座情報の変更", () => {
  const changedProfile = { ...demoProfile, address: "東京都新宿区西新宿2-8-1", postalCode: "163-8001" };

  async function reachConfirmation(routes: Parameters<typeof mockApi>[0] = {}) {
    const app = await openPage("/account/profile", "口座情報照会／変更", {
      "GET /api/me/profile": [stepUpRequired(), json(demoProfile), json(changedProfile)],
      ...routes,
    });
    const { user } = app;
    await confirmView(user);
    await within(main()).findByText("東京都渋谷区渋谷2-24-12");

    await user.click(screen.getByRole("button", { name: "変更する" }));
    expect(await screen.findByRole("heading", { level: 2, name: "口座情報の変更" })).toBeTruthy();
    expect(field("郵便番号").value).toBe("150-0002");
    await user.clear(field("郵便番号"));
    await user.type(field("郵便番号"), "1638001");
    await user.clear(field("住所"));
    await user.type(field("住所"), "  東京都新宿区西新宿2-8-1 ");
    await user.click(screen.getByRole("button", { name: "変更確認" }));

    const heading = await screen.findByRole("heading", { level: 2, name: "変更内容の確認" });
    expect(document.activeElement).toBe(heading);
    return app;
  }

  it("confirms exactly what is sent, and a double click changes once under one key", async () => {
    const { user, requests } = await reachConfirmation({
      "PUT /api/me/profile": json({ ...changedProfile, notificationSentTo: "t***@example.jp" }),
    });
    // The summary shows 変更前 → 変更後 for each item.
    const summary = main().querySelector("dl") as HTMLElement;
    expect(summary.textContent).toContain("変更前150-0002");
    expect(summary.textContent).toContain("変更後163-8001");
    expect(summary.textContent).toContain("変更後東京都新宿区西新宿2-8-1");
    expect(summary.textContent).toContain("090-1234-5678（変更なし）");
    expect(screen.getByRole("list", { name: "手続きの流れ" }).querySelector("[aria-current=step]")?.textContent).toBe(
      "2確認",
    );

    const button = await screen.findByRole("button", { name: "変更する" });
    await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
    await user.type(field("執行パスワード"), "Rk7m2x");
    // A double click faster than React re-renders, then another click while it is busy.
    fireEvent.click(button);
    fireEvent.click(button);
    await user.click(button);

    expect(await screen.findByText("口座情報の変更が完了しました")).toBeTruthy();
    // Issue 17 B7: the mail as it went, not 「配信中に設定されている場合は…」.
    expect(main().textContent).toContain("口座情報変更完了通知メールを t***@example.jp にお送りしました。");
    const challenge = requests.filter((request) => request.path === "/api/step-up/challenges").at(-1);
    const expected = { postalCode: "163-8001", address: "東京都新宿区西新宿2-8-1", phone: "090-1234-5678" };
    expect(challenge?.body).toEqual({ operation: "change_profile", payload: expected });
    // One for the view, one for the change.
    expect(requests.filter((request) => request.path === "/api/step-up/verifications")).toHaveLength(2);
    const puts = requests.filter((request) => request.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]?.path).toBe("/api/me/profile");
    expect(puts[0]?.body).toEqual(expected);
    expect(puts[0]?.headers.get("X-CSRF")).toBe("1");
    expect(puts[0]?.headers.get("Idempotency-Key")).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(screen.getByRole("list", { name: "手続きの流れ" }).querySelector("[aria-current=step]")?.textContent).toBe(
      "3完了",
    );

    // The profile query was refreshed through its query options.
    await user.click(screen.getByRole("button", { name: "登録内容に戻る" }));
    expect(await within(main()).findByText("東京都新宿区西新宿2-8-1")).toBeTruthy();
  });

  it("after an outage the retry sends the same body under the same key, without the password again", async () => {
    const { user, requests } = await reachConfirmation({
      "PUT /api/me/profile": [
        errorJson("upstream_unavailable", errorMessages.upstream_unavailable, 503),
        json(changedProfile),
      ],
    });
    const button = await screen.findByRole("button", { name: "変更する" });
    await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);

    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages.upstream_unavailable);
    await user.click(screen.getByRole("button", { name: "変更する" }));
    expect(await screen.findByText("口座情報の変更が完了しました")).toBeTruthy();

    const puts = requests.filter((request) => request.method === "PUT");
    expect(puts).toHaveLength(2);
    expect(puts[1]?.body).toEqual(puts[0]?.body);
    expect(puts[1]?.headers.get("Idempotency-Key")).toBe(puts[0]?.headers.get("Idempotency-Key"));
    // One for the view, one for the change.
    expect(requests.filter((request) => request.path === "/api/step-up/verifications")).toHaveLength(2);
  });

  it("a refused change (grant gone) starts a new confirmation with a new key", async () => {
    const { user, requests } = await reachConfirmation({
      "PUT /api/me/profile": [stepUpRequired(["execution_password"], "change_profile"), json(changedProfile)],
    });
    let button = await screen.findByRole("button", { name: "変更する" });
    await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);

    await waitFor(() =>
      expect(requests.filter((request) => request.path === "/api/step-up/challenges").length).toBe(3),
    );
    button = await screen.findByRole("button", { name: "変更する" });
    await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    expect(await screen.findByText("口座情報の変更が完了しました")).toBeTruthy();

    const puts = requests.filter((request) => request.method === "PUT");
    expect(puts).toHaveLength(2);
    expect(puts[1]?.body).toEqual(puts[0]?.body);
    expect(puts[1]?.headers.get("Idempotency-Key")).not.toBe(puts[0]?.headers.get("Idempotency-Key"));
  });

  it("validates the form with the shared schema and 戻る keeps what was entered", async () => {
    const { user, requests } = await reachConfirmation();
    await user.click(screen.getByRole("button", { name: "戻る" }));
    expect(await screen.findByRole("heading", { level: 2, name: "口座情報の変更" })).toBeTruthy();
    expect(field("住所").value).toBe("東京都新宿区西新宿2-8-1");

    await user.clear(field("電話番号"));
    await user.type(field("電話番号"), "12345");
    await user.click(screen.getByRole("button", { name: "変更確認" }));
    expect(
      await screen.findByText("電話番号は市外局番から半角数字で入力してください（例: 090-1234-5678）。"),
    ).toBeTruthy();
    expect(requests.filter((request) => request.method === "PUT")).toHaveLength(0);
  });
});

describe("口座開設状況照会", () => {
  it("lists each account with its status and dates", async () => {
    const { user } = await openPage("/account/openings", "口座開設状況照会", {
      "GET /api/me/account-openings": [stepUpRequired(), json(openings)],
    });
    expect(screen.queryByRole("table")).toBeNull();
    await confirmView(user);
    const table = await screen.findByRole("table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["口座種別", "状況", "申込日", "開設日"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0]?.textContent).toBe("総合口座開設済2020年3月25日2020年4月1日");
    expect(rows[1]?.textContent).toContain("審査中");
    expect(rows[1]?.textContent).toContain("2026年11月20日");
  });
});

describe("メールアドレス登録", () => {
  it("lists both slots and changes one through its own confirmation", async () => {
    const after = { addresses: [...emails.addresses, { position: 2, address: "taro.m@example.jp" }] };
    const { user, requests } = await openPage("/account/emails", "メールアドレス登録", {
      "GET /api/me/emails": [stepUpRequired(), json(emails)],
      "PUT /api/me/emails": json(after),
    });
    await confirmView(user);
    const list = (await screen.findByText("taro@example.jp")).closest("dl") as HTMLElement;
    expect(list.textContent).toContain("メールアドレス1");
    expect(list.textContent).toContain("メールアドレス2");
    expect(list.textContent).toContain("未登録");
    expect(screen.getByRole("button", { name: "メールアドレス1を変更する" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "メールアドレス2を変更する" }));
    await user.type(await screen.findByLabelText("新しいメールアドレス"), "not-an-address");
    await user.click(screen.getByRole("button", { name: "変更確認" }));
    expect(await screen.findByText("メールアドレスの形式が正しくありません。")).toBeTruthy();
    await user.clear(field("新しいメールアドレス"));
    await user.type(field("新しいメールアドレス"), "taro.m@example.jp");
    await user.click(screen.getByRole("button", { name: "変更確認" }));

    await screen.findByRole("heading", { level: 2, name: "変更内容の確認" });
    expect(main().textContent).toContain("変更後taro.m@example.jp");
    const button = screen.getByRole("button", { name: "変更する" });
    await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);

    expect(await screen.findByText("メールアドレスの変更が完了しました")).toBeTruthy();
    const challenge = requests.filter((request) => request.path === "/api/step-up/challenges").at(-1);
    expect(challenge?.body).toEqual({
      operation: "change_email",
      payload: { position: 2, address: "taro.m@example.jp" },
    });
    const put = requests.find((request) => request.method === "PUT");
    expect(put?.path).toBe("/api/me/emails");
    expect(put?.body).toEqual({ position: 2, address: "taro.m@example.jp" });
    expect(put?.headers.get("Idempotency-Key")).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("tells that both the old and the new address were notified", async () => {
    const { user } = await openPage("/account/emails", "メールアドレス登録", {
      "GET /api/me/emails": json(emails),
      "PUT /api/me/emails": json({ addresses: [{ position: 1, address: "new@example.jp" }] }),
    });
    await user.click(await screen.findByRole("button", { name: "メールアドレス1を変更する" }));
    await user.type(await screen.findByLabelText("新しいメールアドレス"), "new@example.jp");
    await user.click(screen.getByRole("button", { name: "変更確認" }));
    const button = await screen.findByRole("button", { name: "変更する" });
    await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    expect(await screen.findByText("メールアドレスの変更が完了しました")).toBeTruthy();
    expect(screen.getByText("変更前と変更後のメールアドレスにお知らせを送信しました。")).toBeTruthy();
  });
});

describe("メールサービス配信設定", () => {
  it("shows every optional mail with its state and address, in the notice's order", async () => {
    const { user } = await openPage("/account/mail-settings", "メールサービス配信設定", {
      "GET /api/me/mail-settings": [stepUpRequired(), json(mailSettings)],
    });
    await confirmView(user);
    const table = await screen.findByRole("table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["種類", "配信設定", "配信先"]);
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual([
      "ログイン通知配信中taro.m@example.jp",
      "取引(約定)通知配信中taro@example.jp",
      "投信約定通知メール配信不要taro@example.jp",
      "出金申込完了通知メール配信不要taro@example.jp",
      "口座情報変更完了通知メール配信不要taro@example.jp",
      "出金認証コード通知メール配信不要taro@example.jp",
      "照会用認証コード配信不要taro@example.jp",
    ]);
  });
});
