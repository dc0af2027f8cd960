import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../../testing/app-screen.tsx";
import { getJson } from "../../../testing/msw-handlers.ts";

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
