import type { StoryObj } from "@storybook/react-vite";
import { changeStates, registeredInfoStates } from "../../../testing/confirmation-stories.ts";
import { stepUpChallenge } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

/** メールアドレス登録, within the step-up window of 登録情報 (the read answers its data). */
const meta = { title: "画面/メールアドレス登録", ...screenMeta("/account/emails") } satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

export const 一覧: Story = {};

const gate = registeredInfoStates("emails", "/api/me/emails");
export const 読み込み中: Story = gate.読み込み中;
export const 確認_執行パスワード: Story = gate.確認_執行パスワード;
export const 確認_執行パスワードと認証コード: Story = gate.確認_執行パスワードと認証コード;
export const 確認_執行パスワード誤り: Story = gate.確認_執行パスワード誤り;
export const 確認_ロック: Story = gate.確認_ロック;
export const セッション切れ: Story = gate.セッション切れ;
export const 接続不可: Story = gate.接続不可;

/** The change of メールアドレス2 needs its own confirmation (R21). */
const changeConfirmation = { stepUpChallenge: stepUpChallenge(["execution_password"], "change_email") };

async function toChangeForm(canvasElement: HTMLElement) {
  const page = screen(canvasElement);
  await page.click("メールアドレス2を変更する");
  await page.waitForHeading("メールアドレス2の変更");
  return page;
}

async function toChangeConfirmation(canvasElement: HTMLElement) {
  const page = await toChangeForm(canvasElement);
  await page.type("新しいメールアドレス", "taro.new@example.jp");
  await page.click("変更確認");
  await page.waitForHeading("変更内容の確認");
  await page.canvas.findByLabelText("執行パスワード");
  return page;
}

export const 変更入力: Story = {
  play: async ({ canvasElement }) => {
    await toChangeForm(canvasElement);
  },
};
export const 変更入力エラー: Story = {
  play: async ({ canvasElement }) => {
    const page = await toChangeForm(canvasElement);
    await page.type("新しいメールアドレス", "taro.m@example.jp");
    await page.click("変更確認");
    await page.waitForText("現在と同じメールアドレスです。");
  },
};

const changes = changeStates({
  handlers: changeConfirmation,
  toConfirmation: toChangeConfirmation,
  submit: "変更する",
  completion: "メールアドレスの変更が完了しました",
});
export const 変更確認: Story = changes.変更確認;
export const 変更_執行パスワード誤り: Story = changes.変更_執行パスワード誤り;
export const 変更完了: Story = changes.変更完了;
