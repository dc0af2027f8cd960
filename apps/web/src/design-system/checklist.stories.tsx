import { Checklist } from "@kakunin/ui/checklist";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { Frame } from "./frame.tsx";

const meta = {
  title: "デザインシステム/チェックリスト",
  component: Checklist,
  decorators: [(Story) => <Frame>{Story()}</Frame>],
} satisfies Meta<typeof Checklist>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 一部未達: Story = {
  args: {
    items: [
      { id: "length", label: "6〜12文字", met: true },
      { id: "letters", label: "英字を含む", met: true },
      { id: "digits", label: "数字を含む", met: false },
    ],
  },
};
export const すべて達成: Story = {
  args: {
    items: [
      { id: "length", label: "6〜12文字", met: true },
      { id: "letters", label: "英字を含む", met: true },
      { id: "digits", label: "数字を含む", met: true },
    ],
  },
};
