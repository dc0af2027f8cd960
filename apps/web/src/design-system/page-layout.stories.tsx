import { Button } from "@kakunin/ui/button";
import { PageLayout } from "@kakunin/ui/page-layout";
import { ChangeComplete, StepSection } from "@kakunin/ui/step-section";
import { TableRegion } from "@kakunin/ui/table-region";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { phone } from "../testing/app-screen.tsx";

const meta = {
  title: "デザインシステム/ページ枠",
  component: PageLayout,
  args: {
    title: "会員トップ",
    headerEnd: (
      <>
        <p className="kk-customer-name">山田 太郎 様</p>
        <Button variant="secondary">ログアウト</Button>
      </>
    ),
    menu: (
      <ul>
        <li>
          <a href="#top">会員トップ</a>
        </li>
        <li>
          <a href="#withdrawal">出金</a>
        </li>
      </ul>
    ),
    children: <p>本文</p>,
  },
} satisfies Meta<typeof PageLayout>;
export default meta;
type Story = StoryObj<typeof meta>;

export const デスクトップ: Story = {};
export const スマートフォン: Story = { globals: phone };
export const 手続きの段階: Story = {
  args: {
    title: "出金",
    children: (
      <div className="kk-stack">
        <StepSection title="出金内容の確認" autoFocus={false}>
          <p>出金金額 100,000円</p>
        </StepSection>
        <ChangeComplete title="出金を受け付けました">
          <p>受付番号 W20261125-0001</p>
        </ChangeComplete>
      </div>
    ),
  },
};
export const 表: Story = {
  args: {
    title: "注文照会",
    children: (
      <>
        <h2 id="table-title">ご注文</h2>
        <TableRegion labelledBy="table-title">
          <table>
            <thead>
              <tr>
                <th scope="col">注文番号</th>
                <th scope="col">銘柄</th>
                <th scope="col">状態</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>O0001</td>
                <td>トヨタ自動車</td>
                <td>注文中</td>
              </tr>
            </tbody>
          </table>
        </TableRegion>
      </>
    ),
  },
};
