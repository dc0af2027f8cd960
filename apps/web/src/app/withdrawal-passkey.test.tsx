import { errorMessages } from "@kakunin/contracts/error-body";
import { startAuthentication } from "@simplewebauthn/browser";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { acceptedWithdrawal, demoPasskeyAssertion, demoWithdrawalOverview } from "../testing/fixtures.ts";
import {
  authenticatedSession,
  credentialStatus,
  errorJson,
  json,
  mockApi,
  stepUpChallenge,
  verified,
} from "../testing/mock-api.ts";
import { field } from "../testing/queries.ts";
import { renderApp } from "../testing/render-app.tsx";

vi.mock("@simplewebauthn/browser", () => ({ startAuthentication: vi.fn() }));

type Routes = Parameters<typeof mockApi>[0];

async function confirmWithdrawal(routes: Routes) {
  const api = mockApi({
    "GET /api/session": json(authenticatedSession),
    "GET /api/me/credentials": json(credentialStatus()),
    "GET /api/me/withdrawals/overview": json(demoWithdrawalOverview),
    "POST /api/me/withdrawals": json(acceptedWithdrawal),
    ...routes,
  });
  const app = renderApp("/withdrawal");
  await app.user.type(await screen.findByLabelText("出金金額", { selector: "input" }), "100000");
  await app.user.click(screen.getByRole("button", { name: "出金確認" }));
  await screen.findByRole("heading", { level: 2, name: "出金内容の確認" });
  return { ...api, ...app };
}

describe("出金 confirmed with a passkey (issue 14)", () => {
  it("asks for the 執行パスワード and the passkey, and withdraws with the assertion in `passkey`", async () => {
    vi.mocked(startAuthentication).mockResolvedValue(demoPasskeyAssertion);
    const { user, requests } = await confirmWithdrawal({
      "POST /api/step-up/challenges": stepUpChallenge(["execution_password", "passkey"], { operation: "withdrawal" }),
      "POST /api/step-up/verifications": verified(),
    });
    const button = await screen.findByRole("button", { name: "出金する" });
    await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
    expect(screen.getByRole("button", { name: "パスキーで確認" })).toBeTruthy();

    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(button);

    expect(await screen.findByRole("heading", { level: 2, name: "出金のお申込みを受け付けました" })).toBeTruthy();
    const verification = requests.find((request) => request.path === "/api/step-up/verifications");
    expect(verification?.body).toEqual({ executionPassword: "Rk7m2x", passkey: demoPasskeyAssertion });
    expect(
      requests.filter((request) => request.path === "/api/me/withdrawals" && request.method === "POST"),
    ).toHaveLength(1);
  });

  it("without a registered passkey says so and links to パスキー設定", async () => {
    await confirmWithdrawal({
      "POST /api/step-up/challenges": errorJson(
        "passkey_registration_required",
        errorMessages.passkey_registration_required,
        403,
      ),
    });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(errorMessages.passkey_registration_required);
    expect(within(alert).getByRole("link", { name: "パスキー設定へ" }).getAttribute("href")).toBe("/account/passkeys");
  });
});
