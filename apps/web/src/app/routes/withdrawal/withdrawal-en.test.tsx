import { screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { acceptedWithdrawal, demoWithdrawalOverview, demoWithdrawals } from "../../../testing/fixtures.ts";
import {
  authenticatedSession,
  credentialStatus,
  json,
  mockApi,
  stepUpChallenge,
  verified,
} from "../../../testing/mock-api.ts";
import { field, main } from "../../../testing/queries.ts";
import { renderApp } from "../../../testing/render-app.tsx";

/**
 * 出金 in English, from the amount through 出金確認 and the step-up to the receipt: the path the
 * English smoke test takes. Only this area's words are asserted (the shell's are its own).
 */
describe("出金 in English", () => {
  beforeEach(async () => {
    await activateLocale("en");
  });
  afterEach(async () => {
    await activateLocale("ja");
  });

  // The whole flow through lazy routes: well over the default 5 s on a loaded 2-core machine.
  it("asks for the amount, confirms with the execution password and the code, and shows the receipt", {
    timeout: 15_000,
  }, async () => {
    mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/credentials": json(credentialStatus()),
      "GET /api/me/withdrawals/overview": json(demoWithdrawalOverview),
      "POST /api/step-up/challenges": stepUpChallenge(["execution_password", "auth_code"], {
        operation: "withdrawal",
        codeSentTo: "t***@example.jp",
      }),
      "POST /api/step-up/verifications": verified(),
      "POST /api/me/withdrawals": json(acceptedWithdrawal),
    });
    const { user } = renderApp("/withdrawal");

    const amount = await screen.findByLabelText("Withdrawal amount", { selector: "input" });
    expect(screen.getByRole("heading", { level: 2, name: "Enter the withdrawal amount" })).toBeTruthy();
    expect(screen.getByText("Enter the amount and press “Confirm withdrawal”.")).toBeTruthy();
    const overview = main().querySelector("dl") as HTMLElement;
    expect(overview.textContent).toContain("Withdrawable amount");
    expect(overview.textContent).toContain(
      "Withdrawal bank account三井住友銀行 渋谷支店 Ordinary ****567 ヤマダ タロウ",
    );

    await user.type(amount, "100000");
    await user.click(screen.getByRole("button", { name: "Confirm withdrawal" }));

    expect(await screen.findByRole("heading", { level: 2, name: "Confirm withdrawal details" })).toBeTruthy();
    expect(
      await screen.findByText(
        "You are requesting the following withdrawal. If everything is correct, enter your execution password (執行パスワード), enter the authentication code (認証コード) we emailed you, then press “Withdraw”.",
      ),
    ).toBeTruthy();
    const summary = main().querySelector("dl") as HTMLElement;
    expect(summary.textContent).toContain("Destination account三井住友銀行 渋谷支店 Ordinary ****567");
    expect(screen.getByText("We have sent an authentication code to t***@example.jp.")).toBeTruthy();
    const withdraw = screen.getByRole("button", { name: "Withdraw" });
    await waitFor(() => expect(withdraw.getAttribute("aria-busy")).toBeNull());
    await user.type(field("Authentication code"), "123456");
    await user.type(field("Execution password"), "Rk7m2x");
    await user.click(withdraw);

    expect(
      await screen.findByRole("heading", { level: 2, name: "We have received your withdrawal request" }),
    ).toBeTruthy();
    const receipt = main().querySelector("dl") as HTMLElement;
    expect(receipt.textContent).toContain("Request numberW20261125-0001");
    expect(receipt.textContent).toContain("StatusReceived");
    expect(screen.getByRole("link", { name: "View withdrawal history" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to Member home" })).toBeTruthy();
  });

  it("lists the history with its statuses in English", async () => {
    mockApi({
      "GET /api/session": json(authenticatedSession),
      "GET /api/me/withdrawals": json(demoWithdrawals),
    });
    renderApp("/withdrawal/history");
    const table = await screen.findByRole("table", { name: "Withdrawal requests (times in JST)" });
    expect(screen.getByRole("link", { name: "Withdrawal" }).closest("p")?.textContent).toBe(
      "Your withdrawal requests. To make a new withdrawal, go to Withdrawal.",
    );
    const headers = [...table.querySelectorAll("th")].map((th) => th.textContent);
    expect(headers).toEqual(["Request number", "Requested at", "Withdrawal amount", "Destination account", "Status"]);
    expect(table.textContent).toContain("Completed");
    expect(table.textContent).toContain("Cancelled");
  });
});
