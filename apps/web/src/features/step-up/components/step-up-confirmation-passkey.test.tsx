import { errorMessages } from "@kakunin/contracts/error-body";
import { startAuthentication } from "@simplewebauthn/browser";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { StrictMode } from "react";
import { MemoryRouter } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { demoPasskeyAssertion, demoPasskeyRequestOptions, stepUpChallengeBody } from "../../../testing/fixtures.ts";
import { errorJson, json, mockApi, stepUpChallenge, verified } from "../../../testing/mock-api.ts";
import { StepUpConfirmation } from "./step-up-confirmation.tsx";

// The browser's ceremony is the library's; what the confirmation does with it is tested here.
vi.mock("@simplewebauthn/browser", () => ({ startAuthentication: vi.fn() }));
const ceremony = vi.mocked(startAuthentication);

const passkeyHint = "この端末の画面ロック（指紋・顔・PIN）またはセキュリティキーで確認します。";
const passkeyCancelledMessage = "パスキーでの確認が完了しませんでした。もう一度「パスキーで確認」を押してください。";

const methods = ["execution_password", "passkey"] as const;
const challengePath = "/api/step-up/challenges";
const verificationPath = "/api/step-up/verifications";

function cancelled(): Error {
  const error = new Error("The operation either timed out or was not allowed.");
  error.name = "NotAllowedError";
  return error;
}

function renderConfirmation() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onConfirmed = vi.fn(async () => {});
  const user = userEvent.setup();
  render(
    <StrictMode>
      <MemoryRouter>
        <QueryClientProvider client={queryClient}>
          <StepUpConfirmation
            operation="withdrawal"
            payload={{ amount: 100000 }}
            requirement={{ methods: [...methods] }}
            summary={<p>出金金額: 100,000円</p>}
            submitLabel="出金する"
            onConfirmed={onConfirmed}
          />
        </QueryClientProvider>
      </MemoryRouter>
    </StrictMode>,
  );
  return { user, onConfirmed };
}

async function ready() {
  await waitFor(() => expect(screen.getByRole("button", { name: "出金する" }).getAttribute("aria-busy")).toBeNull());
}

function passwordField(): HTMLInputElement {
  return screen.getByLabelText("執行パスワード", { selector: "input" }) as HTMLInputElement;
}

beforeEach(() => {
  ceremony.mockReset();
});

describe("StepUpConfirmation with a passkey", () => {
  it("asks for the passkey and sends its assertion beside the execution password", async () => {
    const { requests } = mockApi({
      "POST /api/step-up/challenges": stepUpChallenge([...methods], { operation: "withdrawal" }),
      "POST /api/step-up/verifications": verified(),
    });
    ceremony.mockResolvedValue(demoPasskeyAssertion);
    const { user, onConfirmed } = renderConfirmation();
    await ready();

    const button = screen.getByRole("button", { name: "パスキーで確認" });
    expect(screen.getByRole("group", { name: "パスキー" }).textContent).toContain(passkeyHint);
    await user.click(button);
    expect(ceremony).toHaveBeenCalledWith({ optionsJSON: demoPasskeyRequestOptions });
    expect((await screen.findByRole("status")).textContent).toBe("パスキーで確認しました。");

    await user.type(passwordField(), "Ume4k9");
    await user.click(screen.getByRole("button", { name: "出金する" }));

    await waitFor(() => expect(onConfirmed).toHaveBeenCalledTimes(1));
    const verifications = requests.filter((request) => request.path === verificationPath);
    expect(verifications.map((request) => request.body)).toEqual([
      { executionPassword: "Ume4k9", passkey: demoPasskeyAssertion },
    ]);
    expect(ceremony).toHaveBeenCalledTimes(1);
  });

  it("one click: 出金する runs the passkey prompt itself when only the passkey is missing", async () => {
    const { requests } = mockApi({
      "POST /api/step-up/challenges": stepUpChallenge([...methods], { operation: "withdrawal" }),
      "POST /api/step-up/verifications": verified(),
    });
    ceremony.mockResolvedValue(demoPasskeyAssertion);
    const { user, onConfirmed } = renderConfirmation();
    await ready();

    await user.type(passwordField(), "Ume4k9");
    await user.click(screen.getByRole("button", { name: "出金する" }));

    await waitFor(() => expect(onConfirmed).toHaveBeenCalledTimes(1));
    expect(ceremony).toHaveBeenCalledTimes(1);
    const verification = requests.find((request) => request.path === verificationPath);
    expect(verification?.body).toEqual({ executionPassword: "Ume4k9", passkey: demoPasskeyAssertion });
  });

  it("asks for the passkey in Japanese when the password is missing too, without prompting", async () => {
    const { requests } = mockApi({
      "POST /api/step-up/challenges": stepUpChallenge([...methods], { operation: "withdrawal" }),
    });
    const { user } = renderConfirmation();
    await ready();
    await user.click(screen.getByRole("button", { name: "出金する" }));

    expect(await screen.findByText(errorMessages.passkey_required)).toBeTruthy();
    expect(screen.getByText("執行パスワードを入力してください。")).toBeTruthy();
    expect(ceremony).not.toHaveBeenCalled();
    expect(requests.filter((request) => request.path === verificationPath)).toHaveLength(0);
  });

  it("when the customer cancels the browser's prompt, says what to do and sends nothing", async () => {
    const { requests } = mockApi({
      "POST /api/step-up/challenges": stepUpChallenge([...methods], { operation: "withdrawal" }),
    });
    ceremony.mockRejectedValue(cancelled());
    const { user, onConfirmed } = renderConfirmation();
    await ready();

    await user.type(passwordField(), "Ume4k9");
    await user.click(screen.getByRole("button", { name: "出金する" }));

    const group = screen.getByRole("group", { name: "パスキー" });
    expect(await within(group).findByText(passkeyCancelledMessage)).toBeTruthy();
    const button = screen.getByRole("button", { name: "パスキーで確認" });
    const described = button.getAttribute("aria-describedby")?.split(" ") ?? [];
    expect(described.map((id) => document.getElementById(id)?.textContent)).toEqual([
      passkeyCancelledMessage,
      passkeyHint,
    ]);
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect(screen.queryByRole("status")).toBeNull();
    expect(requests.filter((request) => request.path === verificationPath)).toHaveLength(0);
    expect(onConfirmed).not.toHaveBeenCalled();
  });

  it("on passkey_challenge_expired gets new options and signs those on the next try", async () => {
    const renewed = { ...demoPasskeyRequestOptions, challenge: "bmV3LW9wdGlvbnMtZm9yLXRoZS1zZWNvbmQtdHJ5" };
    const { requests } = mockApi({
      "POST /api/step-up/challenges": [
        stepUpChallenge([...methods], { operation: "withdrawal" }),
        json({ ...stepUpChallengeBody([...methods], { operation: "withdrawal" }), passkeyOptions: renewed }),
      ],
      "POST /api/step-up/verifications": [
        errorJson("passkey_challenge_expired", errorMessages.passkey_challenge_expired, 422),
        verified(),
      ],
    });
    ceremony.mockResolvedValue(demoPasskeyAssertion);
    const { user, onConfirmed } = renderConfirmation();
    await ready();

    await user.type(passwordField(), "Ume4k9");
    await user.click(screen.getByRole("button", { name: "出金する" }));
    expect((await screen.findByRole("alert")).textContent).toBe(errorMessages.passkey_challenge_expired);
    await waitFor(() => expect(requests.filter((request) => request.path === challengePath)).toHaveLength(2));
    await ready();
    // The spent assertion is gone; the typed password stays.
    expect(screen.queryByRole("status")).toBeNull();
    expect(passwordField().value).toBe("Ume4k9");

    await user.click(screen.getByRole("button", { name: "出金する" }));
    await waitFor(() => expect(onConfirmed).toHaveBeenCalledTimes(1));
    expect(ceremony).toHaveBeenLastCalledWith({ optionsJSON: renewed });
    expect(requests.filter((request) => request.path === verificationPath)).toHaveLength(2);
  });

  it("never sends the same assertion twice: after a wrong password the passkey is asked again", async () => {
    const { requests } = mockApi({
      "POST /api/step-up/challenges": stepUpChallenge([...methods], { operation: "withdrawal" }),
      "POST /api/step-up/verifications": [
        errorJson("wrong_execution_password", "執行パスワードが正しくありません。", 422, { remainingAttempts: 8 }),
        verified(),
      ],
    });
    const second = { ...demoPasskeyAssertion, response: { ...demoPasskeyAssertion.response, signature: "c2Vjb25k" } };
    ceremony.mockResolvedValueOnce(demoPasskeyAssertion).mockResolvedValueOnce(second);
    const { user, onConfirmed } = renderConfirmation();
    await ready();

    await user.type(passwordField(), "Wrong1");
    await user.click(screen.getByRole("button", { name: "出金する" }));
    expect((await screen.findByRole("alert")).textContent).toContain("あと8回");
    expect(screen.queryByRole("status")).toBeNull();

    await user.type(passwordField(), "Ume4k9");
    await user.click(screen.getByRole("button", { name: "出金する" }));
    await waitFor(() => expect(onConfirmed).toHaveBeenCalledTimes(1));
    const bodies = requests.filter((request) => request.path === verificationPath).map((request) => request.body);
    expect(bodies).toEqual([
      { executionPassword: "Wrong1", passkey: demoPasskeyAssertion },
      { executionPassword: "Ume4k9", passkey: second },
    ]);
  });

  it("a customer without a passkey is told to register one, with the way to パスキー設定", async () => {
    mockApi({
      "POST /api/step-up/challenges": errorJson(
        "passkey_registration_required",
        errorMessages.passkey_registration_required,
        403,
      ),
    });
    renderConfirmation();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(errorMessages.passkey_registration_required);
    const link = within(alert).getByRole("link", { name: "パスキー設定へ" });
    expect(link.getAttribute("href")).toBe("/account/passkeys");
    expect(screen.queryByRole("button", { name: "パスキーで確認" })).toBeNull();
  });
});

describe("StepUpConfirmation with a passkey and an 認証コード", () => {
  it("new passkey options also mail a new code: both are said, the old code is cleared", async () => {
    const all = ["execution_password", "passkey", "auth_code"] as const;
    mockApi({
      "POST /api/step-up/challenges": stepUpChallenge([...all], { operation: "withdrawal" }),
      "POST /api/step-up/verifications": errorJson("passkey_invalid", errorMessages.passkey_invalid, 422),
    });
    ceremony.mockResolvedValue(demoPasskeyAssertion);
    const { user } = renderConfirmation();
    await ready();
    const code = screen.getByLabelText("認証コード", { selector: "input" }) as HTMLInputElement;
    await user.type(passwordField(), "Ume4k9");
    await user.type(code, "123456");
    await user.click(screen.getByRole("button", { name: "出金する" }));

    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        `${errorMessages.passkey_invalid}認証コードを再送信しました。`,
      ),
    );
    expect(code.value).toBe("");
    expect(passwordField().value).toBe("Ume4k9");
  });
});
