import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../../testing/app-screen.tsx";
import {
  loading,
  locked,
  sessionExpiresAt,
  stepUpChallenge,
  stepUpRequired,
  upstreamUnavailable,
  wrongPassword,
} from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";

/** メールサービス配信設定, within the step-up window of 登録情報 (the read answers its data). */
const meta = {
  title: "画面/メールサービス配信設定",
  component: AppScreen,
  args: { path: "/account/mail-settings" },
  parameters: { screen: true },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 一覧: Story = {};
export const 変更: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.choose("出金認証コード通知メール");
    await page.click("変更する");
    await page.canvas.findByRole("heading", { name: "出金認証コード通知メールの配信設定" }, { timeout: 5000 });
  },
};
export const 接続不可: Story = {
  parameters: { msw: { handlers: { mailSettings: upstreamUnavailable("get", "/api/me/mail-settings") } } },
};

const passwordAndCode = {
  mailSettings: stepUpRequired("get", "/api/me/mail-settings", ["execution_password", "auth_code"]),
  stepUpChallenge: stepUpChallenge(["execution_password", "auth_code"]),
};

export const 読み込み中: Story = {
  parameters: { msw: { handlers: { mailSettings: loading("get", "/api/me/mail-settings") } } },
};
export const 確認_執行パスワード: Story = {
  parameters: { msw: { handlers: { mailSettings: stepUpRequired("get", "/api/me/mail-settings") } } },
};
export const 確認_執行パスワードと認証コード: Story = { parameters: { msw: { handlers: passwordAndCode } } };
export const 確認_執行パスワード誤り: Story = {
  parameters: {
    msw: {
      handlers: { mailSettings: stepUpRequired("get", "/api/me/mail-settings"), stepUpVerification: wrongPassword(8) },
    },
  },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("執行パスワード", "Wrong1");
    await page.click("表示する");
    await page.waitForText(/あと8回/);
  },
};
export const 確認_ロック: Story = {
  parameters: {
    msw: { handlers: { mailSettings: stepUpRequired("get", "/api/me/mail-settings"), stepUpVerification: locked() } },
  },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("執行パスワード", "Wrong1");
    await page.click("表示する");
    await page.waitForText("アカウントロック中");
  },
};
/** The BFF finds the session timed out: the app leaves for ログイン with the message. */
export const セッション切れ: Story = {
  parameters: { msw: { handlers: sessionExpiresAt("mailSettings", "get", "/api/me/mail-settings") } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForSessionExpiredLogin();
  },
};

/** The change needs its own confirmation (R23); the notice's example: 出金認証コード通知メール to メールアドレス2. */
const changeConfirmation = { stepUpChallenge: stepUpChallenge(["execution_password"], "change_mail_settings") };

async function toChangeConfirmation(canvasElement: HTMLElement) {
  const page = screen(canvasElement);
  await page.choose("出金認証コード通知メール");
  await page.click("変更する");
  await page.waitForHeading("出金認証コード通知メールの配信設定");
  await page.choose("配信中");
  await page.choose("taro.m@example.jp");
  await page.click("変更確認");
  await page.waitForHeading("変更内容の確認");
  await page.canvas.findByLabelText("執行パスワード", {}, { timeout: 5000 });
  return page;
}

export const 変更確認: Story = {
  parameters: { msw: { handlers: changeConfirmation } },
  play: async ({ canvasElement }) => {
    await toChangeConfirmation(canvasElement);
  },
};
export const 変更_執行パスワード誤り: Story = {
  parameters: { msw: { handlers: { ...changeConfirmation, stepUpVerification: wrongPassword(8) } } },
  play: async ({ canvasElement }) => {
    const page = await toChangeConfirmation(canvasElement);
    await page.type("執行パスワード", "Wrong1");
    await page.click("変更する");
    await page.waitForText(/あと8回/);
  },
};
/** 「出金認証コード通知メール設定完了」 and what it means for the next 出金. */
export const 変更完了: Story = {
  parameters: { msw: { handlers: changeConfirmation } },
  play: async ({ canvasElement }) => {
    const page = await toChangeConfirmation(canvasElement);
    await page.type("執行パスワード", "Ume4k9");
    await page.click("変更する");
    await page.waitForHeading("出金認証コード通知メール設定完了");
    await page.waitForText("次回より、出金申込時に認証コードが必要になります");
  },
};
