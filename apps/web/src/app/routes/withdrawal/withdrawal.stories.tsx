import type { StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { phone } from "../../../testing/app-screen.tsx";
import { confirmationStates, readStates } from "../../../testing/confirmation-stories.ts";
import { apiError, lockedAccount, stepUpChallenge, wrongCode } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

const meta = {
  title: "画面/出金",
  ...screenMeta("/withdrawal", { stepUpChallenge: stepUpChallenge(["execution_password", "auth_code"], "withdrawal") }),
} satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

const read = readStates("withdrawalOverview", "/api/me/withdrawals/overview");

/** 出金確認 → the confirmation, ready for input (the 認証コード's field when it is on). */
async function toConfirmation(canvasElement: HTMLElement, lastField = "認証コード") {
  const page = screen(canvasElement);
  await page.type("出金金額", "100000");
  await page.click("出金確認");
  await page.canvas.findByLabelText(lastField);
  return page;
}

const states = confirmationStates({
  toConfirmation: (canvasElement) => toConfirmation(canvasElement),
  submit: "出金する",
  fillOthers: (page) => page.type("認証コード", "123456"),
  completion: "W20261125-0001",
});

export const 入力: Story = {};
export const 読み込み中: Story = read.読み込み中;
export const 入力エラー: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("出金金額", "0");
    await page.click("出金確認");
    await page.waitForText("出金金額は1円以上で入力してください。");
  },
};
export const 確認_認証コード: Story = states.確認;
export const 確認_認証コードスマートフォン: Story = { ...states.確認, globals: phone };
export const 完了: Story = states.完了;
export const 接続不可: Story = read.接続不可;
/** Locked before the screen opened: said on arrival, with 出金可能額 and no amount form (issue 17 B6). */
export const ロック中: Story = {
  parameters: { msw: { handlers: lockedAccount } },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.waitForText("アカウントロック中");
    await page.waitForText("出金可能額");
    await expect(page.canvas.queryByLabelText("出金金額")).toBeNull();
  },
};
/** 出金認証コード通知メール is off: the 執行パスワード alone. */
export const 確認_執行パスワード: Story = {
  parameters: { msw: { handlers: { stepUpChallenge: stepUpChallenge(["execution_password"], "withdrawal") } } },
  play: async ({ canvasElement }) => {
    await toConfirmation(canvasElement, "執行パスワード");
  },
};
export const 確認_認証コード再送信: Story = {
  play: async ({ canvasElement }) => {
    const page = await toConfirmation(canvasElement);
    await page.click("再送信");
    await page.waitForText("認証コードを再送信しました。");
  },
};
export const 認証コード誤り: Story = {
  parameters: { msw: { handlers: { stepUpVerification: wrongCode(2) } } },
  play: async ({ canvasElement }) => {
    const page = await toConfirmation(canvasElement);
    await page.type("執行パスワード", "Ume4k9");
    await page.type("認証コード", "000000");
    await page.click("出金する");
    await page.waitForText(/認証コードが正しくありません/);
  },
};

/** The broker asks for a passkey on withdrawals (issue 14): the 執行パスワード and 「パスキーで確認」. */
export const パスキーで確認: Story = {
  parameters: {
    msw: { handlers: { stepUpChallenge: stepUpChallenge(["execution_password", "passkey"], "withdrawal") } },
  },
  play: async ({ canvasElement }) => {
    const page = await toConfirmation(canvasElement, "執行パスワード");
    await page.canvas.findByRole("button", { name: "パスキーで確認" });
  },
};
/** A passkey is required but none is registered: the message and the way to パスキー設定. */
export const パスキー登録が必要: Story = {
  parameters: {
    msw: {
      handlers: {
        stepUpChallenge: apiError("post", "/api/step-up/challenges", 403, "passkey_registration_required"),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("出金金額", "100000");
    await page.click("出金確認");
    await page.canvas.findByRole("link", { name: "パスキー設定へ" });
  },
};

export const 執行パスワード誤り: Story = states.執行パスワード誤り;
export const ロック: Story = states.ロック;
export const セッション切れ: Story = states.セッション切れ;

/** R36: 出金確認 in English (the toolbar's 言語 / Language set to English), both methods asked for. */
export const 確認_英語: Story = {
  globals: { locale: "en" },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("Withdrawal amount", "100000");
    await page.click("Confirm withdrawal");
    await page.waitForHeading("Confirm withdrawal details");
    await page.canvas.findByLabelText("Authentication code");
    await page.canvas.findByLabelText("Execution password");
    await page.canvas.findByRole("button", { name: "Withdraw" });
  },
};
