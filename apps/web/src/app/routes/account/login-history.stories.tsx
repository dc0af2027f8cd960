import type { StoryObj } from "@storybook/react-vite";
import { answering, readStates } from "../../../testing/confirmation-stories.ts";
import { demoLoginHistory } from "../../../testing/fixtures.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

const meta = { title: "画面/ログイン履歴", ...screenMeta("/account/login-history") } satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

const read = readStates("loginHistory", "/api/me/login-history");

export const 一覧: Story = {};
export const 履歴なし: Story = answering("loginHistory", "/api/me/login-history", { entries: [] });
/** Issue 15: the first login from a device is marked 「新しい端末」. */
export const 新しい端末: Story = answering("loginHistory", "/api/me/login-history", {
  entries: [
    { ...demoLoginHistory.entries[0], at: "2026-11-25T08:00:00Z" },
    { ...demoLoginHistory.entries[0], newDevice: true },
  ],
});
export const 読み込み中: Story = read.読み込み中;
export const 接続不可: Story = read.接続不可;
/** The session timed out before this screen was read: the app leaves for ログイン, which says why. */
export const セッション切れ: Story = read.セッション切れ;
