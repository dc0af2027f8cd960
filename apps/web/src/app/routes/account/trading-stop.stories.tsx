import { errorMessages } from "@kakunin/contracts/error-body";
import type { StoryObj } from "@storybook/react-vite";
import { answering, readStates } from "../../../testing/confirmation-stories.ts";
import { upstreamUnavailable } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";
import { tradingStopped } from "../../../testing/trading-stop-fixtures.ts";

const meta = { title: "画面/取引停止", ...screenMeta("/account/trading-stop") } satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

const path = "/api/me/trading-stop";
const read = readStates("tradingStop", path);

const toConfirmation = async (canvasElement: HTMLElement) => {
  const page = screen(canvasElement);
  await page.click("取引を停止する");
  await page.waitForHeading("取引停止の確認");
  return page;
};

export const 入力: Story = {};
export const 確認: Story = {
  play: async ({ canvasElement }) => {
    await toConfirmation(canvasElement);
  },
};
export const 完了: Story = {
  play: async ({ canvasElement }) => {
    const page = await toConfirmation(canvasElement);
    await page.click("停止する");
    await page.waitForHeading("取引を停止しました");
  },
};
/** Already stopped (e.g. from another device): the state and the number to call, no second stop. */
export const 停止中: Story = answering("tradingStop", path, tradingStopped);
export const 停止失敗: Story = {
  parameters: { msw: { handlers: { stopTrading: upstreamUnavailable("post", path) } } },
  play: async ({ canvasElement }) => {
    const page = await toConfirmation(canvasElement);
    await page.click("停止する");
    await page.waitForText(errorMessages.upstream_unavailable);
  },
};
export const 読み込み中: Story = read.読み込み中;
export const 接続不可: Story = read.接続不可;
/** The session timed out before this screen was read: the app leaves for ログイン, which says why. */
export const セッション切れ: Story = read.セッション切れ;
