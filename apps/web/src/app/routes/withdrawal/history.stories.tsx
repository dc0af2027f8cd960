import type { StoryObj } from "@storybook/react-vite";
import { answering, readStates, withMorePages } from "../../../testing/confirmation-stories.ts";
import { demoWithdrawals } from "../../../testing/fixtures.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

const meta = { title: "画面/出金申込履歴", ...screenMeta("/withdrawal/history") } satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

const read = readStates("withdrawals", "/api/me/withdrawals");

export const 一覧: Story = answering("withdrawals", "/api/me/withdrawals", demoWithdrawals);
export const 履歴なし: Story = answering("withdrawals", "/api/me/withdrawals", { withdrawals: [], nextCursor: null });
/** Issue 16: older requests come a page at a time under 「さらに表示」 (pressed once here; a third page remains). */
export const 続きあり: Story = withMorePages(
  "withdrawals",
  "/api/me/withdrawals",
  [
    { withdrawals: [...demoWithdrawals.withdrawals] },
    {
      withdrawals: [
        { ...demoWithdrawals.withdrawals[1], requestNumber: "W20261001-0001", requestedAt: "2026-10-01T02:00:00.000Z" },
      ],
    },
    {
      withdrawals: [
        { ...demoWithdrawals.withdrawals[1], requestNumber: "W20260901-0001", requestedAt: "2026-09-01T02:00:00.000Z" },
      ],
    },
  ],
  "W20261001-0001",
);
export const 読み込み中: Story = read.読み込み中;
export const 接続不可: Story = read.接続不可;
/** The session timed out before this screen was read: the app leaves for ログイン, which says why. */
export const セッション切れ: Story = read.セッション切れ;
