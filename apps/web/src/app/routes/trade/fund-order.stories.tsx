import type { StoryObj } from "@storybook/react-vite";
import { HttpResponse, http } from "msw";
import { phone } from "../../../testing/app-screen.tsx";
import { orderStates } from "../../../testing/confirmation-stories.ts";
import { fundOrder } from "../../../testing/fixtures.ts";
import { loading, stepUpChallenge, upstreamUnavailable } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

const meta = {
  title: "画面/投資信託",
  ...screenMeta("/trade/fund", {
    stepUpChallenge: stepUpChallenge(["execution_password"], "place_order"),
    placeOrder: http.post("/api/me/orders", () => HttpResponse.json(fundOrder)),
  }),
} satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

const states = orderStates(async (page) => {
  await page.select("ファンド", "F001");
  await page.type("金額", "10000");
}, "O00000003");

export const 入力: Story = {};
export const 注文確認: Story = states.確認;
export const 完了: Story = states.完了;
export const 接続不可: Story = {
  parameters: { msw: { handlers: { instruments: upstreamUnavailable("get", "/api/market/instruments") } } },
};
export const 入力エラー: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.select("ファンド", "F001");
    await page.type("金額", "50");
    await page.click("注文確認");
    await page.waitForText("金額は100円以上で入力してください。");
  },
};
export const 注文確認スマートフォン: Story = { ...states.確認, globals: phone };
export const 読み込み中: Story = {
  parameters: {
    msw: {
      handlers: {
        instruments: loading("get", "/api/market/instruments"),
        balances: loading("get", "/api/me/balances"),
      },
    },
  },
};

export const 執行パスワード誤り: Story = states.執行パスワード誤り;
export const ロック: Story = states.ロック;
export const ロック中: Story = states.ロック中;
export const セッション切れ: Story = states.セッション切れ;
