import { RadioGroup } from "@kakunin/ui/radio-group";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { Frame } from "./frame.tsx";

const meta = {
  title: "デザインシステム/ラジオボタン",
  component: RadioGroup,
  args: {
    legend: "配信設定",
    name: "delivery",
    options: [
      { value: "on", label: "配信中" },
      { value: "off", label: "配信不要" },
    ],
  },
  decorators: [(Story) => <Frame>{Story()}</Frame>],
} satisfies Meta<typeof RadioGroup>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 横並び: Story = { args: { inline: true } };
export const 説明付き: Story = {
  args: {
    legend: "送信先",
    name: "address",
    options: [
      { value: "1", label: "t***@example.jp", description: "メールアドレス1" },
      { value: "2", label: "h***@example.jp", description: "メールアドレス2" },
    ],
  },
};
export const エラー: Story = { args: { inline: true, error: "配信設定を選択してください。" } };
