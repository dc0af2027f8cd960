import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../../testing/app-screen.tsx";
import { getJson, loading, sessionExpiresAt, upstreamUnavailable } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";

const meta = {
  title: "画面/ログイン履歴",
  component: AppScreen,
  args: { path: "/account/login-history" },
  parameters: { screen: true },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 一覧: Story = {};
export const 履歴なし: Story = {
  parameters: { msw: { handlers: { loginHistory: getJson("/api/me/login-history", { entries: [] }) } } },
};
export const 読み込み中: Story = {
  parameters: { msw: { handlers: { loginHistory: loading("get", "/api/me/login-history") } } },
};
export const 接続不可: Story = {
  parameters: { msw: { handlers: { loginHistory: upstreamUnavailable("get", "/api/me/login-history") } } },
};
/** The session timed out before this screen was read: the app leaves for ログイン, which says why. */
export const セッション切れ: Story = {
  parameters: { msw: { handlers: sessionExpiresAt("loginHistory", "get", "/api/me/login-history") } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForSessionExpiredLogin();
  },
};
