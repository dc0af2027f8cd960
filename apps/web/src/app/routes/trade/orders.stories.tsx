import type { StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { answering, readStates, withMorePages } from "../../../testing/confirmation-stories.ts";
import { demoOrders, filledOrder } from "../../../testing/fixtures.ts";
import { apiError, lockedAccount, stepUpChallenge, wrongPassword } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

const meta = { title: "画面/注文照会", ...screenMeta("/trade/orders") } satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

const read = readStates("orders", "/api/me/orders");

export const 一覧: Story = {};
export const 注文なし: Story = answering("orders", "/api/me/orders", { orders: [], nextCursor: null });
/** Issue 16: older orders come a page at a time under 「さらに表示」 (pressed once here; a third page remains). */
export const 続きあり: Story = withMorePages(
  "orders",
  "/api/me/orders",
  [
    { orders: [...demoOrders.orders] },
    { orders: [{ ...filledOrder, orderNumber: "O00000003", createdAt: "2026-11-20T01:00:00.000Z" }] },
    { orders: [{ ...filledOrder, orderNumber: "O00000004", createdAt: "2026-11-10T01:00:00.000Z" }] },
  ],
  "O00000003",
);
export const 読み込み中: Story = read.読み込み中;
export const 接続不可: Story = read.接続不可;
export const 訂正確認: Story = {
  parameters: { msw: { handlers: { stepUpChallenge: stepUpChallenge(["execution_password"], "modify_order") } } },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("注文O00000001を訂正");
    await page.click("訂正確認");
    await page.canvas.findByRole("heading", { name: "訂正内容の確認" });
    await page.canvas.findByLabelText("執行パスワード");
  },
};
export const 取消確認: Story = {
  parameters: { msw: { handlers: { stepUpChallenge: stepUpChallenge(["execution_password"], "cancel_order") } } },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("注文O00000001を取消");
    await page.canvas.findByRole("heading", { name: "取消内容の確認" });
    await page.canvas.findByLabelText("執行パスワード");
  },
};

async function toModifyConfirmation(canvasElement: HTMLElement) {
  const page = screen(canvasElement);
  await page.click("注文O00000001を訂正");
  await page.type("数量", "200");
  await page.type("価格", "2450");
  await page.click("訂正確認");
  await page.waitForHeading("訂正内容の確認");
  await page.canvas.findByLabelText("執行パスワード");
  return page;
}

export const 訂正入力エラー: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("注文O00000001を訂正");
    await page.type("数量", "0");
    await page.click("訂正確認");
    await page.waitForText("数量を入力してください。");
  },
};
/**
 * Issue 17 B2: core's check before 訂正確認 refuses a price outside the 値幅制限 on 価格; no
 * confirmation opens and no 執行パスワード is asked for.
 */
export const 訂正値幅制限外: Story = {
  parameters: {
    msw: {
      handlers: {
        checkOrderModification: apiError(
          "post",
          "/api/me/orders/:orderNumber/modification-checks",
          422,
          "order_rejected",
          {
            fields: [
              { path: "limitPrice", message: "値幅制限（1,980円～2,980円）の範囲外です。", reason: "price_limit" },
            ],
          },
        ),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("注文O00000001を訂正");
    await page.type("価格", "3000");
    await page.click("訂正確認");
    await page.waitForText("値幅制限（1,980円～2,980円）の範囲外です。");
  },
};
export const 訂正完了: Story = {
  parameters: { msw: { handlers: { stepUpChallenge: stepUpChallenge(["execution_password"], "modify_order") } } },
  play: async ({ canvasElement }) => {
    const page = await toModifyConfirmation(canvasElement);
    await page.type("執行パスワード", "Ume4k9");
    await page.click("訂正する");
    await page.waitForHeading("ご注文を訂正しました");
  },
};
export const 訂正_執行パスワード誤り: Story = {
  parameters: {
    msw: {
      handlers: {
        stepUpChallenge: stepUpChallenge(["execution_password"], "modify_order"),
        stepUpVerification: wrongPassword(8),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = await toModifyConfirmation(canvasElement);
    await page.type("執行パスワード", "Wrong1");
    await page.click("訂正する");
    await page.waitForText(/あと8回/);
  },
};
export const 取消完了: Story = {
  parameters: { msw: { handlers: { stepUpChallenge: stepUpChallenge(["execution_password"], "cancel_order") } } },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("注文O00000001を取消");
    await page.type("執行パスワード", "Ume4k9");
    await page.click("取消する");
    await page.waitForHeading("ご注文を取り消しました");
  },
};
/** Locked before the screen opened: said above the list; 訂正/取消 will not open a confirmation. */
/** Issue 17 B6: locked, the list stays readable without 訂正・取消 that could not be confirmed. */
export const ロック中: Story = {
  parameters: { msw: { handlers: lockedAccount } },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.waitForText("アカウントロック中");
    await page.canvas.findByRole("cell", { name: "注文中" });
    await expect(page.canvas.queryByRole("button", { name: "注文O00000001を取消" })).toBeNull();
    await expect(page.canvas.queryByRole("columnheader", { name: "訂正・取消" })).toBeNull();
  },
};
/** The list is refreshed after the session timed out: the app leaves for ログイン, which says why. */
export const セッション切れ: Story = read.セッション切れ;
