import { errorMessages } from "@kakunin/contracts/error-body";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { activateLocale } from "../../../lib/i18n/catalog.ts";
import { authenticatedSession, errorJson, json, mockApi } from "../../../testing/mock-api.ts";
import { LoginForm } from "./login-form.tsx";

const needsCode = errorJson("device_verification_required", errorMessages.device_verification_required, 403, {
  codeSentTo: "t***@example.test",
});

async function passwordStep(
  labels = { customerCode: "お客様コード", password: "ログインパスワード", submit: "ログイン" },
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onSuccess = vi.fn();
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <LoginForm onSuccess={onSuccess} />
    </QueryClientProvider>,
  );
  await user.type(screen.getByLabelText(labels.customerCode), "1000001");
  await user.type(screen.getByLabelText(labels.password), "Kiso8pine3");
  await user.click(screen.getByRole("button", { name: labels.submit }));
  return { user, onSuccess };
}

describe("LoginForm from a new device (issue 15)", () => {
  it("asks for the mailed 認証コード, naming the masked address, and logs in with it", async () => {
    const { requests } = mockApi({
      "POST /api/session": needsCode,
      "POST /api/session/device-verification": json(authenticatedSession),
    });
    const { user, onSuccess } = await passwordStep();
    expect(await screen.findByText(errorMessages.device_verification_required)).toBeTruthy();
    expect(screen.getByText("送信先: t***@example.test")).toBeTruthy();
    const code = screen.getByLabelText("認証コード");
    expect(code.getAttribute("autocomplete")).toBe("one-time-code");
    await user.type(code, "123456");
    await user.click(screen.getByRole("button", { name: "認証してログイン" }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(requests.at(-1)?.body).toEqual({ code: "123456" });
  });

  it("shows a malformed or wrong code at the field, with the tries left", async () => {
    const { requests } = mockApi({
      "POST /api/session": needsCode,
      "POST /api/session/device-verification": errorJson("wrong_auth_code", errorMessages.wrong_auth_code, 422, {
        remainingCodeAttempts: 3,
      }),
    });
    const { user, onSuccess } = await passwordStep();
    const code = await screen.findByLabelText("認証コード");
    await user.type(code, "12a");
    await user.click(screen.getByRole("button", { name: "認証してログイン" }));
    expect(await screen.findByText("認証コードは6桁の半角数字で入力してください。")).toBeTruthy();
    expect(requests).toHaveLength(1);

    await user.clear(code);
    await user.type(code, "654321");
    await user.click(screen.getByRole("button", { name: "認証してログイン" }));
    expect(await screen.findByText("認証コードが正しくありません。あと3回入力できます。")).toBeTruthy();
    expect(code.getAttribute("aria-invalid")).toBe("true");
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("an expired pending login says so and leads back to the password", async () => {
    mockApi({
      "POST /api/session": needsCode,
      "POST /api/session/device-verification": errorJson(
        "device_verification_expired",
        errorMessages.device_verification_expired,
        410,
      ),
    });
    const { user } = await passwordStep();
    await user.type(await screen.findByLabelText("認証コード"), "123456");
    await user.click(screen.getByRole("button", { name: "認証してログイン" }));
    expect(await screen.findByText(errorMessages.device_verification_expired)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "ログイン画面に戻る" }));
    expect(screen.getByLabelText("ログインパスワード")).toBeTruthy();
  });

  it("in English: the form, the address and the tries left", async () => {
    await activateLocale("en");
    try {
      mockApi({
        "POST /api/session": needsCode,
        "POST /api/session/device-verification": errorJson("wrong_auth_code", errorMessages.wrong_auth_code, 422, {
          remainingCodeAttempts: 1,
        }),
      });
      const { user } = await passwordStep({
        customerCode: "Customer code (お客様コード)",
        password: "Login password (ログインパスワード)",
        submit: "Log in",
      });
      const form = await screen.findByRole("form", { name: "Verify a new device" });
      expect(form.textContent).toContain("Sent to: t***@example.test");
      await user.type(screen.getByLabelText("Authentication code (認証コード)"), "654321");
      await user.click(screen.getByRole("button", { name: "Verify and log in" }));
      expect(await screen.findByText("The authentication code is incorrect. You can try 1 more time.")).toBeTruthy();
      expect(screen.getByRole("button", { name: "Back to login" })).toBeTruthy();
    } finally {
      await activateLocale("ja");
    }
  });
});
