import type { StoryObj } from "@storybook/react-vite";
import { phone } from "../../../testing/app-screen.tsx";
import { orderStates } from "../../../testing/confirmation-stories.ts";
import { noMarginAccountBalances } from "../../../testing/fixtures.ts";
import { apiError, getJson, loading, stepUpChallenge, upstreamUnavailable } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

const meta = {
  title: "画面/株式注文",
  ...screenMeta("/trade/stock", { stepUpChallenge: stepUpChallenge(["execution_password"], "place_order") }),
} satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

const states = orderStates(async (page) => {
  await page.type("銘柄コード", "7203");
  await page.type("数量", "100");
}, "ご注文を受け付けました");

export const 入力: Story = {};
export const 注文確認: Story = states.確認;
export const 注文確認スマートフォン: Story = { ...states.確認, globals: phone };
export const 入力エラー: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("注文確認");
    await page.waitForText(/銘柄コード.*入力してください。/);
  },
};
/**
 * Issue 17 B2: core's check before the confirmation refuses a price outside the 値幅制限 on the
 * 価格 field; no confirmation opens and no 執行パスワード is asked for.
 */
export const 値幅制限外: Story = {
  parameters: {
    msw: {
      handlers: {
        checkOrder: apiError("post", "/api/me/order-checks", 422, "order_rejected", {
          fields: [
            { path: "limitPrice", message: "値幅制限（1,980円～2,980円）の範囲外です。", reason: "price_limit" },
          ],
        }),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("銘柄コード", "7203");
    await page.type("数量", "100");
    await page.choose("指値");
    await page.type("価格", "3000");
    await page.click("注文確認");
    await page.waitForText("値幅制限（1,980円～2,980円）の範囲外です。");
  },
};
export const 完了: Story = states.完了;
export const 接続不可: Story = {
  parameters: { msw: { handlers: { instruments: upstreamUnavailable("get", "/api/market/instruments") } } },
};
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
/** No 信用取引口座 yet: 信用新規 is shown but cannot be chosen, and the hint says why. */
export const 信用取引口座未開設: Story = {
  parameters: { msw: { handlers: { balances: getJson("/api/me/balances", noMarginAccountBalances) } } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForText(/信用取引口座が開設されていないため/);
  },
};

export const 執行パスワード誤り: Story = states.執行パスワード誤り;
export const ロック: Story = states.ロック;
export const ロック中: Story = states.ロック中;
export const セッション切れ: Story = states.セッション切れ;

/** R36: 注文内容の確認 in English (the toolbar's 言語 / Language set to English). */
export const 注文確認_英語: Story = {
  globals: { locale: "en" },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("Stock code", "7203");
    await page.type("Quantity", "100");
    await page.click("Confirm order");
    await page.waitForHeading("Confirm your order");
    await page.canvas.findByLabelText("Execution password");
    await page.canvas.findByRole("button", { name: "Place order" });
  },
};
