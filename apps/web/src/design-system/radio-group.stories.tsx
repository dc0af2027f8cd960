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
/** An option shown but not choosable; the hint says why. */
export const 選択不可あり: Story = {
  args: {
    legend: "取引区分",
    name: "tradeType",
    inline: true,
    options: [
      { value: "cash", label: "現物" },
      { value: "margin_open", label: "信用新規", disabled: true },
      { value: "margin_close", label: "信用返済" },
    ],
    hint: "信用取引口座が開設されていないため、信用取引の新規建てはご利用いただけません。",
  },
};
