import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../../testing/app-screen.tsx";
import { screen } from "../../../testing/play.ts";

const meta = {
  title: "画面/ログインパスワード変更",
  component: AppScreen,
  args: { path: "/account/login-password" },
  parameters: { screen: true },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

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
