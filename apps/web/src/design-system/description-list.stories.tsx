import { ChangeValue, DescriptionList } from "@kakunin/ui/description-list";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { Frame } from "./frame.tsx";

const meta = {
  title: "デザインシステム/項目一覧",
  component: DescriptionList,
  decorators: [(Story) => <Frame>{Story()}</Frame>],
} satisfies Meta<typeof DescriptionList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 登録情報: Story = {
  args: {
    items: [
      { term: "お客様コード", detail: "1000001" },
      { term: "お名前", detail: "山田 太郎" },
      { term: "電話番号", detail: "090-1234-5678" },
    ],
  },
};
export const 変更前後: Story = {
  args: {
    items: [
      { term: "電話番号", detail: <ChangeValue before="090-1234-5678" after="090-0000-1111" /> },
      { term: "住所", detail: <ChangeValue before="東京都渋谷区" after="東京都渋谷区" unchanged /> },
    ],
  },
};
