import { errorMessages } from "@kakunin/contracts/error-body";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { errorJson, mockApi, stepUpChallenge } from "../../../testing/mock-api.ts";
import { StepUpConfirmation } from "./step-up-confirmation.tsx";

type Methods = ("execution_password" | "auth_code" | "passkey")[];

function renderConfirmation(methods: Methods) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <StepUpConfirmation
        operation="withdrawal"
        payload={{}}
        requirement={{ methods }}
        instruction="You are requesting the following withdrawal."
        summary={<p>100,000 yen</p>}
        submitLabel="Withdraw"
        onConfirmed={vi.fn(async () => {})}
        onCancel={() => {}}
      />
    </QueryClientProvider>,
  );
  return { user };
}

function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label, { exact: true, selector: "input" }) as HTMLInputElement;
}

async function ready() {
  await waitFor(() => expect(screen.getByRole("button", { name: "Withdraw" }).getAttribute("aria-busy")).toBeNull());
}

describe("StepUpConfirmation in English", () => {
  beforeEach(async () => {
    await activateLocale("en");
  });
  afterEach(async () => {
    await activateLocale("ja");
  });

  it("says what to enter for each method asked for, with the Japanese terms on first use", async () => {
    mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(["execution_password", "auth_code"], {
        operation: "withdrawal",
        codeSentTo: "h***@example.jp",
      }),
    });
    renderConfirmation(["execution_password", "auth_code"]);
    await ready();

    expect(
      screen.getByText(
        "You are requesting the following withdrawal. If everything is correct, enter your execution password (執行パスワード), enter the authentication code (認証コード) we emailed you, then press “Withdraw”.",
      ),
    ).toBeTruthy();
    expect(field("Execution password").type).toBe("password");
    expect(field("Authentication code")).toBeTruthy();
    expect(screen.getByText("We have sent an authentication code to h***@example.jp.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Resend" })).toBeTruthy();
    expect(screen.getByText("The code is valid for 10 minutes. If it does not arrive, please resend it.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Back" })).toBeTruthy();
  });

  it("names the passkey and its button", async () => {
    mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(["execution_password", "passkey"], { operation: "withdrawal" }),
    });
    renderConfirmation(["execution_password", "passkey"]);
    await ready();
    expect(screen.getByRole("group", { name: "Passkey" }).textContent).toContain(
      "Confirm with this device’s screen lock (fingerprint, face or PIN) or a security key.",
    );
    expect(screen.getByRole("button", { name: "Confirm with passkey" })).toBeTruthy();
  });

  it("counts the tries left in English, one and many", async () => {
    mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(["execution_password"], { operation: "withdrawal" }),
      "POST /api/step-up/verifications": [
        errorJson("wrong_execution_password", errorMessages.wrong_execution_password, 422, { remainingAttempts: 8 }),
        errorJson("wrong_execution_password", errorMessages.wrong_execution_password, 422, { remainingAttempts: 1 }),
      ],
    });
    const { user } = renderConfirmation(["execution_password"]);
    await ready();

    await user.type(field("Execution password"), "Wrong1x");
    await user.click(screen.getByRole("button", { name: "Withdraw" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "The execution password is incorrect. 8 more incorrect entries will lock your account.",
    );

    await user.type(field("Execution password"), "Wrong2x");
    await user.click(screen.getByRole("button", { name: "Withdraw" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "The execution password is incorrect. One more incorrect entry will lock your account.",
      ),
    );
  });

  it("says how many code entries are left", async () => {
    mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(["execution_password", "auth_code"], { operation: "withdrawal" }),
      "POST /api/step-up/verifications": errorJson("wrong_auth_code", errorMessages.wrong_auth_code, 422, {
        remainingCodeAttempts: 1,
      }),
    });
    const { user } = renderConfirmation(["execution_password", "auth_code"]);
    await ready();
    await user.type(field("Execution password"), "Rk7m2x");
    await user.type(field("Authentication code"), "000000");
    await user.click(screen.getByRole("button", { name: "Withdraw" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "The authentication code is incorrect. You have 1 more try.",
    );
  });

  it("titles the lock in English", async () => {
    mockApi({ "POST /api/step-up/challenges": errorJson("account_locked", errorMessages.account_locked, 423) });
    renderConfirmation(["execution_password"]);
    expect((await screen.findByRole("alert")).textContent).toContain("Account locked");
  });
});
