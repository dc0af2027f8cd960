import { errorMessages } from "@kakunin/contracts/error-body";
import type { StoryObj } from "@storybook/react-vite";
import { readStates } from "../../../testing/confirmation-stories.ts";
import { apiError, credentials, locked, wrongPassword } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

const path = "/api/me/execution-password";

const meta = { title: "画面/執行パスワード変更", ...screenMeta("/account/execution-password") } satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

async function change(canvasElement: HTMLElement, current: string, next: string, confirm = next) {
  const page = screen(canvasElement);
  await page.type("現在の執行パスワード", current);
  await page.type("新執行パスワード", next);
  await page.type("新執行パスワード（確認）", confirm);
  await page.click("変更する");
  return page;
}

export const 入力: Story = {};
export const 残り回数少: Story = {
  parameters: { msw: { handlers: { credentials: credentials({ executionPassword: { remainingAttempts: 3 } }) } } },
};
export const 入力エラー: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("変更する");
    await page.waitForText(/入力してください/);
  },
};
export const ポリシー違反: Story = {
  parameters: {
    msw: {
      handlers: {
        executionPassword: apiError("put", path, 400, "validation_failed", {
          fields: [
            { path: "newPassword", message: "推測されやすいパスワードは使用できません。", reason: "too_common" },
          ],
        }),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = await change(canvasElement, "Ume4k9", "Abc123");
    await page.waitForText("推測されやすいパスワードは使用できません。");
  },
};
export const 執行パスワード誤り: Story = {
  parameters: { msw: { handlers: { executionPassword: wrongPassword(8, "put", path) } } },
  play: async ({ canvasElement }) => {
    const page = await change(canvasElement, "Wrong1", "Pine7k2q");
    await page.waitForText(/あと8回/);
  },
};
export const ロック: Story = {
  parameters: { msw: { handlers: { executionPassword: locked("put", path) } } },
  play: async ({ canvasElement }) => {
    const page = await change(canvasElement, "Wrong1", "Pine7k2q");
    await page.waitForText(errorMessages.account_locked);
  },
};
export const ロック中: Story = {
  parameters: {
    msw: { handlers: { credentials: credentials({ executionPassword: { locked: true, remainingAttempts: 0 } }) } },
  },
};
export const 完了: Story = {
  play: async ({ canvasElement }) => {
    const page = await change(canvasElement, "Ume4k9", "Pine7k2q");
    await page.waitForText("執行パスワードの変更が完了しました");
  },
};
const read = readStates("credentials", "/api/me/credentials");
export const 接続不可: Story = read.接続不可;
export const 読み込み中: Story = read.読み込み中;
/** The session timed out before this screen was read: the app leaves for ログイン, which says why. */
export const セッション切れ: Story = read.セッション切れ;
