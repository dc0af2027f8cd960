import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../../testing/app-screen.tsx";
import { demoWithdrawals } from "../../../testing/fixtures.ts";
import { getJson, loading, upstreamUnavailable } from "../../../testing/msw-handlers.ts";

const meta = {
  title: "画面/出金申込履歴",
  component: AppScreen,
  args: { path: "/withdrawal/history" },
  parameters: { screen: true },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 一覧: Story = {
  parameters: { msw: { handlers: { withdrawals: getJson("/api/me/withdrawals", demoWithdrawals) } } },
};
export const 履歴なし: Story = {
  parameters: { msw: { handlers: { withdrawals: getJson("/api/me/withdrawals", { withdrawals: [] }) } } },
};
export const 読み込み中: Story = {
  parameters: { msw: { handlers: { withdrawals: loading("get", "/api/me/withdrawals") } } },
};
export const 接続不可: Story = {
  parameters: { msw: { handlers: { withdrawals: upstreamUnavailable("get", "/api/me/withdrawals") } } },
};
