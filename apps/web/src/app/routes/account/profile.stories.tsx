import type { StoryObj } from "@storybook/react-vite";
import { phone } from "../../../testing/app-screen.tsx";
import { changeStates } from "../../../testing/confirmation-stories.ts";
import { demoProfile } from "../../../testing/fixtures.ts";
import {
  getJson,
  loading,
  locked,
  sessionExpiresAt,
  stepUpChallenge,
  stepUpRequired,
  upstreamUnavailable,
  wrongCode,
  wrongPassword,
} from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

/**
 * 口座情報照会／変更 and the step-up confirmation (執行パスワード, and the mailed 認証コード when
 * the customer turned 照会用認証コード on) that guards it.
 */
const meta = {
  title: "画面/口座情報照会・変更",
  ...screenMeta("/account/profile", { profile: stepUpRequired("get", "/api/me/profile") }),
} satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

const passwordAndCode = {
  profile: stepUpRequired("get", "/api/me/profile", ["execution_password", "auth_code"]),
  stepUpChallenge: stepUpChallenge(["execution_password", "auth_code"]),
};

export const 確認_執行パスワード: Story = {};
export const 確認_執行パスワードスマートフォン: Story = { globals: phone };
export const 確認_執行パスワードと認証コード: Story = { parameters: { msw: { handlers: passwordAndCode } } };
export const 確認_執行パスワードと認証コードスマートフォン: Story = {
  globals: phone,
  parameters: { msw: { handlers: passwordAndCode } },
};
export const 確認_認証コード再送信: Story = {
  parameters: { msw: { handlers: passwordAndCode } },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("再送信");
    await page.waitForText("認証コードを再送信しました。");
  },
};
export const 確認_入力エラー: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("表示する");
    await page.canvas.findByText(/執行パスワードを入力してください/);
  },
};
export const 確認_執行パスワード誤り: Story = {
  parameters: { msw: { handlers: { stepUpVerification: wrongPassword(8) } } },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("執行パスワード", "Wrong1");
    await page.click("表示する");
    await page.waitForText(/あと8回/);
  },
};
export const 確認_認証コード誤り: Story = {
  parameters: { msw: { handlers: { ...passwordAndCode, stepUpVerification: wrongCode(2) } } },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("執行パスワード", "Ume4k9");
    await page.type("認証コード", "000000");
    await page.click("表示する");
    await page.waitForText(/認証コードが正しくありません/);
  },
};
export const 確認_ロック: Story = {
  parameters: { msw: { handlers: { stepUpVerification: locked() } } },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("執行パスワード", "Wrong1");
    await page.click("表示する");
    await page.waitForText("アカウントロック中");
  },
};
export const 照会: Story = {
  parameters: { msw: { handlers: { profile: getJson("/api/me/profile", demoProfile) } } },
};
export const 接続不可: Story = {
  parameters: { msw: { handlers: { profile: upstreamUnavailable("get", "/api/me/profile") } } },
};

/** Within the 照会 window, on to 変更する: the change needs its own confirmation (R21). */
const readable = {
  profile: getJson("/api/me/profile", demoProfile),
  stepUpChallenge: stepUpChallenge(["execution_password"], "change_profile"),
};

async function toChangeForm(canvasElement: HTMLElement) {
  const page = screen(canvasElement);
  await page.click("変更する");
  await page.waitForHeading("口座情報の変更");
  return page;
}

async function toChangeConfirmation(canvasElement: HTMLElement) {
  const page = await toChangeForm(canvasElement);
  await page.type("郵便番号", "160-0022");
  await page.type("住所", "東京都新宿区新宿3-1-1");
  await page.type("電話番号", "080-9876-5432");
  await page.click("変更確認");
  await page.waitForHeading("変更内容の確認");
  await page.canvas.findByLabelText("執行パスワード");
  return page;
}

export const 読み込み中: Story = { parameters: { msw: { handlers: { profile: loading("get", "/api/me/profile") } } } };
export const 変更入力: Story = {
  parameters: { msw: { handlers: readable } },
  play: async ({ canvasElement }) => {
    await toChangeForm(canvasElement);
  },
};
export const 変更入力エラー: Story = {
  parameters: { msw: { handlers: readable } },
  play: async ({ canvasElement }) => {
    const page = await toChangeForm(canvasElement);
    await page.type("郵便番号", "1600");
    await page.click("変更確認");
    await page.waitForText("郵便番号は7桁の数字（例: 150-0002）で入力してください。");
  },
};
/** The session timed out before 口座情報 was read: the app leaves for ログイン, which says why. */
export const セッション切れ: Story = {
  parameters: { msw: { handlers: sessionExpiresAt("profile", "get", "/api/me/profile") } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForSessionExpiredLogin();
  },
};

const changes = changeStates({
  handlers: readable,
  toConfirmation: toChangeConfirmation,
  submit: "変更する",
  completion: "口座情報の変更が完了しました",
});
export const 変更確認: Story = changes.変更確認;
export const 変更_執行パスワード誤り: Story = changes.変更_執行パスワード誤り;
export const 変更完了: Story = changes.変更完了;
