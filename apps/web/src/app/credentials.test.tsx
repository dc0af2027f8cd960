import { errorMessages } from "@kakunin/contracts/error-body";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { credentialsQueryOptions } from "../features/credentials/api/get-credentials.ts";
import { demoBalances, demoInstruments, demoOrders, demoWithdrawalOverview } from "../testing/fixtures.ts";
import { authenticatedSession, credentialStatus, errorJson, json, mockApi } from "../testing/mock-api.ts";
import { renderApp } from "../testing/render-app.tsx";

const initialNotice = {
  id: "initial-execution-password",
  kind: "important",
  title: "初期執行パスワードのお知らせ",
  body: "お客様の初期執行パスワードは「Rk7m2x」です。口座管理の「執行パスワード変更」から、お客様ご自身のパスワードへ変更してください。変更後、このお知らせは表示されなくなります。",
  publishedAt: "2026-11-25T00:00:00.000Z",
  topic: "execution_password_change",
} as const;

const changed = { changedAt: "2026-11-25T07:10:00.000Z" };

/** Issue 17: every lock screen names the お客様サポートセンター's number and hours (from core's configuration). */
const lockedWithContact =
  "ロックの解除をご希望の場合は、お客様サポートセンター（電話 0120-000-000、受付時間 平日 8:30〜17:00）までお電話でご連絡ください。";

function input(label: string): HTMLInputElement {
  return screen.getByLabelText(label, { selector: "input" }) as HTMLInputElement;
}

function describedText(element: HTMLElement): string {
  const ids = element.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

async function openExecutionPasswordPage(routes: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({
    "GET /api/session": json(authenticatedSession),
    "GET /api/me/credentials": json(credentialStatus()),
    ...routes,
  });
  const app = renderApp("/account/execution-password");
  await screen.findByRole("heading", { level: 1, name: "執行パスワード変更" });
  return { ...api, ...app };
}

async function fillExecutionForm(
  user: ReturnType<typeof renderApp>["user"],
  {
    current = "Rk7m2x",
    next = "Mg7t3w",
    confirmation = next,
  }: { current?: string; next?: string; confirmation?: string } = {},
) {
  await user.type(await screen.findByLabelText("現在の執行パスワード"), current);
  await user.type(input("新執行パスワード"), next);
  await user.type(input("新執行パスワード（確認）"), confirmation);
}

describe("執行パスワード変更", () => {
  it("follows the notice's steps: labels, password inputs, hint and 変更する", async () => {
    await openExecutionPasswordPage();
    const current = input("現在の執行パスワード");
    const next = input("新執行パスワード");
    const confirmation = input("新執行パスワード（確認）");
    expect([current, next, confirmation].map((field) => field.type)).toEqual(["password", "password", "password"]);
    expect([current, next, confirmation].map((field) => field.autocomplete)).toEqual([
      "current-password",
      "new-password",
      "new-password",
    ]);
    expect(describedText(current)).toContain("初期パスワードは会員トップのお知らせでご確認いただけます");
    expect(screen.getByRole("button", { name: "変更する" })).toBeTruthy();
    expect(screen.getByRole("list", { name: "手続きの流れ" }).textContent).toContain("入力");
    expect(screen.getByText(/過去5回分/).textContent).toContain("ログインパスワード");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("updates the rule checklist while the customer types, politely and not as errors", async () => {
    const { user } = await openExecutionPasswordPage();
    const next = input("新執行パスワード");
    const item = (label: string) => screen.getByText(label).closest("li") as HTMLElement;

    expect(item("4〜20文字").textContent).toContain("条件を満たしていません");
    expect(item("数字・英小文字・英大文字のうち2種類以上").textContent).toContain("条件を満たしていません");
    expect(item("4〜20文字").closest("ul")?.getAttribute("aria-live")).toBe("polite");
    expect(describedText(next)).toContain("4〜20文字");

    await user.type(next, "abcd");
    expect(item("4〜20文字").textContent).toContain("条件を満たしています");
    expect(item("数字・英小文字・英大文字のうち2種類以上").textContent).toContain("条件を満たしていません");

    await user.type(next, "7");
    expect(item("数字・英小文字・英大文字のうち2種類以上").textContent).toContain("条件を満たしています");
    expect(next.getAttribute("aria-invalid")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("from the notice to the completion step, after which 会員トップ no longer shows the notice", async () => {
    const { requests } = mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/credentials": [
        json(credentialStatus()),
        json(credentialStatus({ executionPassword: { isInitial: false } })),
      ],
      "GET /api/me/notices": [json({ notices: [initialNotice] }), json({ notices: [] })],
      "PUT /api/me/execution-password": json(changed),
    });
    const { user } = renderApp("/");
    await user.click(await screen.findByRole("link", { name: "執行パスワード変更へ" }));
    await screen.findByRole("heading", { level: 1, name: "執行パスワード変更" });
    await fillExecutionForm(user);
    await user.click(screen.getByRole("button", { name: "変更する" }));

    const done = await screen.findByRole("heading", { level: 2, name: "執行パスワードの変更が完了しました" });
    expect(document.activeElement).toBe(done);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("執行パスワード変更");
    expect(screen.getByRole("list", { name: "手続きの流れ" }).querySelector("[aria-current=step]")?.textContent).toBe(
      "2完了",
    );
    expect(screen.queryByLabelText("現在の執行パスワード")).toBeNull();
    const put = requests.find((request) => request.method === "PUT");
    expect(put?.path).toBe("/api/me/execution-password");
    expect(put?.body).toEqual({ currentPassword: "Rk7m2x", newPassword: "Mg7t3w", newPasswordConfirmation: "Mg7t3w" });
    expect(put?.headers.get("X-CSRF")).toBe("1");

    await user.click(screen.getByRole("link", { name: "会員トップへ戻る" }));
    expect(await screen.findByText("現在お知らせはありません。")).toBeTruthy();
    expect(screen.queryByText(/Rk7m2x/)).toBeNull();
    expect(screen.queryByText(/初期執行パスワードのままです/)).toBeNull();
    expect(requests.filter((request) => request.path === "/api/me/notices")).toHaveLength(2);
  });

  it("drops the initial-password notice cached before the change", async () => {
    const { user, queryClient } = await openExecutionPasswordPage({
      "PUT /api/me/execution-password": json(changed),
    });
    queryClient.setQueryData(["me", "notices"], { notices: [initialNotice] });
    await fillExecutionForm(user);
    await user.click(screen.getByRole("button", { name: "変更する" }));
    await screen.findByText("執行パスワードの変更が完了しました");
    expect(queryClient.getQueryData(["me", "notices"])).toBeUndefined();
  });

  it("blocks a mismatched confirmation in the browser and sends nothing", async () => {
    const { user, requests } = await openExecutionPasswordPage();
    await fillExecutionForm(user, { confirmation: "Mg7t3x" });
    await user.click(screen.getByRole("button", { name: "変更する" }));

    expect(await screen.findByText("新執行パスワード（確認）が新執行パスワードと一致しません。")).toBeTruthy();
    expect(input("新執行パスワード（確認）").getAttribute("aria-invalid")).toBe("true");
    expect(requests.filter((request) => request.method === "PUT")).toHaveLength(0);
  });

  it("shows the server's rule violations under the fields", async () => {
    const { user } = await openExecutionPasswordPage({
      "PUT /api/me/execution-password": errorJson("validation_failed", errorMessages.validation_failed, 400, {
        fields: [
          { path: "newPassword", message: "生年月日を含むパスワードは登録できません。", reason: "contains_birth_date" },
          {
            path: "newPassword",
            message: "過去に使用したパスワード（直近5回分）は登録できません。",
            reason: "reused_password",
          },
        ],
      }),
    });
    await fillExecutionForm(user, { next: "Ab19800115" });
    await user.click(screen.getByRole("button", { name: "変更する" }));

    const next = input("新執行パスワード");
    await waitFor(() => expect(next.getAttribute("aria-invalid")).toBe("true"));
    expect(describedText(next)).toContain("生年月日を含むパスワードは登録できません。");
    expect(describedText(next)).toContain("過去に使用したパスワード（直近5回分）は登録できません。");
    expect(document.activeElement).toBe(next);
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(screen.getByRole("alert").textContent).toContain(errorMessages.validation_failed);
  });

  it("drops 「入力内容に誤りがあります」 when a later attempt fails in the browser (issue 17 B5)", async () => {
    const { user } = await openExecutionPasswordPage({
      "PUT /api/me/execution-password": errorJson("validation_failed", errorMessages.validation_failed, 400, {
        fields: [{ path: "newPassword", message: "生年月日を含むパスワードは登録できません。" }],
      }),
    });
    await fillExecutionForm(user, { next: "Ab19800115" });
    await user.click(screen.getByRole("button", { name: "変更する" }));
    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages.validation_failed);

    await user.clear(input("新執行パスワード（確認）"));
    await user.type(input("新執行パスワード（確認）"), "Mg7t3x");
    await user.click(screen.getByRole("button", { name: "変更する" }));
    expect(await screen.findByText("新執行パスワード（確認）が新執行パスワードと一致しません。")).toBeTruthy();
    expect(screen.queryByText(errorMessages.validation_failed)).toBeNull();
  });

  it("on a wrong current password says how many tries are left and clears the field", async () => {
    const { user } = await openExecutionPasswordPage({
      "PUT /api/me/execution-password": errorJson(
        "wrong_execution_password",
        errorMessages.wrong_execution_password,
        422,
        { remainingAttempts: 8 },
      ),
    });
    await fillExecutionForm(user, { current: "Wrong1x" });
    await user.click(screen.getByRole("button", { name: "変更する" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("執行パスワードが正しくありません。あと8回間違えるとアカウントがロックされます。");
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    const current = input("現在の執行パスワード");
    expect(current.value).toBe("");
    expect(document.activeElement).toBe(current);
    expect(input("新執行パスワード").value).toBe("Mg7t3w");
  });

  it("warns about earlier failures on arrival, as a status rather than an alert", async () => {
    await openExecutionPasswordPage({
      "GET /api/me/credentials": json(credentialStatus({ executionPassword: { remainingAttempts: 3 } })),
    });
    expect(screen.getByRole("status").textContent).toContain("あと3回間違えるとアカウントがロックされます。");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("replaces the form with the lock message when the server answers 423", async () => {
    const { user } = await openExecutionPasswordPage({
      "PUT /api/me/execution-password": errorJson("account_locked", errorMessages.account_locked, 423),
    });
    await fillExecutionForm(user, { current: "Wrong9x" });
    await user.click(screen.getByRole("button", { name: "変更する" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("アカウントロック中");
    expect(alert.textContent).toContain(errorMessages.account_locked);
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(screen.queryByLabelText("現在の執行パスワード")).toBeNull();
    expect(screen.queryByRole("button", { name: "変更する" })).toBeNull();
  });

  it("shows the lock instead of the form when the account is already locked", async () => {
    await openExecutionPasswordPage({
      "GET /api/me/credentials": json(credentialStatus({ executionPassword: { locked: true, remainingAttempts: 0 } })),
    });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("アカウントロック中");
    expect(alert.textContent).toContain(lockedWithContact);
    expect(screen.queryByLabelText("現在の執行パスワード")).toBeNull();
  });
});

describe("ログインパスワード変更", () => {
  async function openLoginPasswordPage(routes: Parameters<typeof mockApi>[0] = {}) {
    const api = mockApi({ "GET /api/session": json(authenticatedSession), ...routes });
    const app = renderApp("/account/login-password");
    await screen.findByRole("heading", { level: 1, name: "ログインパスワード変更" });
    return { ...api, ...app };
  }

  async function fill(user: ReturnType<typeof renderApp>["user"], current = "Kiso8pine3") {
    await user.type(input("現在のログインパスワード"), current);
    await user.type(input("新しいログインパスワード"), "Tsuru5kame7");
    await user.type(input("新しいログインパスワード（確認）"), "Tsuru5kame7");
  }

  it("changes the password and says the other sessions have ended", async () => {
    const { user, requests } = await openLoginPasswordPage({
      "PUT /api/me/login-password": json(changed),
      "GET /api/me/credentials": json(credentialStatus()),
    });
    await user.type(input("新しいログインパスワード"), "kiso");
    const item = screen.getByText("英字と数字をそれぞれ含む").closest("li") as HTMLElement;
    expect(item.textContent).toContain("条件を満たしていません");
    await user.clear(input("新しいログインパスワード"));
    await fill(user);
    expect(item.textContent).toContain("条件を満たしています");
    await user.click(screen.getByRole("button", { name: "変更する" }));

    expect(await screen.findByText("ログインパスワードの変更が完了しました")).toBeTruthy();
    expect(screen.getByText("他の端末でのログインはすべて終了しました。")).toBeTruthy();
    const put = requests.find((request) => request.method === "PUT");
    expect(put?.path).toBe("/api/me/login-password");
    expect(put?.body).toEqual({
      currentPassword: "Kiso8pine3",
      newPassword: "Tsuru5kame7",
      newPasswordConfirmation: "Tsuru5kame7",
    });
  });

  it("shows the server's message for a wrong current password and clears it", async () => {
    const { user } = await openLoginPasswordPage({
      "PUT /api/me/login-password": errorJson("wrong_current_password", errorMessages.wrong_current_password, 422),
    });
    await fill(user, "Wrong8pass");
    await user.click(screen.getByRole("button", { name: "変更する" }));

    expect((await screen.findByRole("alert")).textContent).toBe(errorMessages.wrong_current_password);
    expect(input("現在のログインパスワード").value).toBe("");
  });

  it("blocks a new password that breaks the login rules and sends nothing", async () => {
    const { user, requests } = await openLoginPasswordPage();
    await user.type(input("現在のログインパスワード"), "Kiso8pine3");
    await user.type(input("新しいログインパスワード"), "abc-def");
    await user.type(input("新しいログインパスワード（確認）"), "abc-def");
    await user.click(screen.getByRole("button", { name: "変更する" }));

    expect(await screen.findByText("ログインパスワードは半角英数字のみで入力してください。")).toBeTruthy();
    expect(requests.filter((request) => request.method === "PUT")).toHaveLength(0);
  });
});

describe("会員トップ and the execution password", () => {
  function openMemberTop(status: ReturnType<typeof credentialStatus>, notices: unknown[] = []) {
    mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/credentials": json(status),
      "GET /api/me/notices": json({ notices }),
    });
    return renderApp("/");
  }

  it.each([
    [
      "registration",
      "warning",
      "執行パスワードの事前登録期間中です。2022年9月18日（日）18時 までに執行パスワードを変更してください。",
    ],
    ["before_registration", "info", "2022年8月22日（月） から執行パスワードの事前登録を開始します。"],
    ["enforced", "warning", "初期執行パスワードのままです。口座管理の「執行パスワード変更」から変更してください。"],
  ] as const)("phase %s with the initial password: a %s banner", async (phase, variant, text) => {
    openMemberTop(credentialStatus({ schedule: { phase } }));
    const banner = await screen.findByText(text);
    expect(banner.closest(`.kk-alert--${variant}`)?.getAttribute("role")).toBe("status");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it.each(["before_registration", "registration", "enforced"] as const)(
    "phase %s after the customer set their own password: no banner",
    async (phase) => {
      openMemberTop(
        credentialStatus({
          executionPassword: { isInitial: false, changedAt: "2026-11-20T00:00:00.000Z" },
          schedule: { phase },
        }),
      );
      await screen.findByText("現在お知らせはありません。");
      expect(document.querySelector(".kk-alert")).toBeNull();
    },
  );

  it("a locked account gets the lock alert and its way out", async () => {
    openMemberTop(credentialStatus({ executionPassword: { locked: true, remainingAttempts: 0 } }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("アカウントロック中");
    expect(alert.textContent).toContain(lockedWithContact);
    expect(screen.queryByText(/初期執行パスワードのままです/)).toBeNull();
  });

  it("the initial-password notice keeps its text and links to 執行パスワード変更", async () => {
    const { user, router } = openMemberTop(credentialStatus(), [initialNotice]);
    const notices = await screen.findByRole("region", { name: "お知らせ" });
    expect(await within(notices).findByText(initialNotice.body)).toBeTruthy();
    const link = within(notices).getByRole("link", { name: "執行パスワード変更へ" });
    expect(link.getAttribute("href")).toBe("/account/execution-password");

    await user.click(link);
    expect(await screen.findByRole("heading", { level: 1, name: "執行パスワード変更" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/account/execution-password");
  });

  it("口座管理 lists 執行パスワード変更, ログインパスワード変更, ログイン履歴 in that order, after the 登録情報 screens and 出金先口座変更", async () => {
    openMemberTop(credentialStatus());
    const menu = await screen.findByRole("navigation", { name: "メニュー" });
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

describe("screens confirmed with the execution password, while it is locked", () => {
  // Each screen's own reads; the lock notice must not depend on them.
  const reads = {
    "GET /api/market/instruments": json(demoInstruments),
    "GET /api/me/balances": json(demoBalances),
    "GET /api/me/orders": json(demoOrders),
    "GET /api/me/withdrawals/overview": json(demoWithdrawalOverview),
    "GET /api/me/passkeys": json({ passkeys: [] }),
  };
  const screens = [
    ["株式注文", "/trade/stock"],
    ["投資信託", "/trade/fund"],
    ["注文照会", "/trade/orders"],
    ["出金", "/withdrawal"],
    ["出金先口座変更", "/account/bank-account"],
    ["パスキー設定", "/account/passkeys"],
  ] as const;

  it.each(screens)("%s says so before the customer fills anything in", async (title, path) => {
    mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/credentials": json(credentialStatus({ executionPassword: { locked: true, remainingAttempts: 0 } })),
      ...reads,
    });
    renderApp(path);
    await screen.findByRole("heading", { level: 1, name: title });
    const main = screen.getByRole("main");
    const alert = await within(main).findByRole("alert");
    expect(alert.textContent).toContain("アカウントロック中");
    expect(alert.textContent).toContain(lockedWithContact);
  });

  it.each(screens)("%s shows no lock while the password works", async (title, path) => {
    mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/credentials": json(credentialStatus({ executionPassword: { remainingAttempts: 3 } })),
      ...reads,
    });
    const { queryClient } = renderApp(path);
    await screen.findByRole("heading", { level: 1, name: title });
    // The status has been read (and rendered from) before the absence of its alert means anything.
    await waitFor(() => expect(queryClient.getQueryState(credentialsQueryOptions().queryKey)?.status).toBe("success"));
    expect(screen.queryByText("アカウントロック中")).toBeNull();
  });
});
