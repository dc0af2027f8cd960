import { errorMessages } from "@kakunin/contracts/error-body";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { StrictMode } from "react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../lib/api-client.ts";
import { errorJson, mockApi, stepUpChallenge, verified } from "../../../testing/mock-api.ts";
import { StepUpConfirmation, type StepUpConfirmationProps } from "./step-up-confirmation.tsx";

type Methods = ("execution_password" | "auth_code")[];

const passwordOnly: Methods = ["execution_password"];
const passwordAndCode: Methods = ["execution_password", "auth_code"];

function renderConfirmation(props: Partial<StepUpConfirmationProps> & { methods?: Methods } = {}) {
  const { methods = passwordOnly, ...rest } = props;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onConfirmed = vi.fn(async () => {});
  const user = userEvent.setup();
  render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <StepUpConfirmation
          operation="view_registered_info"
          payload={{}}
          requirement={{ methods }}
          summary={<p>照会内容: 口座情報照会／変更</p>}
          submitLabel="表示する"
          onConfirmed={onConfirmed}
          {...rest}
        />
      </QueryClientProvider>
    </StrictMode>,
  );
  return { user, onConfirmed };
}

function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label, { exact: true, selector: "input" }) as HTMLInputElement;
}

function describedText(element: HTMLElement): string {
  const ids = element.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

/** The 表示する button stays busy until the challenge has started. */
async function ready() {
  await waitFor(() => expect(screen.getByRole("button", { name: "表示する" }).getAttribute("aria-busy")).toBeNull());
}

const challengePath = "/api/step-up/challenges";
const verificationPath = "/api/step-up/verifications";

describe("StepUpConfirmation", () => {
  it("asks only for the execution password when that is all the BFF requires, starting once under StrictMode", async () => {
    const { requests } = mockApi({ "POST /api/step-up/challenges": stepUpChallenge(passwordOnly) });
    renderConfirmation();
    await ready();

    const password = field("執行パスワード");
    expect(password.type).toBe("password");
    expect(password.autocomplete).toBe("current-password");
    expect(screen.queryByLabelText("認証コード")).toBeNull();
    expect(screen.queryByRole("button", { name: "再送信" })).toBeNull();
    expect(screen.getByText("照会内容: 口座情報照会／変更")).toBeTruthy();

    const starts = requests.filter((request) => request.path === challengePath);
    expect(starts).toHaveLength(1);
    expect(starts[0]?.body).toEqual({ operation: "view_registered_info", payload: {} });
    expect(starts[0]?.headers.get("X-CSRF")).toBe("1");
  });

  it("asks for the password and the mailed code, saying where the code went", async () => {
    mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(passwordAndCode, { codeSentTo: "h***@example.jp" }),
    });
    renderConfirmation({ methods: passwordAndCode });
    await ready();

    expect(field("執行パスワード")).toBeTruthy();
    const code = field("認証コード");
    expect(code.getAttribute("inputmode")).toBe("numeric");
    expect(code.getAttribute("autocomplete")).toBe("one-time-code");
    expect(code.getAttribute("maxlength")).toBe("6");
    expect(code.getAttribute("pattern")).toBe("[0-9]*");
    expect(screen.getByText("h***@example.jp に認証コードを送信しました。")).toBeTruthy();
    expect(describedText(code)).toContain("h***@example.jp に認証コードを送信しました。");
    expect(screen.getByRole("button", { name: "再送信" })).toBeTruthy();
  });

  it("follows the challenge's methods when it was opened without a 403", async () => {
    mockApi({ "POST /api/step-up/challenges": stepUpChallenge(passwordAndCode) });
    renderConfirmation({ requirement: undefined });
    expect(await screen.findByLabelText("認証コード")).toBeTruthy();
    expect(field("執行パスワード")).toBeTruthy();
  });

  it("requires each asked-for field in Japanese and sends nothing", async () => {
    const { requests } = mockApi({ "POST /api/step-up/challenges": stepUpChallenge(passwordAndCode) });
    const { user, onConfirmed } = renderConfirmation({ methods: passwordAndCode });
    await ready();
    await user.click(screen.getByRole("button", { name: "表示する" }));

    expect(await screen.findByText("執行パスワードを入力してください。")).toBeTruthy();
    expect(screen.getByText("認証コードを入力してください。")).toBeTruthy();
    expect(field("執行パスワード").getAttribute("aria-invalid")).toBe("true");
    expect(requests.filter((request) => request.path === verificationPath)).toHaveLength(0);
    expect(onConfirmed).not.toHaveBeenCalled();

    await user.type(field("認証コード"), "12a");
    await user.click(screen.getByRole("button", { name: "表示する" }));
    expect(await screen.findByText("認証コードは6桁の半角数字で入力してください。")).toBeTruthy();
  });

  it("verifies, then hands over to the caller; full-width digits are accepted", async () => {
    const { requests } = mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(passwordAndCode),
      "POST /api/step-up/verifications": verified(),
    });
    const { user, onConfirmed } = renderConfirmation({ methods: passwordAndCode });
    await ready();
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.type(field("認証コード"), "１２３４５６");
    await user.click(screen.getByRole("button", { name: "表示する" }));

    await waitFor(() => expect(onConfirmed).toHaveBeenCalledTimes(1));
    const verification = requests.find((request) => request.path === verificationPath);
    expect(verification?.body).toEqual({ executionPassword: "Rk7m2x", authCode: "123456" });
    expect(verification?.headers.get("X-CSRF")).toBe("1");
  });

  it("on a wrong password says how many tries are left, clears the field and keeps one alert", async () => {
    mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(passwordOnly),
      "POST /api/step-up/verifications": errorJson(
        "wrong_execution_password",
        errorMessages.wrong_execution_password,
        422,
        { remainingAttempts: 8 },
      ),
    });
    const { user, onConfirmed } = renderConfirmation();
    await ready();
    await user.type(field("執行パスワード"), "Wrong1x");
    await user.click(screen.getByRole("button", { name: "表示する" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("執行パスワードが正しくありません。あと8回間違えるとアカウントがロックされます。");
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(field("執行パスワード").value).toBe("");
    expect(document.activeElement).toBe(field("執行パスワード"));
    expect(onConfirmed).not.toHaveBeenCalled();
  });

  it("replaces the form with the lock on 423", async () => {
    mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(passwordOnly),
      "POST /api/step-up/verifications": errorJson("account_locked", errorMessages.account_locked, 423),
    });
    const { user } = renderConfirmation();
    await ready();
    await user.type(field("執行パスワード"), "Wrong9x");
    await user.click(screen.getByRole("button", { name: "表示する" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("アカウントロック中");
    expect(alert.textContent).toContain(errorMessages.account_locked);
    expect(screen.queryByLabelText("執行パスワード")).toBeNull();
    expect(screen.queryByRole("button", { name: "表示する" })).toBeNull();
  });

  it("shows the lock at once when the account is already locked", async () => {
    mockApi({ "POST /api/step-up/challenges": errorJson("account_locked", errorMessages.account_locked, 423) });
    renderConfirmation();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("アカウントロック中");
    expect(screen.queryByLabelText("執行パスワード")).toBeNull();
  });

  it("on a wrong code says how many entries are left", async () => {
    mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(passwordAndCode),
      "POST /api/step-up/verifications": errorJson("wrong_auth_code", errorMessages.wrong_auth_code, 422, {
        remainingCodeAttempts: 4,
      }),
    });
    const { user } = renderConfirmation({ methods: passwordAndCode });
    await ready();
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.type(field("認証コード"), "000000");
    await user.click(screen.getByRole("button", { name: "表示する" }));

    expect((await screen.findByRole("alert")).textContent).toBe("認証コードが正しくありません。あと4回入力できます。");
    expect(field("認証コード").value).toBe("");
  });

  it("再送信 sends a new code, and a second one within a minute is throttled", async () => {
    const { requests } = mockApi({
      "POST /api/step-up/challenges": [
        stepUpChallenge(passwordAndCode),
        stepUpChallenge(passwordAndCode),
        errorJson("auth_code_resend_too_soon", errorMessages.auth_code_resend_too_soon, 429),
      ],
    });
    const { user } = renderConfirmation({ methods: passwordAndCode });
    await ready();

    await user.click(screen.getByRole("button", { name: "再送信" }));
    expect((await screen.findByRole("status")).textContent).toBe("認証コードを再送信しました。");

    await user.click(screen.getByRole("button", { name: "再送信" }));
    expect((await screen.findByRole("alert")).textContent).toBe("再送信は1分以上あけてお試しください。");
    expect(screen.queryByRole("status")).toBeNull();
    expect(requests.filter((request) => request.path === challengePath)).toHaveLength(3);
    // The form is still there: the code sent before still works.
    expect(field("認証コード")).toBeTruthy();
  });

  it("arriving within a minute of a code for something else: says so and when, keeps the summary, asks for no code (issue 17 B1)", async () => {
    const message = `${errorMessages.auth_code_resend_too_soon}新しい認証コードは10:01:00以降に送信できます。`;
    mockApi({
      "POST /api/step-up/challenges": [
        errorJson("auth_code_resend_too_soon", message, 429, { retryAt: "2026-11-25T01:01:00.000Z" }),
        stepUpChallenge(passwordAndCode),
      ],
    });
    const { user } = renderConfirmation({ methods: passwordAndCode });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("認証コードを送信できませんでした。");
    expect(alert.textContent).toContain(message);
    // What was to be confirmed stays in view; no code field claims a code that was not sent.
    expect(screen.getByText("照会内容: 口座情報照会／変更")).toBeTruthy();
    expect(screen.queryByLabelText("認証コード")).toBeNull();
    await user.click(screen.getByRole("button", { name: "再試行" }));
    await ready();
    expect(field("認証コード")).toBeTruthy();
  });

  it("再送信 within the minute does not claim a new code: the one sent still works, and when a new one can come", async () => {
    mockApi({
      "POST /api/step-up/challenges": [
        stepUpChallenge(passwordAndCode),
        stepUpChallenge(passwordAndCode, {
          codeReused: { sentAt: "2026-11-25T01:00:00.000Z", resendAt: "2026-11-25T01:01:00.000Z" },
        }),
      ],
    });
    const { user } = renderConfirmation({ methods: passwordAndCode });
    await ready();
    await user.click(screen.getByRole("button", { name: "再送信" }));
    const status = await screen.findByRole("status");
    expect(status.textContent).toBe(
      "新しい認証コードは10:01:00以降に再送信できます。10:00:00にお送りした認証コードをご入力ください。",
    );
    expect(screen.queryByText("認証コードを再送信しました。")).toBeNull();
  });

  it("arriving again for the same confirmation: the code already mailed is the one to enter, and when a new one can come", async () => {
    mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(passwordAndCode, {
        codeSentTo: "t***@example.jp",
        codeReused: { sentAt: "2026-11-25T01:00:00.000Z", resendAt: "2026-11-25T01:01:00.000Z" },
      }),
    });
    renderConfirmation({ methods: passwordAndCode });
    await ready();
    const hint = field("認証コード").getAttribute("aria-describedby") ?? "";
    const text = hint
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
    expect(text).toContain("10:00:00に t***@example.jp へお送りした認証コードを入力してください。");
    expect(text).toContain("新しい認証コードは10:01:00以降に再送信できます。");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("an expired code shows the server's message and puts 再送信 forward", async () => {
    mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(passwordAndCode),
      "POST /api/step-up/verifications": errorJson("auth_code_expired", errorMessages.auth_code_expired, 410),
    });
    const { user } = renderConfirmation({ methods: passwordAndCode });
    await ready();
    const resend = screen.getByRole("button", { name: "再送信" });
    expect(resend.className).toContain("kk-button--secondary");
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.type(field("認証コード"), "123456");
    await user.click(screen.getByRole("button", { name: "表示する" }));

    expect((await screen.findByRole("alert")).textContent).toBe(errorMessages.auth_code_expired);
    expect(resend.className).toContain("kk-button--primary");
    expect(document.activeElement).toBe(resend);
  });

  it("starts again by itself once when the BFF has lost the pending confirmation", async () => {
    const { requests } = mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(passwordOnly),
      "POST /api/step-up/verifications": [errorJson("step_up_missing", errorMessages.step_up_missing, 409), verified()],
    });
    const { user, onConfirmed } = renderConfirmation();
    await ready();
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(screen.getByRole("button", { name: "表示する" }));

    expect((await screen.findByRole("status")).textContent).toContain("確認の有効期限が切れたため、やり直しました。");
    expect(requests.filter((request) => request.path === challengePath)).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "表示する" }));
    await waitFor(() => expect(onConfirmed).toHaveBeenCalledTimes(1));
  });

  it("verifies once on a double click", async () => {
    const { requests } = mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(passwordOnly),
      "POST /api/step-up/verifications": verified(),
    });
    let finish: () => void = () => {};
    const onConfirmed = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { user } = renderConfirmation({ onConfirmed });
    await ready();
    await user.type(field("執行パスワード"), "Rk7m2x");
    // Two clicks before React has re-rendered anything (the button is not busy yet).
    const button = screen.getByRole("button", { name: "表示する" });
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(onConfirmed).toHaveBeenCalledTimes(1));
    await user.click(button);
    finish();
    await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
    expect(onConfirmed).toHaveBeenCalledTimes(1);
    expect(requests.filter((request) => request.path === verificationPath)).toHaveLength(1);
  });

  it("when the caller's call fails after the grant, shows why and retries without asking again", async () => {
    const { requests } = mockApi({
      "POST /api/step-up/challenges": stepUpChallenge(passwordOnly),
      "POST /api/step-up/verifications": verified(),
    });
    const onConfirmed = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new ApiError({ code: "upstream_unavailable", status: 503, requestId: "r-1" }))
      .mockResolvedValueOnce(undefined);
    const { user } = renderConfirmation({ onConfirmed });
    await ready();
    await user.type(field("執行パスワード"), "Rk7m2x");
    await user.click(screen.getByRole("button", { name: "表示する" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(errorMessages.upstream_unavailable);
    expect(within(alert).getByText("お問い合わせ番号: r-1")).toBeTruthy();
    expect(screen.queryByLabelText("執行パスワード")).toBeNull();

    await user.click(screen.getByRole("button", { name: "表示する" }));
    await waitFor(() => expect(onConfirmed).toHaveBeenCalledTimes(2));
    expect(requests.filter((request) => request.path === verificationPath)).toHaveLength(1);
  });
});

describe("StepUpConfirmation with a method the SPA has no module for", () => {
  it("says so instead of leaving the answer out", async () => {
    mockApi({ "POST /api/step-up/challenges": () => new Promise<Response>(() => {}) });
    renderConfirmation({ methods: ["execution_password", "hardware_token"] as unknown as Methods });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("確認画面を表示できませんでした。");
    expect(alert.textContent).toContain("確認方法（hardware_token）に対応していません");
    expect(screen.queryByLabelText("執行パスワード")).toBeNull();
  });
});

describe("StepUpConfirmation when a new code is refused", () => {
  it("shows the server's message for the 5-per-hour cap, keeping the form", async () => {
    mockApi({
      "POST /api/step-up/challenges": [
        stepUpChallenge(passwordAndCode),
        errorJson("auth_code_resend_limit", "認証コードの再送信は上限に達しました。", 429),
      ],
    });
    const { user } = renderConfirmation({ methods: passwordAndCode });
    await ready();
    await user.click(screen.getByRole("button", { name: "再送信" }));
    expect((await screen.findByRole("alert")).textContent).toBe("認証コードの再送信は上限に達しました。");
    expect(field("認証コード")).toBeTruthy();
  });

  it("login throttling is not read as a resend refusal", async () => {
    mockApi({
      "POST /api/step-up/challenges": [
        stepUpChallenge(passwordAndCode),
        errorJson("rate_limited", errorMessages.rate_limited, 429, { requestId: "r-9" }),
      ],
    });
    const { user } = renderConfirmation({ methods: passwordAndCode });
    await ready();
    await user.click(screen.getByRole("button", { name: "再送信" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(errorMessages.rate_limited);
    expect(within(alert).getByText("お問い合わせ番号: r-9")).toBeTruthy();
  });
});
