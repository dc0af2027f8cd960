import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../../testing/app-screen.tsx";
import { upstreamUnavailable } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";

/** メールサービス配信設定, within the step-up window of 登録情報 (the read answers its data). */
const meta = {
  title: "画面/メールサービス配信設定",
  component: AppScreen,
  args: { path: "/account/mail-settings" },
  parameters: { screen: true },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 一覧: Story = {};
export const 変更: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.choose("出金認証コード通知メール");
    await page.click("変更する");
    await page.canvas.findByRole("heading", { name: "出金認証コード通知メールの配信設定" }, { timeout: 5000 });
  },
};
export const 接続不可: Story = {
  parameters: { msw: { handlers: { mailSettings: upstreamUnavailable("get", "/api/me/mail-settings") } } },
};
