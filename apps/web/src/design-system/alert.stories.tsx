import { Alert } from "@kakunin/ui/alert";
import { Button } from "@kakunin/ui/button";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { Frame } from "./frame.tsx";

const meta = {
  title: "デザインシステム/お知らせ枠",
  component: Alert,
  decorators: [(Story) => <Frame>{Story()}</Frame>],
} satisfies Meta<typeof Alert>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 情報: Story = { args: { variant: "info", children: <p>ログインしてください。</p> } };
export const 成功: Story = { args: { variant: "success", children: <p>ログアウトしました。</p> } };
export const 警告: Story = {
  args: {
    variant: "warning",
    title: "執行パスワードを変更してください",
    children: <p>初期執行パスワードのままです。</p>,
  },
};
export const エラー: Story = {
  args: {
    variant: "error",
    children: <p>ただいまサービスに接続できません。しばらくしてから再度お試しください。</p>,
    actions: <Button variant="secondary">再試行</Button>,
  },
};
