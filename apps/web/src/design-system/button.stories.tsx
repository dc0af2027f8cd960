import { Button } from "@kakunin/ui/button";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { Frame } from "./frame.tsx";

const meta = {
  title: "デザインシステム/ボタン",
  component: Button,
  args: { children: "次へ" },
  decorators: [(Story) => <Frame>{Story()}</Frame>],
} satisfies Meta<typeof Button>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 主ボタン: Story = {};
export const 副ボタン: Story = { args: { variant: "secondary", children: "戻る" } };
export const 処理中: Story = { args: { loading: true, children: "送信" } };
export const 全幅: Story = { args: { block: true, children: "ログイン" } };
export const 無効: Story = { args: { disabled: true, children: "注文確認" } };
