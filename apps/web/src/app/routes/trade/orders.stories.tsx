import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../../testing/app-screen.tsx";
import { getJson, loading, upstreamUnavailable } from "../../../testing/msw-handlers.ts";

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
