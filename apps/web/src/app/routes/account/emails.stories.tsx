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

/** メールアドレス登録, within the step-up window of 登録情報 (the read answers its data). */
const meta = {
  title: "画面/メールアドレス登録",
  component: AppScreen,
  args: { path: "/account/emails" },
  parameters: { screen: true },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 一覧: Story = {};

const passwordAndCode = {
  emails: stepUpRequired("get", "/api/me/emails", ["execution_password", "auth_code"]),
  stepUpChallenge: stepUpChallenge(["execution_password", "auth_code"]),
};

export const 読み込み中: Story = { parameters: { msw: { handlers: { emails: loading("get", "/api/me/emails") } } } };
export const 確認_執行パスワード: Story = {
  parameters: { msw: { handlers: { emails: stepUpRequired("get", "/api/me/emails") } } },
};
export const 確認_執行パスワードと認証コード: Story = { parameters: { msw: { handlers: passwordAndCode } } };
export const 確認_執行パスワード誤り: Story = {
  parameters: {
    msw: { handlers: { emails: stepUpRequired("get", "/api/me/emails"), stepUpVerification: wrongPassword(8) } },
  },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("執行パスワード", "Wrong1");
    await page.click("表示する");
    await page.waitForText(/あと8回/);
  },
};
export const 確認_ロック: Story = {
  parameters: { msw: { handlers: { emails: stepUpRequired("get", "/api/me/emails"), stepUpVerification: locked() } } },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("執行パスワード", "Wrong1");
    await page.click("表示する");
    await page.waitForText("アカウントロック中");
  },
};
/** The BFF finds the session timed out: the app leaves for ログイン with the message. */
export const セッション切れ: Story = {
  parameters: { msw: { handlers: sessionExpiresAt("emails", "get", "/api/me/emails") } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForSessionExpiredLogin();
  },
};
export const 接続不可: Story = {
  parameters: { msw: { handlers: { emails: upstreamUnavailable("get", "/api/me/emails") } } },
};

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
  await page.canvas.findByLabelText("執行パスワード", {}, { timeout: 5000 });
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
export const 変更完了: Story = {
  parameters: { msw: { handlers: changeConfirmation } },
  play: async ({ canvasElement }) => {
    const page = await toChangeConfirmation(canvasElement);
    await page.type("執行パスワード", "Ume4k9");
    await page.click("変更する");
    await page.waitForHeading("メールアドレスの変更が完了しました");
  },
};
