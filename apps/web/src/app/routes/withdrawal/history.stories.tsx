import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../../testing/app-screen.tsx";
import { demoWithdrawals } from "../../../testing/fixtures.ts";
import { getJson, loading, sessionExpiresAt, upstreamUnavailable } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";

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
/** The session timed out before this screen was read: the app leaves for ログイン, which says why. */
export const セッション切れ: Story = {
  parameters: { msw: { handlers: sessionExpiresAt("withdrawals", "get", "/api/me/withdrawals") } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForSessionExpiredLogin();
  },
};
