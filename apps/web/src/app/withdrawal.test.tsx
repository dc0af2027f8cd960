import { errorMessages } from "@kakunin/contracts/error-body";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  acceptedWithdrawal,
  bankAccountId,
  demoBankAccount,
  demoWithdrawalOverview,
  pendingBankAccountChange,
} from "../testing/fixtures.ts";
import {
  authenticatedSession,
  credentialStatus,
  errorJson,
  json,
  mockApi,
  stepUpChallenge,
  stepUpRequired,
  verified,
} from "../testing/mock-api.ts";
import { currentStep, field, main } from "../testing/queries.ts";
import { renderApp } from "../testing/render-app.tsx";

const accountId = bankAccountId;
const newAccountId = "7e2a1f4b-8c3d-4e5f-a6b7-c8d9e0f1a2b3";

const bankAccount = demoBankAccount;
const overview = demoWithdrawalOverview;
const accepted = acceptedWithdrawal;

type Routes = Parameters<typeof mockApi>[0];

const challengePath = "/api/step-up/challenges";
const withdrawalPath = "/api/me/withdrawals";

async function openWithdrawal(routes: Routes = {}) {
  const api = mockApi({
    "GET /api/session": json(authenticatedSession),
    "GET /api/me/credentials": json(credentialStatus()),
    "GET /api/me/withdrawals/overview": json(overview),
    "POST /api/step-up/challenges": stepUpChallenge(["execution_password"], { operation: "withdrawal" }),
    "POST /api/step-up/verifications": verified(),
    ...routes,
  });
  const app = renderApp("/withdrawal");
  await screen.findByRole("heading", { level: 1, name: "出金" });
  await screen.findByLabelText("出金金額", { selector: "input" });
  return { ...api, ...app };
}

async function enterAmount(user: ReturnType<typeof renderApp>["user"], amount: string) {
  const input = field("出金金額");
  await user.clear(input);
  if (amount !== "") await user.type(input, amount);
  await user.click(screen.getByRole("button", { name: "出金確認" }));
}

/** The 出金する button once the challenge has started. */
async function submitButton() {
  const button = await screen.findByRole("button", { name: "出金する" });
  await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
  return button;
}

describe("出金 menu", () => {
  it("puts 出金 with 出金申込履歴 after 取引, before 口座管理", async () => {
    await openWithdrawal();
    const menu = screen.getByRole("navigation", { name: "メニュー" });
    const links = within(menu)
      .getAllByRole("link")
      .map((link) => [link.textContent, link.getAttribute("href")]);
    expect(links.slice(0, 8)).toEqual([
      ["会員トップ", "/"],
      ["株式注文", "/trade/stock"],
      ["投資信託", "/trade/fund"],
      ["注文照会", "/trade/orders"],
      ["残高照会", "/trade/balances"],
      ["出金", "/withdrawal"],
      ["出金申込履歴", "/withdrawal/history"],
      ["口座情報照会／変更", "/account/profile"],
    ]);
    expect(within(menu).getByRole("link", { name: "出金" }).getAttribute("aria-current")).toBe("page");
    expect(within(menu).getByRole("list", { name: "出金" }).textContent).toBe("出金申込履歴");
  });
});

describe("出金 (R12, R13)", () => {
  it("shows 出金可能額 and the destination, then withdraws with the mailed code and the password", async () => {
    const { user, requests } = await openWithdrawal({
      "POST /api/step-up/challenges": stepUpChallenge(["execution_password", "auth_code"], {
        operation: "withdrawal",
        codeSentTo: "t***@example.jp",
      }),
      "POST /api/me/withdrawals": json(accepted),
    });
    const details = main().querySelector("dl") as HTMLElement;
    expect(details.textContent).toContain("出金可能額1,000,000円");
    expect(details.textContent).toContain("出金先口座三井住友銀行 渋谷支店 普通 ****567 ヤマダ タロウ");
    expect(currentStep()).toBe("1入力");
    const amount = field("出金金額");
    expect(amount.getAttribute("inputmode")).toBe("numeric");
    expect(amount.closest(".kk-field")?.textContent).toContain("円");

    // Full-width digits from an IME and separators are read as the number.
    await enterAmount(user, "１００,０００");

    const heading = await screen.findByRole("heading", { level: 2, name: "出金内容の確認" });
    expect(document.activeElement).toBe(heading);
    expect(currentStep()).toBe("2確認");
    expect(await screen.findByText("t***@example.jp に認証コードを送信しました。")).toBeTruthy();
    const summary = main().querySelector("dl") as HTMLElement;
    expect(summary.textContent).toBe("出金金額100,000円出金先三井住友銀行 渋谷支店 普通 ****567 ヤマダ タロウ");
    const payload = { amount: 100_000, bankAccountId: accountId };
    const challenges = requests.filter((request) => request.path === challengePath);
    expect(challenges).toHaveLength(1);
    expect(challenges[0]?.body).toEqual({ operation: "withdrawal", payload });

    const button = await submitButton();
    await user.type(field("認証コード"), "123456");
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);

    expect(await screen.findByRole("heading", { level: 2, name: "出金のお申込みを受け付けました" })).toBeTruthy();
    expect(currentStep()).toBe("3完了");
    const receipt = main().querySelector("dl") as HTMLElement;
    expect(receipt.textContent).toContain("受付番号W20261125-0001");
    expect(receipt.textContent).toContain("受付日時2026/11/25 16:04:05");
    expect(receipt.textContent).toContain("出金金額100,000円");
    expect(receipt.textContent).toContain("出金先三井住友銀行 渋谷支店 普通 ****567");
    // Issue 17 B7: what happened to the mail, not 「配信中に設定されている場合は…」.
    expect(main().textContent).toContain("出金申込完了通知メールを t***@example.jp にお送りしました。");
    expect(main().textContent).not.toContain("場合は");

    const verification = requests.find((request) => request.path === "/api/step-up/verifications");
    expect(verification?.body).toEqual({ executionPassword: "Rk7m2x", authCode: "123456" });
    const posts = requests.filter((request) => request.method === "POST" && request.path === withdrawalPath);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual(payload);
    expect(posts[0]?.headers.get("X-CSRF")).toBe("1");
    expect(posts[0]?.headers.get("Idempotency-Key")).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // 出金可能額 and the history are refetched.
    await waitFor(() =>
      expect(requests.filter((request) => request.path === "/api/me/withdrawals/overview")).toHaveLength(2),
    );

    // Choosing 出金 in the menu on the completion screen starts a new withdrawal.
    const menu = screen.getByRole("navigation", { name: "メニュー" });
    await user.click(within(menu).getByRole("link", { name: "出金" }));
    expect(await screen.findByRole("heading", { level: 2, name: "出金金額の入力" })).toBeTruthy();
    expect(currentStep()).toBe("1入力");
  });

  it("asks only for the password when the code is off", async () => {
    const { user } = await openWithdrawal({
      "POST /api/me/withdrawals": json({ ...accepted, notificationSentTo: null }),
    });
    await enterAmount(user, "100000");
    const button = await submitButton();
    expect(screen.queryByLabelText("認証コード")).toBeNull();
    // Issue 17 B7: the confirmation does not mention a code it does not ask for.
    expect(main().textContent).not.toContain("認証コード");
    expect(main().textContent).toContain("よろしければ執行パスワードを入力し、「出金する」を押してください。");
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    expect(await screen.findByText("出金のお申込みを受け付けました")).toBeTruthy();
    expect(main().textContent).toContain("出金申込完了通知メールは配信不要に設定されているため、お送りしていません。");
  });

  it.each([
    ["", "出金金額を入力してください。"],
    ["0", "出金金額は1円以上で入力してください。"],
    ["-1000", "出金金額は1円以上で入力してください。"],
    ["1.5", "出金金額は1円単位（小数なし）で入力してください。"],
    ["1e6", "出金金額は半角数字で入力してください。"],
    ["abc", "出金金額は半角数字で入力してください。"],
    ["1000001", "出金可能額を超えています。"],
    ["99999999999999999999", "出金金額が大きすぎます。"],
  ])("refuses %j on the field and sends nothing", async (amount, message) => {
    const { user, requests } = await openWithdrawal();
    await enterAmount(user, amount);
    expect(await screen.findByText(message)).toBeTruthy();
    const input = field("出金金額");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(input);
    expect(screen.queryByRole("heading", { level: 2, name: "出金内容の確認" })).toBeNull();
    expect(requests.filter((request) => request.method === "POST")).toHaveLength(0);
  });

  it("takes the server's insufficient_funds back to the amount field, with 出金可能額 refreshed", async () => {
    const { user, requests } = await openWithdrawal({
      "GET /api/me/withdrawals/overview": [json(overview), json({ ...overview, withdrawable: 50_000 })],
      "POST /api/me/withdrawals": errorJson("insufficient_funds", errorMessages.insufficient_funds, 422, {
        fields: [{ path: "amount", message: errorMessages.insufficient_funds }],
      }),
    });
    await enterAmount(user, "100000");
    const button = await submitButton();
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);

    const input = await screen.findByLabelText("出金金額", { selector: "input" });
    await waitFor(() => expect(input.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText(errorMessages.insufficient_funds)).toBeTruthy();
    expect((input as HTMLInputElement).value).toBe("100000");
    expect(document.activeElement).toBe(input);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(await within(main()).findByText("50,000円")).toBeTruthy();
    expect(requests.filter((request) => request.path === withdrawalPath)).toHaveLength(1);
  });

  it("on 409 bank_account_changed shows the server's message and the destination as it is now", async () => {
    const moved = {
      ...overview,
      bankAccount: { ...bankAccount, id: newAccountId, bankName: "みずほ銀行", branchName: "新宿支店" },
    };
    const { user, requests } = await openWithdrawal({
      "GET /api/me/withdrawals/overview": [json(overview), json(moved)],
      "POST /api/me/withdrawals": [
        errorJson("bank_account_changed", errorMessages.bank_account_changed, 409),
        json(accepted),
      ],
    });
    await enterAmount(user, "100000");
    let button = await submitButton();
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);

    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages.bank_account_changed);
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(await within(main()).findByText(/みずほ銀行 新宿支店/)).toBeTruthy();
    expect(field("出金金額").value).toBe("100000");

    // A new confirmation, bound to the new destination.
    await user.click(screen.getByRole("button", { name: "出金確認" }));
    button = await submitButton();
    const challenge = requests.filter((request) => request.path === challengePath).at(-1);
    expect(challenge?.body).toEqual({
      operation: "withdrawal",
      payload: { amount: 100_000, bankAccountId: newAccountId },
    });
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    expect(await screen.findByText("出金のお申込みを受け付けました")).toBeTruthy();
    const posts = requests.filter((request) => request.path === withdrawalPath);
    expect(posts[1]?.body).toEqual({ amount: 100_000, bankAccountId: newAccountId });
    expect(posts[1]?.headers.get("Idempotency-Key")).not.toBe(posts[0]?.headers.get("Idempotency-Key"));
  });

  it("a double click sends one withdrawal", async () => {
    const { user, requests } = await openWithdrawal({ "POST /api/me/withdrawals": json(accepted) });
    await enterAmount(user, "100000");
    const button = await submitButton();
    await user.type(field("執行パスワード"), "Rk7m2x");
    fireEvent.click(button);
    fireEvent.click(button);
    await user.click(button);
    expect(await screen.findByText("出金のお申込みを受け付けました")).toBeTruthy();
    expect(requests.filter((request) => request.path === withdrawalPath)).toHaveLength(1);
    expect(requests.filter((request) => request.path === "/api/step-up/verifications")).toHaveLength(1);
  });

  it("after an outage the retry sends the same body under the same key", async () => {
    const { user, requests } = await openWithdrawal({
      "POST /api/me/withdrawals": [
        errorJson("upstream_unavailable", errorMessages.upstream_unavailable, 503),
        json(accepted),
      ],
    });
    await enterAmount(user, "100000");
    const button = await submitButton();
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages.upstream_unavailable);
    await user.click(screen.getByRole("button", { name: "出金する" }));
    expect(await screen.findByText("出金のお申込みを受け付けました")).toBeTruthy();

    const posts = requests.filter((request) => request.path === withdrawalPath);
    expect(posts).toHaveLength(2);
    expect(posts[1]?.body).toEqual(posts[0]?.body);
    expect(posts[1]?.headers.get("Idempotency-Key")).toBe(posts[0]?.headers.get("Idempotency-Key"));
  });

  it("on 422 idempotency_key_reused shows its message on the confirmation, neither done nor an amount error", async () => {
    const { user, requests } = await openWithdrawal({
      "POST /api/me/withdrawals": errorJson("idempotency_key_reused", errorMessages.idempotency_key_reused, 422),
    });
    await enterAmount(user, "100000");
    const button = await submitButton();
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    expect((await screen.findByRole("alert")).textContent).toContain(
      "このお手続きは既に別の内容で受け付けています。画面を更新して、もう一度お手続きください。",
    );
    expect(screen.getByRole("heading", { level: 2, name: "出金内容の確認" })).toBeTruthy();
    expect(screen.queryByText("出金のお申込みを受け付けました")).toBeNull();
    expect(screen.queryByLabelText("出金金額", { selector: "input" })).toBeNull();
    expect(requests.filter((request) => request.path === withdrawalPath)).toHaveLength(1);
  });

  it("a refused withdrawal (grant gone) starts a new confirmation with a new key", async () => {
    const { user, requests } = await openWithdrawal({
      "POST /api/me/withdrawals": [stepUpRequired(["execution_password"], "withdrawal"), json(accepted)],
    });
    await enterAmount(user, "100000");
    let button = await submitButton();
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    await waitFor(() => expect(requests.filter((request) => request.path === challengePath)).toHaveLength(2));
    button = await submitButton();
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);
    expect(await screen.findByText("出金のお申込みを受け付けました")).toBeTruthy();
    const posts = requests.filter((request) => request.path === withdrawalPath);
    expect(posts).toHaveLength(2);
    expect(posts[1]?.headers.get("Idempotency-Key")).not.toBe(posts[0]?.headers.get("Idempotency-Key"));
  });

  it("戻る keeps the amount", async () => {
    const { user } = await openWithdrawal();
    await enterAmount(user, "2500");
    await user.click(await screen.findByRole("button", { name: "戻る" }));
    expect(((await screen.findByLabelText("出金金額", { selector: "input" })) as HTMLInputElement).value).toBe("2500");
  });

  it("a locked customer sees the lock and 出金可能額, and no amount form to fill in (issue 17 B6)", async () => {
    mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/credentials": json(
        credentialStatus({ executionPassword: { locked: true, remainingAttempts: 0, isInitial: false } }),
      ),
      "GET /api/me/withdrawals/overview": json(overview),
    });
    renderApp("/withdrawal");
    await screen.findByRole("heading", { level: 1, name: "出金" });
    const alert = await within(main()).findByRole("alert");
    expect(alert.textContent).toContain("アカウントロック中");
    expect(main().textContent).toContain("出金可能額");
    expect(screen.queryByLabelText("出金金額")).toBeNull();
    expect(screen.queryByRole("button", { name: "出金確認" })).toBeNull();
  });

  it("tells that a destination change is 申請中", async () => {
    await openWithdrawal({
      "GET /api/me/withdrawals/overview": json({
        ...overview,
        pendingBankAccountChange: {
          ...pendingBankAccountChange,
          id: newAccountId,
          requestedAt: "2026-11-24T15:30:00.000Z",
        },
      }),
    });
    expect(
      within(main()).getByText((_, element) =>
        element?.tagName === "P"
          ? element.textContent === "出金先口座の変更を申請中です（2026年11月25日）。承認後に切り替わります。"
          : false,
      ),
    ).toBeTruthy();
  });
});

describe("出金申込履歴", () => {
  it("lists 受付番号 / 受付日時 / 出金金額 / 出金先 / 状況 in Japan time", async () => {
    mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/withdrawals": json({
        withdrawals: [accepted, { ...accepted, requestNumber: "W20261120-0003", amount: 5000, status: "完了" }],
        nextCursor: null,
      }),
    });
    renderApp("/withdrawal/history");
    await screen.findByRole("heading", { level: 1, name: "出金申込履歴" });
    const table = await screen.findByRole("table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["受付番号", "受付日時", "出金金額", "出金先", "状況"]);
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual([
      "W20261125-00012026/11/25 16:04:05100,000円三井住友銀行 渋谷支店 普通 ****567受付済",
      "W20261120-00032026/11/25 16:04:055,000円三井住友銀行 渋谷支店 普通 ****567完了",
    ]);
  });

  it("says so when there is none", async () => {
    mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/withdrawals": json({ withdrawals: [], nextCursor: null }),
    });
    renderApp("/withdrawal/history");
    expect(await screen.findByText("出金のお申込みはありません。")).toBeTruthy();
  });
});
