import { errorMessages } from "@kakunin/contracts/error-body";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { authenticatedSession, errorJson, json, mockApi } from "../../../testing/mock-api.ts";
import { sessionQueryOptions } from "../api/get-session.ts";
import { LoginForm } from "./login-form.tsx";

function renderForm() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onSuccess = vi.fn();
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <LoginForm onSuccess={onSuccess} />
    </QueryClientProvider>,
  );
  const customerCode = screen.getByLabelText("お客様コード") as HTMLInputElement;
  const password = screen.getByLabelText("ログインパスワード") as HTMLInputElement;
  const submit = screen.getByRole("button", { name: "ログイン" });
  return { queryClient, onSuccess, user, customerCode, password, submit };
}

function describedText(input: HTMLElement): string {
  const ids = input.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

describe("LoginForm", () => {
  it("labels its fields for password managers and phones", () => {
    mockApi({});
    const { customerCode, password } = renderForm();
    // "webauthn": the browser may offer passkeys here too (issue 14).
    expect(customerCode.getAttribute("autocomplete")).toBe("username webauthn");
    expect(customerCode.getAttribute("inputmode")).toBe("numeric");
    expect(password.getAttribute("type")).toBe("password");
    expect(password.getAttribute("autocomplete")).toBe("current-password");
  });

  it("shows Japanese field errors for empty input and sends nothing", async () => {
    const { fetchMock } = mockApi({});
    const { user, submit, customerCode, password } = renderForm();
    await user.click(submit);

    expect(await screen.findByText("お客様コードを入力してください。")).toBeTruthy();
    expect(screen.getByText("ログインパスワードを入力してください。")).toBeTruthy();
    expect(customerCode.getAttribute("aria-invalid")).toBe("true");
    expect(password.getAttribute("aria-invalid")).toBe("true");
    // The message is tied to the field, so a screen reader reads it with the label.
    expect(describedText(customerCode)).toContain("お客様コードを入力してください。");
    expect(describedText(password)).toContain("ログインパスワードを入力してください。");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("rejects a customer code that is not 7 digits and sends nothing", async () => {
    const { fetchMock } = mockApi({});
    const { user, submit, customerCode, password } = renderForm();
    await user.type(customerCode, "12ab");
    await user.type(password, "Kiso8pine3");
    await user.click(submit);

    expect(await screen.findByText("お客様コードは7桁の半角数字で入力してください。")).toBeTruthy();
    expect(password.getAttribute("aria-invalid")).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("logs in: posts the trimmed values with X-CSRF and stores the session", async () => {
    const { requests } = mockApi({ "POST /api/session": json(authenticatedSession) });
    const { user, submit, customerCode, password, onSuccess, queryClient } = renderForm();
    await user.type(customerCode, " 1000001 ");
    await user.type(password, "Kiso8pine3");
    await user.click(submit);

    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toEqual({ customerCode: "1000001", password: "Kiso8pine3" });
    expect(requests[0]?.headers.get("X-CSRF")).toBe("1");
    expect(queryClient.getQueryData(sessionQueryOptions().queryKey)).toEqual(authenticatedSession);
  });

  it("shows the server's generic message on 401 and clears the password", async () => {
    mockApi({
      "POST /api/session": errorJson("invalid_credentials", errorMessages.invalid_credentials, 401),
    });
    const { user, submit, customerCode, password, onSuccess } = renderForm();
    await user.type(customerCode, "1000001");
    await user.type(password, "wrong-pass1");
    await user.click(submit);

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("お客様コードまたはログインパスワードが正しくありません。");
    expect(screen.queryByRole("button", { name: "再試行" })).toBeNull();
    expect(password.value).toBe("");
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("shows the rate-limit message on 429", async () => {
    mockApi({ "POST /api/session": errorJson("rate_limited", errorMessages.rate_limited, 429) });
    const { user, submit, customerCode, password } = renderForm();
    await user.type(customerCode, "1000001");
    await user.type(password, "Kiso8pine3");
    await user.click(submit);

    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages.rate_limited);
  });

  it("drops the throttle message once a later attempt fails on the fields instead (issue 17 B5)", async () => {
    mockApi({ "POST /api/session": errorJson("rate_limited", errorMessages.rate_limited, 429) });
    const { user, submit, customerCode, password } = renderForm();
    await user.type(customerCode, "1000001");
    await user.type(password, "Kiso8pine3");
    await user.click(submit);
    await screen.findByRole("alert");

    await user.clear(customerCode);
    await user.click(submit);
    expect(await screen.findByText("お客様コードを入力してください。")).toBeTruthy();
    // One error at a time: the old banner is about an attempt that is over.
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByText(errorMessages.rate_limited)).toBeNull();
  });

  it("maps server field errors (400 validation_failed) onto the fields", async () => {
    mockApi({
      "POST /api/session": errorJson("validation_failed", errorMessages.validation_failed, 400, {
        fields: [{ path: "password", message: "ログインパスワードは20文字以内で入力してください。" }],
      }),
    });
    const { user, submit, customerCode, password } = renderForm();
    await user.type(customerCode, "1000001");
    await user.type(password, "Kiso8pine3");
    await user.click(submit);

    expect(await screen.findByText("ログインパスワードは20文字以内で入力してください。")).toBeTruthy();
    expect(password.getAttribute("aria-invalid")).toBe("true");
    expect(describedText(password)).toContain("ログインパスワードは20文字以内で入力してください。");
    expect(screen.getByRole("alert").textContent).toContain(errorMessages.validation_failed);
  });

  it("offers 再試行 when the service is unavailable, and the retry can succeed", async () => {
    const { requests } = mockApi({
      "POST /api/session": [
        errorJson("upstream_unavailable", errorMessages.upstream_unavailable, 503, { retryable: true }),
        json(authenticatedSession),
      ],
    });
    const { user, submit, customerCode, password, onSuccess } = renderForm();
    await user.type(customerCode, "1000001");
    await user.type(password, "Kiso8pine3");
    await user.click(submit);

    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages.upstream_unavailable);
    await user.click(screen.getByRole("button", { name: "再試行" }));

    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(requests).toHaveLength(2);
    expect(requests[1]?.body).toEqual({ customerCode: "1000001", password: "Kiso8pine3" });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("treats a network failure as upstream_unavailable", async () => {
    mockApi({ "POST /api/session": new TypeError("Failed to fetch") });
    const { user, submit, customerCode, password } = renderForm();
    await user.type(customerCode, "1000001");
    await user.type(password, "Kiso8pine3");
    await user.click(submit);

    expect((await screen.findByRole("alert")).textContent).toContain(errorMessages.upstream_unavailable);
    expect(screen.getByRole("button", { name: "再試行" })).toBeTruthy();
  });
});
