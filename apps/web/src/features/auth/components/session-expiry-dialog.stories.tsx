import { errorMessages } from "@kakunin/contracts/error-body";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, within } from "storybook/test";
import { SessionExpiryDialog } from "./session-expiry-dialog.tsx";

/** The 自動ログアウト warning (issue 15), shown over a member page two minutes before the idle timeout. */
const meta = {
  title: "認証/自動ログアウト警告",
  component: SessionExpiryDialog,
  args: { remainingMs: 119_000, extending: false, onExtend: fn(), onLogout: fn() },
} satisfies Meta<typeof SessionExpiryDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 残り2分: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await within(canvasElement.ownerDocument.body).findByRole("alertdialog", {
      name: "まもなく自動ログアウトします",
    });
    await expect(within(dialog).getByRole("timer")).toHaveTextContent("残り 1分59秒");
    await expect(within(dialog).getByRole("button", { name: "延長する" })).toHaveFocus();
  },
};
export const 残りわずか: Story = { args: { remainingMs: 9_000 } };
export const 延長中: Story = { args: { extending: true } };
export const 延長失敗: Story = { args: { error: errorMessages.upstream_unavailable } };
