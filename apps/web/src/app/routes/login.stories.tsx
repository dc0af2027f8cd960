import { errorMessages } from "@kakunin/contracts/error-body";
import type { StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { phone } from "../../testing/app-screen.tsx";
import { anonymous, apiError, upstreamUnavailable } from "../../testing/msw-handlers.ts";
import { type ScreenMeta, screenMeta } from "../../testing/screen-stories.ts";

const meta = { title: "画面/ログイン", ...screenMeta("/login", anonymous) } satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

async function fillAndSubmit(canvasElement: HTMLElement, code: string, password: string) {
  const canvas = within(canvasElement);
  if (code) await userEvent.type(await canvas.findByLabelText("お客様コード"), code);
  if (password) await userEvent.type(canvas.getByLabelText("ログインパスワード"), password);
  await userEvent.click(canvas.getByRole("button", { name: "ログイン" }));
}

export const 入力前: Story = {};
export const スマートフォン: Story = { globals: phone };
export const 入力エラー: Story = {
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, "12ab", "");
    await expect(await within(canvasElement).findAllByText(/お客様コード/)).not.toHaveLength(0);
  },
};
export const 認証失敗: Story = {
  parameters: { msw: { handlers: { login: apiError("post", "/api/session", 401, "invalid_credentials") } } },
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, "1000001", "Wrong1pass");
    await within(canvasElement).findByRole("alert");
  },
};
export const 試行回数超過: Story = {
  parameters: { msw: { handlers: { login: apiError("post", "/api/session", 429, "rate_limited") } } },
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, "1000001", "Wrong1pass");
    await within(canvasElement).findByRole("alert");
  },
};
export const セッション切れ: Story = { args: { path: "/login?reason=session_expired&returnTo=%2Ftrade%2Fstock" } };
/** The session was ended from another browser (ログイン中の端末, a password change): said so, not a timeout. */
export const 別端末からログアウト: Story = {
  args: { path: "/login?reason=session_revoked&returnTo=%2Ftrade%2Fstock" },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(errorMessages.session_revoked)).toBeVisible();
  },
};
export const ログアウト後: Story = { args: { path: "/login?reason=logged_out" } };
export const 接続不可: Story = {
  parameters: { msw: { handlers: { login: upstreamUnavailable("post", "/api/session") } } },
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, "1000001", "Kiso8pine3");
    await within(canvasElement).findByRole("alert");
  },
};
/** The passkey login could not start (the service is down): said in the form's one error area, with 再試行. */
export const パスキーでログイン失敗: Story = {
  parameters: {
    msw: { handlers: { passkeyLoginOptions: upstreamUnavailable("post", "/api/session/passkey-options") } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "パスキーでログイン" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(errorMessages.upstream_unavailable);
  },
};
/** This account logs in with its passkey only: the password login says so and moves to the passkey button. */
export const パスキーログイン必須: Story = {
  parameters: { msw: { handlers: { login: apiError("post", "/api/session", 403, "passkey_login_required") } } },
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, "1000001", "Kiso8pine3");
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(errorMessages.passkey_login_required);
    await waitFor(() => expect(canvas.getByRole("button", { name: "パスキーでログイン" })).toHaveFocus());
  },
};

/** Issue 15: the right password from a new device; the 認証コード mailed to the registered address completes it. */
const newDevice = {
  msw: {
    handlers: {
      login: apiError("post", "/api/session", 403, "device_verification_required", {
        codeSentTo: "y***@example.jp",
      }),
    },
  },
};
export const 新しい端末の認証コード: Story = {
  parameters: newDevice,
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, "1000001", "Kiso8pine3");
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(errorMessages.device_verification_required)).toBeVisible();
    await expect(canvas.getByText("送信先: y***@example.jp")).toBeVisible();
  },
};
/** A wrong code: at the field, with the entries left. */
export const 認証コード誤り: Story = {
  parameters: {
    msw: {
      handlers: {
        ...newDevice.msw.handlers,
        deviceVerification: apiError("post", "/api/session/device-verification", 422, "wrong_auth_code", {
          remainingCodeAttempts: 4,
        }),
      },
    },
  },
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, "1000001", "Kiso8pine3");
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText("認証コード"), "123456");
    await userEvent.click(canvas.getByRole("button", { name: "認証してログイン" }));
    await expect(await canvas.findByText("認証コードが正しくありません。あと4回入力できます。")).toBeVisible();
  },
};
