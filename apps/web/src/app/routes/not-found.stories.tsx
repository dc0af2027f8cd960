import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../testing/app-screen.tsx";

const meta = {
  title: "画面/404",
  component: AppScreen,
  args: { path: "/no-such-page" },
  parameters: { screen: true },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ページが見つかりません: Story = {};
