import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen, phone } from "../../../testing/app-screen.tsx";
import {
  credentials,
  loading,
  stepUpChallenge,
  upstreamUnavailable,
  wrongPassword,
} from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";

const meta = {
  title: "画面/出金",
  component: AppScreen,
  args: { path: "/withdrawal" },
  parameters: {
    screen: true,
    msw: { handlers: { stepUpChallenge: stepUpChallenge(["execution_password", "auth_code"], "withdrawal") } },
  },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

async function toConfirmation(canvasElement: HTMLElement) {
  const page = screen(canvasElement);
  await page.type("出金金額", "100000");
  await page.click("出金確認");
  await page.canvas.findByLabelText("認証コード", {}, { timeout: 5000 });
  return page;
}

export const 入力: Story = {};
export const 読み込み中: Story = {
  parameters: { msw: { handlers: { withdrawalOverview: loading("get", "/api/me/withdrawals/overview") } } },
};
export const 入力エラー: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("出金金額", "0");
    await page.click("出金確認");
    await page.waitForText("出金金額は1円以上で入力してください。");
  },
};
export const 確認_認証コード: Story = {
  play: async ({ canvasElement }) => {
    await toConfirmation(canvasElement);
  },
};
export const 確認_認証コードスマートフォン: Story = {
  globals: phone,
  play: async ({ canvasElement }) => {
    await toConfirmation(canvasElement);
  },
};
export const 完了: Story = {
  play: async ({ canvasElement }) => {
    const page = await toConfirmation(canvasElement);
    await page.type("執行パスワード", "Ume4k9");
    await page.type("認証コード", "123456");
    await page.click("出金する");
    await page.waitForText("W20261125-0001");
  },
};
export const 接続不可: Story = {
  parameters: {
    msw: { handlers: { withdrawalOverview: upstreamUnavailable("get", "/api/me/withdrawals/overview") } },
  },
};
export const 執行パスワード誤り: Story = {
  parameters: { msw: { handlers: { stepUpVerification: wrongPassword(8) } } },
  play: async ({ canvasElement }) => {
    const page = await toConfirmation(canvasElement);
    await page.type("執行パスワード", "Wrong1");
    await page.type("認証コード", "123456");
    await page.click("出金する");
    await page.waitForText(/あと8回/);
  },
};
export const ロック中: Story = {
  parameters: {
    msw: { handlers: { credentials: credentials({ executionPassword: { locked: true, remainingAttempts: 0 } }) } },
  },
};
