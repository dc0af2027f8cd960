import { PasswordField, SelectField, TextField } from "@kakunin/ui/field";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { Frame } from "./frame.tsx";

const meta = {
  title: "デザインシステム/入力項目",
  component: TextField,
  args: { label: "お客様コード", name: "customerCode", inputMode: "numeric", autoComplete: "username" },
  decorators: [(Story) => <Frame>{Story()}</Frame>],
} satisfies Meta<typeof TextField>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 標準: Story = {};
export const ヒント付き: Story = { args: { hint: "7桁の半角数字で入力してください。" } };
export const エラー: Story = {
  args: {
    hint: "7桁の半角数字で入力してください。",
    error: "お客様コードは7桁の半角数字で入力してください。",
    defaultValue: "12ab",
  },
};
export const 単位付き: Story = {
  args: { label: "出金金額", name: "amount", suffix: "円", inputMode: "numeric", autoComplete: "off" },
};
export const パスワード: Story = {
  render: () => (
    <PasswordField label="執行パスワード" name="executionPassword" autoComplete="current-password" revealable />
  ),
};
export const パスワードエラー: Story = {
  render: () => (
    <PasswordField
      label="執行パスワード"
      name="executionPassword"
      autoComplete="current-password"
      revealable
      error={"執行パスワードが正しくありません。\nあと8回間違えるとロックされます。"}
    />
  ),
};
export const 選択: Story = {
  render: () => (
    <SelectField
      label="ファンド"
      name="fund"
      placeholder="選択してください"
      options={[
        { value: "F001", label: "かくにん日本株インデックス" },
        { value: "F002", label: "かくにん全世界株式" },
      ]}
    />
  ),
};
