import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../../testing/app-screen.tsx";

/** メールアドレス登録, within the step-up window of 登録情報 (the read answers its data). */
const meta = {
  title: "画面/メールアドレス登録",
  component: AppScreen,
  args: { path: "/account/emails" },
  parameters: { screen: true },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 一覧: Story = {};
