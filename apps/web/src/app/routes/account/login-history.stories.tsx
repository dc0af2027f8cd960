import type { StoryObj } from "@storybook/react-vite";
import { answering, readStates, withMorePages } from "../../../testing/confirmation-stories.ts";
import { demoLoginHistory } from "../../../testing/fixtures.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

const meta = { title: "画面/ログイン履歴", ...screenMeta("/account/login-history") } satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

const read = readStates("loginHistory", "/api/me/login-history");

export const 一覧: Story = {};
export const 履歴なし: Story = answering("loginHistory", "/api/me/login-history", { entries: [], nextCursor: null });
/** Issue 15: the first login from a device is marked 「新しい端末」. */
export const 新しい端末: Story = answering("loginHistory", "/api/me/login-history", {
  entries: [
    { ...demoLoginHistory.entries[0], at: "2026-11-25T08:00:00Z" },
    { ...demoLoginHistory.entries[0], newDevice: true },
  ],
  nextCursor: null,
});
/** Issue 16: older attempts come a page at a time under 「さらに表示」 (pressed once here; a third page remains). */
export const 続きあり: Story = withMorePages(
  "loginHistory",
  "/api/me/login-history",
  [
    { entries: [...demoLoginHistory.entries] },
    { entries: [{ ...demoLoginHistory.entries[0], at: "2026-11-20T01:02:03Z", ipAddress: "198.51.100.20" }] },
    { entries: [{ ...demoLoginHistory.entries[0], at: "2026-11-10T01:02:03Z" }] },
  ],
  "198.51.100.20",
);
export const 読み込み中: Story = read.読み込み中;
export const 接続不可: Story = read.接続不可;
/** The session timed out before this screen was read: the app leaves for ログイン, which says why. */
export const セッション切れ: Story = read.セッション切れ;
