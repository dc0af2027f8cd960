import { errorMessages } from "@kakunin/contracts/error-body";
import type { StoryObj } from "@storybook/react-vite";
import { apiError, sessionExpiresAt, upstreamUnavailable } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

const meta = { title: "画面/ログインパスワード変更", ...screenMeta("/account/login-password") } satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

const path = "/api/me/login-password";

async function change(canvasElement: HTMLElement, current: string) {
  const page = screen(canvasElement);
  await page.type("現在のログインパスワード", current);
  await page.type("新しいログインパスワード", "Tsuru5kame7");
  await page.type("新しいログインパスワード（確認）", "Tsuru5kame7");
  await page.click("変更する");
  return page;
}

export const 入力: Story = {};
export const 入力エラー: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("変更する");
    await page.waitForText(/入力してください/);
  },
};
export const 完了: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("現在のログインパスワード", "Kiso8pine3");
    await page.type("新しいログインパスワード", "Tsuru5kame7");
    await page.type("新しいログインパスワード（確認）", "Tsuru5kame7");
    await page.click("変更する");
    await page.waitForText("ログインパスワードの変更が完了しました");
  },
};
export const 現在のパスワード誤り: Story = {
  parameters: { msw: { handlers: { loginPassword: apiError("put", path, 422, "wrong_current_password") } } },
  play: async ({ canvasElement }) => {
    const page = await change(canvasElement, "Wrong1pine");
    await page.waitForText(errorMessages.wrong_current_password);
  },
};
export const 接続不可: Story = {
  parameters: { msw: { handlers: { loginPassword: upstreamUnavailable("put", path) } } },
  play: async ({ canvasElement }) => {
    const page = await change(canvasElement, "Kiso8pine3");
    await page.waitForText(errorMessages.upstream_unavailable);
  },
};
/** The session timed out while the customer typed: 変更する leads to ログイン, which says why. */
export const セッション切れ: Story = {
  parameters: { msw: { handlers: sessionExpiresAt("loginPassword", "put", path) } },
  play: async ({ canvasElement }) => {
    const page = await change(canvasElement, "Kiso8pine3");
    await page.waitForSessionExpiredLogin();
  },
};
