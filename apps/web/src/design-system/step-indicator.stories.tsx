import { StepIndicator } from "@kakunin/ui/step-indicator";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { Frame } from "./frame.tsx";

const meta = {
  title: "デザインシステム/手続きの流れ",
  component: StepIndicator,
  decorators: [(Story) => <Frame>{Story()}</Frame>],
} satisfies Meta<typeof StepIndicator>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 入力: Story = { args: { current: 0 } };
export const 確認: Story = { args: { current: 1 } };
export const 完了: Story = { args: { current: 2 } };
