import { errorMessages } from "@kakunin/contracts/error-body";
import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  WebAuthnAbortService,
} from "@simplewebauthn/browser";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { demoPasskeyAssertion, demoPasskeyRequestOptions } from "../../../testing/fixtures.ts";
import { authenticatedSession, errorJson, json, mockApi } from "../../../testing/mock-api.ts";
import { sessionQueryOptions } from "../api/get-session.ts";
import { LoginForm } from "./login-form.tsx";

const passkeyLoginCancelledMessage =
  "パスキーでのログインが完了しませんでした。もう一度「パスキーでログイン」を押してください。";

// The browser's ceremonies are the library's; the form's use of them is tested here.
vi.mock("@simplewebauthn/browser", () => ({
  browserSupportsWebAuthn: vi.fn(),
  browserSupportsWebAuthnAutofill: vi.fn(),
  startAuthentication: vi.fn(),
  WebAuthnAbortService: { cancelCeremony: vi.fn() },
}));
const ceremony = vi.mocked(startAuthentication);
const autofillSupported = vi.mocked(browserSupportsWebAuthnAutofill);
const cancelCeremony = vi.mocked(WebAuthnAbortService.cancelCeremony);

const optionsPath = "/api/session/passkey-options";
const passkeyLoginPath = "/api/session/passkey";

function cancelled(): Error {
  const error = new Error("The operation either timed out or was not allowed.");
  error.name = "NotAllowedError";
  return error;
}

function renderForm() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onSuccess = vi.fn();
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <LoginForm onSuccess={onSuccess} />
    </QueryClientProvider>,
  );
  const passkeyButton = screen.getByRole("button", { name: "パスキーでログイン" });
  return { ...view, queryClient, onSuccess, user, passkeyButton };
}

beforeEach(() => {
  ceremony.mockReset();
  cancelCeremony.mockReset();
  vi.mocked(browserSupportsWebAuthn).mockReset().mockReturnValue(true);
  autofillSupported.mockReset().mockResolvedValue(false);
});

describe("LoginForm with a passkey", () => {
  it("offers 「パスキーでログイン」 with its line, and the お客様コード input to the browser's passkey autofill", () => {
    mockApi({});
    renderForm();
    expect(screen.getByLabelText("お客様コード").getAttribute("autocomplete")).toBe("username webauthn");
    expect(
      screen.getByText("パスキーを登録済みの方は、お客様コードとパスワードの入力なしでログインできます。"),
    ).toBeTruthy();
  });

  it("logs in with the passkey: fresh options, the browser's assertion, then the session", async () => {
    const { requests } = mockApi({
      "POST /api/session/passkey-options": json(demoPasskeyRequestOptions),
      "POST /api/session/passkey": json(authenticatedSession),
    });
    ceremony.mockResolvedValue(demoPasskeyAssertion);
    const { user, passkeyButton, onSuccess, queryClient } = renderForm();
    await user.click(passkeyButton);

    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(ceremony).toHaveBeenCalledWith({ optionsJSON: demoPasskeyRequestOptions, useBrowserAutofill: false });
    expect(requests.map((request) => [request.method, request.path])).toEqual([
      ["POST", optionsPath],
      ["POST", passkeyLoginPath],
    ]);
    expect(requests[0]?.body).toEqual({});
    expect(requests[1]?.body).toEqual({ response: demoPasskeyAssertion });
    expect(requests[1]?.headers.get("X-CSRF")).toBe("1");
    expect(queryClient.getQueryData(sessionQueryOptions().queryKey)).toEqual(authenticatedSession);
  });

  it("starts the browser's autofill on arrival when it can, and logs in with what it picks", async () => {
    autofillSupported.mockResolvedValue(true);
    const { requests } = mockApi({
      "POST /api/session/passkey-options": json(demoPasskeyRequestOptions),
      "POST /api/session/passkey": json(authenticatedSession),
    });
    ceremony.mockResolvedValue(demoPasskeyAssertion);
    const { onSuccess } = renderForm();

    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(ceremony).toHaveBeenCalledWith({ optionsJSON: demoPasskeyRequestOptions, useBrowserAutofill: true });
    expect(requests.find((request) => request.path === passkeyLoginPath)?.body).toEqual({
      response: demoPasskeyAssertion,
    });
  });

  it("does not ask for options when the browser has no passkey autofill", async () => {
    const { fetchMock } = mockApi({});
    renderForm();
    await waitFor(() => expect(autofillSupported).toHaveBeenCalled());
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("aborts the autofill's ceremony before the button's own, and when the screen is left", async () => {
    autofillSupported.mockResolvedValue(true);
    mockApi({ "POST /api/session/passkey-options": json(demoPasskeyRequestOptions) });
    // The autofill waits for the customer (each round); the button's prompt is cancelled.
    ceremony.mockImplementation(() => new Promise(() => {})).mockRejectedValueOnce(cancelled());
    ceremony.mockImplementationOnce(() => new Promise(() => {}));
    const { user, passkeyButton, unmount } = renderForm();
    await waitFor(() => expect(ceremony).toHaveBeenCalledTimes(1));

    await user.click(passkeyButton);
    await waitFor(() => expect(ceremony).toHaveBeenCalledTimes(2));
    const buttonCeremony = ceremony.mock.invocationCallOrder[1] ?? 0;
    expect(cancelCeremony.mock.invocationCallOrder.some((order) => order < buttonCeremony)).toBe(true);

    cancelCeremony.mockClear();
    unmount();
    expect(cancelCeremony).toHaveBeenCalled();
  });

  it("offers the passkeys in autofill again after a failed passkey login", async () => {
    autofillSupported.mockResolvedValue(true);
    const { requests } = mockApi({
      "POST /api/session/passkey-options": json(demoPasskeyRequestOptions),
      "POST /api/session/passkey": errorJson("passkey_unknown", errorMessages.passkey_unknown, 403),
    });
    // The first autofill round picks a passkey the BFF does not know; the next one waits.
    ceremony.mockImplementation(() => new Promise(() => {})).mockResolvedValueOnce(demoPasskeyAssertion);
    renderForm();

    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages.passkey_unknown);
    await waitFor(() => expect(ceremony).toHaveBeenCalledTimes(2));
    expect(ceremony.mock.calls.map(([options]) => options.useBrowserAutofill)).toEqual([true, true]);
    expect(requests.filter((request) => request.path === optionsPath)).toHaveLength(2);
  });

  it("says what to do when the customer cancels the browser's prompt", async () => {
    const { requests } = mockApi({ "POST /api/session/passkey-options": json(demoPasskeyRequestOptions) });
    ceremony.mockRejectedValue(cancelled());
    const { user, passkeyButton, onSuccess } = renderForm();
    await user.click(passkeyButton);

    expect((await screen.findByRole("alert")).textContent).toContain(passkeyLoginCancelledMessage);
    expect(requests.some((request) => request.path === passkeyLoginPath)).toBe(false);
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it.each([
    ["passkey_unknown", 403],
    ["passkey_suspended", 403],
    ["passkey_invalid", 422],
    ["passkey_challenge_expired", 422],
  ] as const)("shows the BFF's %s refusal in the error area", async (code, status) => {
    mockApi({
      "POST /api/session/passkey-options": json(demoPasskeyRequestOptions),
      "POST /api/session/passkey": errorJson(code, errorMessages[code], status),
    });
    ceremony.mockResolvedValue(demoPasskeyAssertion);
    const { user, passkeyButton, onSuccess } = renderForm();
    await user.click(passkeyButton);

    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages[code]);
    expect(screen.queryByRole("button", { name: "再試行" })).toBeNull();
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("on passkey_login_required says so and moves to 「パスキーでログイン」", async () => {
    mockApi({
      "POST /api/session": errorJson("passkey_login_required", errorMessages.passkey_login_required, 403),
    });
    const { user, passkeyButton, onSuccess } = renderForm();
    await user.type(screen.getByLabelText("お客様コード"), "1000001");
    await user.type(screen.getByLabelText("ログインパスワード"), "Kiso8pine3");
    await user.click(screen.getByRole("button", { name: "ログイン" }));

    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages.passkey_login_required);
    await waitFor(() => expect(document.activeElement).toBe(passkeyButton));
    expect((screen.getByLabelText("ログインパスワード") as HTMLInputElement).value).toBe("");
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("keeps one error area: a passkey attempt replaces the password login's error", async () => {
    mockApi({
      "POST /api/session": errorJson("passkey_login_required", errorMessages.passkey_login_required, 403),
      "POST /api/session/passkey-options": json(demoPasskeyRequestOptions),
    });
    ceremony.mockRejectedValue(cancelled());
    const { user, passkeyButton } = renderForm();
    await user.type(screen.getByLabelText("お客様コード"), "1000001");
    await user.type(screen.getByLabelText("ログインパスワード"), "Kiso8pine3");
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    await screen.findByRole("alert");

    await user.click(passkeyButton);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain(passkeyLoginCancelledMessage));
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(screen.getByRole("alert").textContent).not.toContain(errorMessages.passkey_login_required);
  });
});
