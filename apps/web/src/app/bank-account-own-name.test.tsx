import { errorMessages } from "@kakunin/contracts/error-body";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { demoBankAccount } from "../testing/fixtures.ts";
import {
  authenticatedSession,
  credentialStatus,
  errorJson,
  json,
  mockApi,
  stepUpChallenge,
} from "../testing/mock-api.ts";
import { field } from "../testing/queries.ts";
import { renderApp } from "../testing/render-app.tsx";

const MISMATCH =
  "出金先口座はご本人名義の口座のみ登録できます。口座名義（カナ）がご登録のお名前（ヤマダ タロウ）と一致しません。";

describe("出金先口座変更: 本人名義 only (R39)", () => {
  it("shows core's refusal on the 口座名義 field and stays on the input; a corrected name goes on to the confirmation", async () => {
    const { requests } = mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/credentials": json(credentialStatus()),
      "GET /api/me/withdrawals/overview": json({
        withdrawable: 1_000_000,
        bankAccount: demoBankAccount,
        pendingBankAccountChange: null,
      }),
      "POST /api/me/bank-account-change-checks": [
        errorJson("validation_failed", errorMessages.validation_failed, 400, {
          fields: [{ path: "holderKana", message: MISMATCH }],
        }),
        json({ ok: true }),
      ],
      "POST /api/step-up/challenges": stepUpChallenge(["execution_password"], { operation: "change_bank_account" }),
    });
    const { user } = renderApp("/account/bank-account");
    await screen.findByRole("heading", { level: 1, name: "出金先口座変更" });
    await user.type(field("金融機関名"), "みずほ銀行");
    await user.type(field("支店名"), "新宿支店");
    await user.type(field("口座番号"), "7654321");
    await user.type(field("口座名義（カナ）"), "スズキ イチロウ");
    await user.click(screen.getByRole("button", { name: "変更確認" }));

    expect(await screen.findByText(MISMATCH)).toBeTruthy();
    const holder = field("口座名義（カナ）");
    expect(holder.getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(holder));
    expect(screen.queryByRole("heading", { level: 2, name: "申請内容の確認" })).toBeNull();
    const checks = requests.filter((r) => r.path === "/api/me/bank-account-change-checks");
    expect(checks[0]?.body).toMatchObject({ holderKana: "スズキ イチロウ" });
    expect(checks[0]?.headers.get("X-CSRF")).toBe("1");
    expect(requests.some((r) => r.path === "/api/step-up/challenges")).toBe(false);

    await user.clear(holder);
    await user.type(holder, "ヤマダ タロウ");
    await user.click(screen.getByRole("button", { name: "変更確認" }));
    expect(await screen.findByRole("heading", { level: 2, name: "申請内容の確認" })).toBeTruthy();
    expect(requests.filter((r) => r.path === "/api/me/bank-account-change-checks")).toHaveLength(2);
  });
});
