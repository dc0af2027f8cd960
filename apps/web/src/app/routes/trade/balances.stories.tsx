import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen, phone } from "../../../testing/app-screen.tsx";
import { cashOnlyBalances } from "../../../testing/fixtures.ts";
import { getJson, loading, sessionExpiresAt, upstreamUnavailable } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";

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
/** Only cash: each table says it has nothing to show. */
export const 保有なし: Story = {
  parameters: { msw: { handlers: { balances: getJson("/api/me/balances", cashOnlyBalances) } } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForText("保有株式はありません。");
  },
};
/** The session timed out before this screen was read: the app leaves for ログイン, which says why. */
export const セッション切れ: Story = {
  parameters: { msw: { handlers: sessionExpiresAt("balances", "get", "/api/me/balances") } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForSessionExpiredLogin();
  },
};
