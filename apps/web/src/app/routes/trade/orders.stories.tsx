import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../../testing/app-screen.tsx";
import { getJson, loading, stepUpChallenge, upstreamUnavailable } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";

const meta = {
  title: "画面/注文照会",
  component: AppScreen,
  args: { path: "/trade/orders" },
  parameters: { screen: true },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 一覧: Story = {};
export const 注文なし: Story = {
  parameters: { msw: { handlers: { orders: getJson("/api/me/orders", { orders: [] }) } } },
};
export const 読み込み中: Story = { parameters: { msw: { handlers: { orders: loading("get", "/api/me/orders") } } } };
export const 接続不可: Story = {
  parameters: { msw: { handlers: { orders: upstreamUnavailable("get", "/api/me/orders") } } },
};
export const 訂正確認: Story = {
  parameters: { msw: { handlers: { stepUpChallenge: stepUpChallenge(["execution_password"], "modify_order") } } },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("注文O0001を訂正");
    await page.click("訂正確認");
    await page.canvas.findByRole("heading", { name: "訂正内容の確認" }, { timeout: 5000 });
    await page.canvas.findByLabelText("執行パスワード", {}, { timeout: 5000 });
  },
};
export const 取消確認: Story = {
  parameters: { msw: { handlers: { stepUpChallenge: stepUpChallenge(["execution_password"], "cancel_order") } } },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("注文O0001を取消");
    await page.canvas.findByRole("heading", { name: "取消内容の確認" }, { timeout: 5000 });
    await page.canvas.findByLabelText("執行パスワード", {}, { timeout: 5000 });
  },
};
