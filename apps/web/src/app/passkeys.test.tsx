import { errorMessages } from "@kakunin/contracts/error-body";
import { type StepUpMethod, stepUpChallengeSchema } from "@kakunin/contracts/step-up";
import { startRegistration } from "@simplewebauthn/browser";
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { registrationCancelledMessage } from "../features/passkeys/utils/registration-failure.ts";
import { translate } from "../lib/i18n/use-t.ts";
import { authenticatedSession, credentialStatus, errorJson, json, mockApi, verified } from "../testing/mock-api.ts";
import {
  demoPasskeys,
  demoRegistrationOptions,
  demoRegistrationResponse,
  noPasskeys,
  passkeysWithSuspended,
  phonePasskey,
  registeredPasskey,
  securityKeyPasskey,
  tenPasskeys,
} from "../testing/passkey-fixtures.ts";
import { field, main } from "../testing/queries.ts";
import { renderApp } from "../testing/render-app.tsx";

// The browser's WebAuthn: the tests decide what the authenticator answers.
vi.mock("@simplewebauthn/browser", () => ({
  startRegistration: vi.fn(),
  browserSupportsWebAuthn: vi.fn(() => true),
}));
const startRegistrationMock = vi.mocked(startRegistration);

beforeEach(() => {
  startRegistrationMock.mockReset();
});

/** POST /api/step-up/challenges for a passkey operation: 執行パスワード and 認証コード, always. */
function challenge(operation: "register_passkey" | "delete_passkey", methods: StepUpMethod[]) {
  return json(
    stepUpChallengeSchema.parse({
      operation,
      methods,
      codeSentTo: "t***@example.jp",
      expiresAt: "2026-11-25T07:14:05.000Z",
      passkeyOptions: null,
    }),
  );
}

type Routes = Parameters<typeof mockApi>[0];

async function openPasskeys(routes: Routes) {
  const api = mockApi({
    "GET /api/session": json(authenticatedSession),
    "GET /api/me/credentials": json(credentialStatus()),
    "POST /api/step-up/challenges": challenge("register_passkey", ["execution_password", "auth_code"]),
    "POST /api/step-up/verifications": verified(),
    ...routes,
  });
  const app = renderApp("/account/passkeys");
  await screen.findByRole("heading", { level: 1, name: "パスキー設定" });
  return { ...api, ...app };
}

function rowOf(name: string): HTMLElement {
  return screen.getByRole("rowheader", { name: new RegExp(`^${name}`) }).closest("tr") as HTMLElement;
}

type User = Awaited<ReturnType<typeof openPasskeys>>["user"];

/** Fills the confirmation's 執行パスワード and 認証コード once its challenge has started. */
async function confirmWith(user: User, submit: string) {
  const button = await screen.findByRole("button", { name: submit });
  await waitFor(() => expect(button.getAttribute("aria-busy")).toBeNull());
  await user.type(field("執行パスワード"), "Rk7m2x");
  await user.type(field("認証コード"), "123456");
  await user.click(button);
}

describe("パスキー設定 (R31)", () => {
  it("lists each passkey with its 種類, dates in JST, 未使用, and a suspended one with its badge and what to do", async () => {
    await openPasskeys({ "GET /api/me/passkeys": json(passkeysWithSuspended) });
    const table = await screen.findByRole("table", { name: /登録済みのパスキー/ });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((cell) => cell.textContent);
    expect(headers).toEqual(["パスキー名", "種類", "登録日時", "最終利用日時", "操作"]);

    const cells = (name: string) => [...rowOf(name).querySelectorAll("td")].slice(0, 3).map((td) => td.textContent);
    expect(cells("Safari（iPhone）")).toEqual(["同期", "2026/11/20 10:02:03", "2026/11/25 09:30:00"]);
    expect(cells("セキュリティキー")).toEqual(["この端末のみ", "2026/10/01 15:00:00", "未使用"]);

    const suspended = rowOf("Chrome（Windows）");
    expect(within(suspended).getByText("利用停止中")).toBeTruthy();
    expect(suspended.textContent).toContain("削除してください。");
    expect(rowOf("Safari（iPhone）").textContent).not.toContain("利用停止中");
    expect(screen.getByRole("button", { name: "登録する" }).hasAttribute("disabled")).toBe(false);
    expect(main().textContent).toContain("パスキーは10件まで登録できます（あと7件）。");
  });

  it("without passkeys: says so and why to register one", async () => {
    await openPasskeys({ "GET /api/me/passkeys": json(noPasskeys) });
    expect(await within(main()).findByText("パスキーは登録されていません。")).toBeTruthy();
    expect(main().textContent).toContain("不正ログイン・不正出金を防げます");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("at 10 passkeys 登録する is disabled, with the reason beside it", async () => {
    await openPasskeys({ "GET /api/me/passkeys": json(tenPasskeys) });
    await screen.findByRole("table");
    const button = screen.getByRole("button", { name: "登録する" });
    expect(button.hasAttribute("disabled")).toBe(true);
    const reason = document.getElementById(button.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).toContain("パスキーは10件まで登録できます。");
  });

  it("登録: name → confirmation (執行パスワード + 認証コード) → only then the authenticator → POST {name, response} once", async () => {
    vi.spyOn(navigator, "userAgent", "get").mockReturnValue(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    );
    startRegistrationMock.mockResolvedValue(demoRegistrationResponse);
    const { user, requests } = await openPasskeys({
      "GET /api/me/passkeys": [json(demoPasskeys), json({ passkeys: [...demoPasskeys.passkeys, registeredPasskey] })],
      "POST /api/me/passkey-registration-options": json(demoRegistrationOptions),
      "POST /api/me/passkeys": json(registeredPasskey, 201),
    });
    await user.click(await screen.findByRole("button", { name: "登録する" }));

    // The browser and system are suggested as the name; the customer may change it.
    await screen.findByRole("heading", { level: 2, name: "パスキーの登録" });
    expect(field("パスキー名").value).toBe("Chrome（Windows）");
    await user.clear(field("パスキー名"));
    await user.type(field("パスキー名"), "  仕事用PC ");
    await user.click(screen.getByRole("button", { name: "確認画面へ" }));

    await screen.findByRole("heading", { level: 2, name: "登録内容の確認" });
    expect(main().querySelector("dl")?.textContent).toBe("パスキー名仕事用PC");
    const start = requests.filter((r) => r.path === "/api/step-up/challenges").at(-1);
    expect(start?.body).toEqual({ operation: "register_passkey", payload: { name: "仕事用PC" } });
    expect(await screen.findByText("t***@example.jp に認証コードを送信しました。")).toBeTruthy();
    // Nothing is created on the device before the customer confirmed.
    expect(startRegistrationMock).not.toHaveBeenCalled();
    expect(requests.some((r) => r.path === "/api/me/passkey-registration-options")).toBe(false);

    await confirmWith(user, "登録する");
    expect(await screen.findByRole("heading", { level: 2, name: "パスキーを登録しました" })).toBeTruthy();
    expect(main().textContent).toContain("登録通知メールを送信しました。");

    expect(startRegistrationMock).toHaveBeenCalledTimes(1);
    expect(startRegistrationMock).toHaveBeenCalledWith({ optionsJSON: demoRegistrationOptions });
    const posts = requests.filter((r) => r.method === "POST" && r.path === "/api/me/passkeys");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ name: "仕事用PC", response: demoRegistrationResponse });
    expect(posts[0]?.headers.get("Idempotency-Key")).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // The options were asked for after the verification, i.e. on the confirmed 登録する.
    const order = requests.map((r) => r.path);
    expect(order.indexOf("/api/me/passkey-registration-options")).toBeGreaterThan(
      order.indexOf("/api/step-up/verifications"),
    );

    await user.click(screen.getByRole("link", { name: "パスキー設定へ戻る" }));
    expect(await screen.findByRole("rowheader", { name: /^仕事用PC/ })).toBeTruthy();
  });

  it("the browser's prompt cancelled: says so, nothing was sent, and 登録する retries without a new confirmation", async () => {
    startRegistrationMock
      .mockRejectedValueOnce(new DOMException("The operation either timed out or was not allowed.", "NotAllowedError"))
      .mockResolvedValueOnce(demoRegistrationResponse);
    const { user, requests } = await openPasskeys({
      "GET /api/me/passkeys": json(demoPasskeys),
      "POST /api/me/passkey-registration-options": json(demoRegistrationOptions),
      "POST /api/me/passkeys": json(registeredPasskey, 201),
    });
    await user.click(await screen.findByRole("button", { name: "登録する" }));
    await user.clear(await screen.findByLabelText("パスキー名", { selector: "input" }));
    await user.type(field("パスキー名"), "仕事用PC");
    await user.click(screen.getByRole("button", { name: "確認画面へ" }));
    await screen.findByRole("heading", { level: 2, name: "登録内容の確認" });
    await confirmWith(user, "登録する");

    expect(await screen.findByText(translate(registrationCancelledMessage))).toBeTruthy();
    expect(requests.some((r) => r.path === "/api/me/passkeys" && r.method === "POST")).toBe(false);
    expect(screen.getByText("本人確認は完了しています。「登録する」を押してください。")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "登録する" }));
    expect(await screen.findByRole("heading", { level: 2, name: "パスキーを登録しました" })).toBeTruthy();
    expect(startRegistrationMock).toHaveBeenCalledTimes(2);
    expect(requests.filter((r) => r.path === "/api/step-up/verifications")).toHaveLength(1);
    expect(requests.filter((r) => r.path === "/api/me/passkey-registration-options")).toHaveLength(2);
    expect(requests.filter((r) => r.path === "/api/me/passkeys" && r.method === "POST")).toHaveLength(1);
  });

  /** 登録する → パスキー名 → 確認画面へ → the confirmation, confirmed. */
  async function registerAs(user: User, name: string) {
    await user.click(await screen.findByRole("button", { name: "登録する" }));
    await user.clear(await screen.findByLabelText("パスキー名", { selector: "input" }));
    await user.type(field("パスキー名"), name);
    await user.click(screen.getByRole("button", { name: "確認画面へ" }));
    await screen.findByRole("heading", { level: 2, name: "登録内容の確認" });
    await confirmWith(user, "登録する");
  }

  it("a request lost on the way is resent with the same response and key: no second passkey on the device", async () => {
    startRegistrationMock.mockResolvedValue(demoRegistrationResponse);
    const { user, requests } = await openPasskeys({
      "GET /api/me/passkeys": json(demoPasskeys),
      "POST /api/me/passkey-registration-options": json(demoRegistrationOptions),
      "POST /api/me/passkeys": [new TypeError("Failed to fetch"), json(registeredPasskey, 201)],
    });
    await registerAs(user, "仕事用PC");
    expect(await screen.findByText(errorMessages.upstream_unavailable)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "登録する" }));
    expect(await screen.findByRole("heading", { level: 2, name: "パスキーを登録しました" })).toBeTruthy();
    expect(startRegistrationMock).toHaveBeenCalledTimes(1);
    const posts = requests.filter((r) => r.path === "/api/me/passkeys" && r.method === "POST");
    expect(posts).toHaveLength(2);
    expect(posts[1]?.body).toEqual(posts[0]?.body);
    expect(posts[1]?.headers.get("Idempotency-Key")).toBe(posts[0]?.headers.get("Idempotency-Key"));
  });

  it("a name the server refuses: back to the input with its message on the field", async () => {
    startRegistrationMock.mockResolvedValue(demoRegistrationResponse);
    const { user } = await openPasskeys({
      "GET /api/me/passkeys": json(demoPasskeys),
      "POST /api/me/passkey-registration-options": json(demoRegistrationOptions),
      "POST /api/me/passkeys": errorJson(
        "validation_failed",
        "入力内容に誤りがあります。各項目をご確認ください。",
        400,
        {
          fields: [{ path: "name", message: "パスキー名は40文字以内で入力してください。" }],
        },
      ),
    });
    await registerAs(user, "仕事用PC");
    await screen.findByRole("heading", { level: 2, name: "パスキーの登録" });
    expect(await screen.findByText("パスキー名は40文字以内で入力してください。")).toBeTruthy();
    expect(field("パスキー名").value).toBe("仕事用PC");
  });

  it("passkey_limit meanwhile (another tab): back to the refreshed list, saying why", async () => {
    startRegistrationMock.mockResolvedValue(demoRegistrationResponse);
    const { user } = await openPasskeys({
      "GET /api/me/passkeys": [json(demoPasskeys), json(tenPasskeys)],
      "POST /api/me/passkey-registration-options": json(demoRegistrationOptions),
      "POST /api/me/passkeys": errorJson(
        "passkey_limit",
        "パスキーは10件まで登録できます。不要なパスキーを削除してから登録してください。",
        409,
      ),
    });
    await registerAs(user, "仕事用PC");
    expect(
      await screen.findByText("パスキーは10件まで登録できます。不要なパスキーを削除してから登録してください。"),
    ).toBeTruthy();
    expect(await screen.findByRole("rowheader", { name: /^セキュリティキー10/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: "登録する" }).hasAttribute("disabled")).toBe(true);
  });

  it("名前の変更: inline, the server's field error on the field, then the new name", async () => {
    const renamed = { ...securityKeyPasskey, name: "予備のキー" };
    const { user, requests } = await openPasskeys({
      "GET /api/me/passkeys": [json(demoPasskeys), json({ passkeys: [phonePasskey, renamed] })],
      [`PATCH /api/me/passkeys/${securityKeyPasskey.id}`]: [
        errorJson("validation_failed", "入力内容に誤りがあります。各項目をご確認ください。", 400, {
          fields: [{ path: "name", message: "使用できない文字が含まれています。" }],
        }),
        json(renamed),
      ],
    });
    await screen.findByRole("table");
    await user.click(within(rowOf("セキュリティキー")).getByRole("button", { name: "名前の変更" }));
    const form = screen.getByRole("form", { name: "「セキュリティキー」の名前の変更" });
    const input = within(form).getByLabelText("パスキー名", { selector: "input" }) as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    await user.clear(input);
    await user.type(input, "予備のキー");
    await user.click(within(form).getByRole("button", { name: "変更する" }));
    expect(await within(form).findByText("使用できない文字が含まれています。")).toBeTruthy();

    await user.click(within(form).getByRole("button", { name: "変更する" }));
    expect(await screen.findByText("パスキー名を「予備のキー」に変更しました。")).toBeTruthy();
    const patches = requests.filter((r) => r.method === "PATCH");
    expect(patches.map((r) => r.body)).toEqual([{ name: "予備のキー" }, { name: "予備のキー" }]);
    expect(await screen.findByRole("rowheader", { name: /^予備のキー/ })).toBeTruthy();
    expect(screen.queryByRole("form")).toBeNull();
  });

  it("削除: confirmation with the passkey and the warning, then POST …/deletion {passkeyId} and the completion", async () => {
    const { user, requests } = await openPasskeys({
      "GET /api/me/passkeys": [json(demoPasskeys), json({ passkeys: [phonePasskey] })],
      "POST /api/step-up/challenges": challenge("delete_passkey", ["execution_password", "auth_code"]),
      [`POST /api/me/passkeys/${securityKeyPasskey.id}/deletion`]: json({ passkeys: [phonePasskey] }),
    });
    await screen.findByRole("table");
    await user.click(within(rowOf("セキュリティキー")).getByRole("button", { name: "削除" }));

    await screen.findByRole("heading", { level: 2, name: "削除内容の確認" });
    expect(main().querySelector("dl")?.textContent).toContain("パスキー名セキュリティキー");
    expect(main().textContent).toContain("削除したパスキーでは、ログインや出金などの確認ができなくなります。");
    // Another passkey remains: nothing about going back to the password.
    expect(main().textContent).not.toContain("最後のパスキー");
    const start = requests.filter((r) => r.path === "/api/step-up/challenges").at(-1);
    expect(start?.body).toEqual({ operation: "delete_passkey", payload: { passkeyId: securityKeyPasskey.id } });
    expect(requests.some((r) => r.path.endsWith("/deletion"))).toBe(false);

    await confirmWith(user, "削除する");
    expect(await screen.findByRole("heading", { level: 2, name: "パスキーを削除しました" })).toBeTruthy();
    const deletions = requests.filter((r) => r.path.endsWith("/deletion"));
    expect(deletions).toHaveLength(1);
    expect(deletions[0]?.body).toEqual({ passkeyId: securityKeyPasskey.id });
    expect(deletions[0]?.headers.get("Idempotency-Key")).toMatch(/^[A-Za-z0-9_-]{32}$/);

    await user.click(screen.getByRole("link", { name: "パスキー設定へ戻る" }));
    await screen.findByRole("table");
    expect(screen.queryByRole("rowheader", { name: /^セキュリティキー/ })).toBeNull();
  });

  it("削除 of the last passkey says that password login works again", async () => {
    const { user } = await openPasskeys({
      "GET /api/me/passkeys": json({ passkeys: [phonePasskey] }),
      "POST /api/step-up/challenges": challenge("delete_passkey", ["execution_password", "auth_code"]),
    });
    await screen.findByRole("table");
    await user.click(within(rowOf("Safari（iPhone）")).getByRole("button", { name: "削除" }));
    await screen.findByRole("heading", { level: 2, name: "削除内容の確認" });
    expect(main().textContent).toContain("最後のパスキーのため、削除後はログインパスワードでのログインに戻ります。");
  });
});
