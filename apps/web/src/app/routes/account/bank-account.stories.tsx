import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../../testing/app-screen.tsx";
import { demoWithdrawalOverview, pendingBankAccountChange } from "../../../testing/fixtures.ts";
import { getJson } from "../../../testing/msw-handlers.ts";

const meta = {
  title: "画面/出金先口座変更",
  component: AppScreen,
  args: { path: "/account/bank-account" },
  parameters: { screen: true },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 入力: Story = {};
export const 申請中: Story = {
  parameters: {
    msw: {
      handlers: {
        withdrawalOverview: getJson("/api/me/withdrawals/overview", {
          ...demoWithdrawalOverview,
          pendingBankAccountChange,
        }),
      },
    },
  },
};
