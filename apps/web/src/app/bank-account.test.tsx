import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { demoBankAccount } from "../testing/fixtures.ts";
import {
  authenticatedSession,
  credentialStatus,
  json,
  mockApi,
  stepUpChallenge,
  verified,
} from "../testing/mock-api.ts";
import { field, main } from "../testing/queries.ts";
import { renderApp } from "../testing/render-app.tsx";

const bankAccount = demoBankAccount;

const overview = { withdrawable: 1_000_000, bankAccount, pendingBankAccountChange: null };

const requested = {
  id: "7e2a1f4b-8c3d-4e5f-a6b7-c8d9e0f1a2b3",
  status: "申請中",
  requestedAt: "2026-11-25T07:04:05.000Z",
  decidedAt: null,
  bankName: "みずほ銀行",
  branchName: "新宿支店",
  accountType: "当座",
  accountNumberMasked: "****321",
  holderKana: "ヤマダ タロウ",
} as const;

type Routes = Parameters<typeof mockApi>[0];

/** A valid new destination as typed into the form; tests about one field change that field. */
const entered = {
  bankName: "みずほ銀行",
  branchName: "新宿支店",
  accountNumber: "7654321",
  holderKana: "ヤマダ タロウ",
};

async function openBankAccount(routes: Routes = {}) {
  const api = mockApi({
    "GET /api/session": json(authenticatedSession),
    "GET /api/me/credentials": json(credentialStatus()),
    "GET /api/me/withdrawals/overview": json(overview),
    "POST /api/me/bank-account-change-checks": json({ ok: true }),
    "POST /api/step-up/challenges": stepUpChallenge(["execution_password"], { operation: "change_bank_account" }),
    "POST /api/step-up/verifications": verified(),
    ...routes,
  });
  const app = renderApp("/account/bank-account");
  await screen.findByRole("heading", { level: 1, name: "出金先口座変更" });
  return { ...api, ...app };
}

async function fillForm(
  user: ReturnType<typeof renderApp>["user"],
  values: { bankName?: string; branchName?: string; accountNumber?: string; holderKana?: string },
) {
  const entries: [string, string | undefined][] = [
    ["金融機関名", values.bankName],
    ["支店名", values.branchName],
    ["口座番号", values.accountNumber],
    ["口座名義（カナ）", values.holderKana],
  ];
  for (const [label, value] of entries) {
    await user.clear(field(label));
    if (value) await user.type(field(label), value);
  }
}

describe("出金先口座変更 (R14)", () => {
  it("shows the registered destination, then applies for a new one and shows it as 申請中", async () => {
    const { user, requests, router } = await openBankAccount({
      "GET /api/me/withdrawals/overview": [json(overview), json({ ...overview, pendingBankAccountChange: requested })],
      "POST /api/me/bank-account-changes": json(requested),
    });
    const menu = screen.getByRole("navigation", { name: "メニュー" });
    expect(within(menu).getByRole("link", { name: "出金先口座変更" }).getAttribute("aria-current")).toBe("page");
    expect(await within(main()).findByText("三井住友銀行 渋谷支店 普通 ****567 ヤマダ タロウ")).toBeTruthy();

    await fillForm(user, {
      bankName: " みずほ銀行 ",
      branchName: "新宿支店",
      // What an IME or a copy gives: full-width digits, half-width katakana.
      accountNumber: "７６５４３２１",
      holderKana: "ﾔﾏﾀﾞ ﾀﾛｳ",
    });
    const type = screen.getByRole("group", { name: "預金種目" });
    expect((within(type).getByRole("radio", { name: "普通" }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(type).getByRole("radio", { name: "当座" }));
    await user.click(screen.getByRole("button", { name: "変更確認" }));

    const heading = await screen.findByRole("heading", { level: 2, name: "申請内容の確認" });
    expect(document.activeElement).toBe(heading);
    const summary = main().querySelector("dl") as HTMLElement;
    expect([...summary.querySelectorAll(".kk-dl__row")].map((row) => row.textContent)).toEqual([
      "現在の出金先口座三井住友銀行 渋谷支店 普通 ****567 ヤマダ タロウ",
      "金融機関名みずほ銀行",
      "支店名新宿支店",
      "預金種目当座",
      "口座番号7654321",
      "口座名義（カナ）ヤマダ タロウ",
    ]);
    const change = {
      bankName: "みずほ銀行",
      branchName: "新宿支店",
      accountType: "当座",
      accountNumber: "7654321",
      holderKana: "ヤマダ タロウ",
    };
    const challenge = requests.filter((request) => request.path === "/api/step-up/challenges").at(-1);
    expect(challenge?.body).toEqual({ operation: "change_bank_account", payload: change });

    const button = await screen.findByRole("button", { name: "申請する" });
    await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
    await user.type(field("執行パスワード"), "Rk7m2x");
    fireEvent.click(button);
    fireEvent.click(button);

    expect(await screen.findByRole("heading", { level: 2, name: "出金先口座の変更を受け付けました" })).toBeTruthy();
    expect(screen.getByText("弊社での手続き完了後、メールでお知らせします。")).toBeTruthy();
    expect(main().textContent).toContain("申請中");
    expect(main().textContent).toContain("みずほ銀行 新宿支店 当座 ****321 ヤマダ タロウ");
    expect(main().textContent).not.toContain("7654321");

    const posts = requests.filter((request) => request.path === "/api/me/bank-account-changes");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual(change);
    expect(posts[0]?.headers.get("X-CSRF")).toBe("1");
    expect(posts[0]?.headers.get("Idempotency-Key")).toMatch(/^[A-Za-z0-9_-]{32}$/);

    // 出金 now tells that the change is 申請中.
    await user.click(within(menu).getByRole("link", { name: "出金" }));
    await screen.findByRole("heading", { level: 1, name: "出金" });
    expect(router.state.location.pathname).toBe("/withdrawal");
    await waitFor(() =>
      expect(main().querySelector(".kk-note")?.textContent).toBe(
        "出金先口座の変更を申請中です（2026年11月25日）。承認後に切り替わります。",
      ),
    );
  });

  it("validates with the shared schema (katakana, 7 digits) and sends nothing", async () => {
    const { user, requests } = await openBankAccount();
    await user.click(screen.getByRole("button", { name: "変更確認" }));
    expect(await screen.findByText("金融機関名を入力してください。")).toBeTruthy();
    expect(screen.getByText("支店名を入力してください。")).toBeTruthy();
    expect(screen.getByText("口座番号は7桁の半角数字で入力してください。")).toBeTruthy();
    expect(screen.getByText("口座名義（カナ）を入力してください。")).toBeTruthy();
    expect(document.activeElement).toBe(field("金融機関名"));

    await fillForm(user, { ...entered, accountNumber: "123456", holderKana: "やまだ たろう" });
    await user.click(screen.getByRole("button", { name: "変更確認" }));
    expect(await screen.findByText("口座名義は全角カタカナで入力してください。")).toBeTruthy();
    expect(screen.getByText("口座番号は7桁の半角数字で入力してください。")).toBeTruthy();
    expect(field("口座番号").getAttribute("aria-invalid")).toBe("true");
    expect(field("口座番号").getAttribute("inputmode")).toBe("numeric");

    await fillForm(user, { ...entered, accountNumber: "12a4567", holderKana: "Yamada" });
    await user.click(screen.getByRole("button", { name: "変更確認" }));
    await waitFor(() => expect(field("口座名義（カナ）").getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("口座番号は7桁の半角数字で入力してください。")).toBeTruthy();

    expect(screen.queryByRole("heading", { level: 2, name: "申請内容の確認" })).toBeNull();
    expect(requests.filter((request) => request.method === "POST")).toHaveLength(0);
  });

  it("refuses a pasted control character or broken Unicode on the field itself and sends nothing", async () => {
    const { user, requests } = await openBankAccount();
    await fillForm(user, { branchName: "新宿支店", accountNumber: "1234567", holderKana: "ヤマダ タロウ" });
    // Typed text cannot hold these; pasted or autofilled text can (and PostgreSQL refuses NUL).
    fireEvent.change(field("金融機関名"), { target: { value: "みずほ\u0000銀行" } });
    fireEvent.change(field("支店名"), { target: { value: "新宿\ud800支店" } });
    await user.click(screen.getByRole("button", { name: "変更確認" }));

    await waitFor(() => expect(field("金融機関名").getAttribute("aria-invalid")).toBe("true"));
    expect(field("支店名").getAttribute("aria-invalid")).toBe("true");
    expect(within(main()).getAllByText("使用できない文字が含まれています。")).toHaveLength(2);
    expect(screen.queryByRole("heading", { level: 2, name: "申請内容の確認" })).toBeNull();
    expect(requests.filter((request) => request.method === "POST")).toHaveLength(0);
  });

  it("戻る keeps what was entered", async () => {
    const { user } = await openBankAccount();
    await fillForm(user, entered);
    await user.click(screen.getByRole("button", { name: "変更確認" }));
    await user.click(await screen.findByRole("button", { name: "戻る" }));
    expect(await screen.findByRole("heading", { level: 2, name: "新しい出金先口座" })).toBeTruthy();
    expect(field("口座番号").value).toBe("7654321");
    expect(field("金融機関名").value).toBe("みずほ銀行");
  });

  it("shows a request still 申請中", async () => {
    await openBankAccount({
      "GET /api/me/withdrawals/overview": json({ ...overview, pendingBankAccountChange: requested }),
    });
    expect(await within(main()).findByText(/出金先口座の変更を申請中です/)).toBeTruthy();
    expect(main().textContent).toContain("みずほ銀行 新宿支店 当座 ****321");
    expect(main().textContent).toContain("申請中");
  });
});
