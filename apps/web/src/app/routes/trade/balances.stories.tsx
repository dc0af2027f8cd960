import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen, phone } from "../../../testing/app-screen.tsx";
import { loading, upstreamUnavailable } from "../../../testing/msw-handlers.ts";

const meta = {
  title: "画面/残高照会",
  component: AppScreen,
  args: { path: "/trade/balances" },
  parameters: { screen: true },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 残高: Story = {};
export const 残高スマートフォン: Story = { globals: phone };
export const 読み込み中: Story = {
  parameters: { msw: { handlers: { balances: loading("get", "/api/me/balances") } } },
};
export const 接続不可: Story = {
  parameters: { msw: { handlers: { balances: upstreamUnavailable("get", "/api/me/balances") } } },
};
