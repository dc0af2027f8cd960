import type { StoryObj } from "@storybook/react-vite";
import { changeStates, registeredInfoStates } from "../../../testing/confirmation-stories.ts";
import { stepUpChallenge } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

/** メールサービス配信設定, within the step-up window of 登録情報 (the read answers its data). */
const meta = { title: "画面/メールサービス配信設定", ...screenMeta("/account/mail-settings") } satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

export const 一覧: Story = {};

const gate = registeredInfoStates("mailSettings", "/api/me/mail-settings");
export const 読み込み中: Story = gate.読み込み中;
export const 確認_執行パスワード: Story = gate.確認_執行パスワード;
export const 確認_執行パスワードと認証コード: Story = gate.確認_執行パスワードと認証コード;
export const 確認_執行パスワード誤り: Story = gate.確認_執行パスワード誤り;
export const 確認_ロック: Story = gate.確認_ロック;
export const セッション切れ: Story = gate.セッション切れ;
export const 接続不可: Story = gate.接続不可;
export const 変更: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.choose("出金認証コード通知メール");
    await page.click("変更する");
    await page.canvas.findByRole("heading", { name: "出金認証コード通知メールの配信設定" });
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
  await page.canvas.findByLabelText("執行パスワード");
  return page;
}

const changes = changeStates({
  handlers: changeConfirmation,
  toConfirmation: toChangeConfirmation,
  submit: "変更する",
  completion: "出金認証コード通知メール設定完了",
  completionText: "次回より、出金申込時に認証コードが必要になります",
});
export const 変更確認: Story = changes.変更確認;
export const 変更_執行パスワード誤り: Story = changes.変更_執行パスワード誤り;
export const 変更完了: Story = changes.変更完了;
