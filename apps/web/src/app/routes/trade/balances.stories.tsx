import type { StoryObj } from "@storybook/react-vite";
import { phone } from "../../../testing/app-screen.tsx";
import { readStates } from "../../../testing/confirmation-stories.ts";
import { cashOnlyBalances } from "../../../testing/fixtures.ts";
import { getJson } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

const meta = { title: "画面/残高照会", ...screenMeta("/trade/balances") } satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

const read = readStates("balances", "/api/me/balances");

export const 残高: Story = {};
export const 残高スマートフォン: Story = { globals: phone };
export const 読み込み中: Story = read.読み込み中;
export const 接続不可: Story = read.接続不可;
/** Only cash: each table says it has nothing to show. */
export const 保有なし: Story = {
  parameters: { msw: { handlers: { balances: getJson("/api/me/balances", cashOnlyBalances) } } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForText("保有株式はありません。");
  },
};
/** The session timed out before this screen was read: the app leaves for ログイン, which says why. */
export const セッション切れ: Story = read.セッション切れ;
