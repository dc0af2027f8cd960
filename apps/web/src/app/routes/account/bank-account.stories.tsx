import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../../testing/app-screen.tsx";
import { demoWithdrawalOverview, pendingBankAccountChange } from "../../../testing/fixtures.ts";
import {
  getJson,
  loading,
  locked,
  lockedAccount,
  sessionExpiresAt,
  stepUpChallenge,
  upstreamUnavailable,
  wrongPassword,
} from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";

const meta = {
  title: "画面/出金先口座変更",
  component: AppScreen,
  args: { path: "/account/bank-account" },
  parameters: {
    screen: true,
    msw: { handlers: { stepUpChallenge: stepUpChallenge(["execution_password"], "change_bank_account") } },
  },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

async function toConfirmation(canvasElement: HTMLElement) {
  const page = screen(canvasElement);
  await page.type("金融機関名", "みずなみ銀行");
  await page.type("支店名", "本店営業部");
  await page.choose("普通");
  await page.type("口座番号", "7654321");
  await page.type("口座名義（カナ）", "ヤマダ　タロウ");
  await page.click("変更確認");
  await page.canvas.findByRole("heading", { name: "申請内容の確認" }, { timeout: 5000 });
  await page.canvas.findByLabelText("執行パスワード", {}, { timeout: 5000 });
  return page;
}

export const 入力: Story = {};
export const 申請中: Story = {
  parameters: {
    msw: {
      handlers: {
        withdrawalOverview: getJson("/api/me/withdrawals/overview", {
          ...demoWithdrawalOverview,
          pendingBankAccountChange,
        }),
      },
    },
  },
};
export const 入力エラー: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("変更確認");
    await page.waitForText("金融機関名を入力してください。");
  },
};
export const 確認: Story = {
  play: async ({ canvasElement }) => {
    await toConfirmation(canvasElement);
  },
};
export const 完了: Story = {
  play: async ({ canvasElement }) => {
    const page = await toConfirmation(canvasElement);
    await page.type("執行パスワード", "Ume4k9");
    await page.click("申請する");
    await page.waitForText("出金先口座の変更を受け付けました");
  },
};
export const 接続不可: Story = {
  parameters: {
    msw: { handlers: { withdrawalOverview: upstreamUnavailable("get", "/api/me/withdrawals/overview") } },
  },
};
export const 読み込み中: Story = {
  parameters: { msw: { handlers: { withdrawalOverview: loading("get", "/api/me/withdrawals/overview") } } },
};
export const 執行パスワード誤り: Story = {
  parameters: { msw: { handlers: { stepUpVerification: wrongPassword(8) } } },
  play: async ({ canvasElement }) => {
    const page = await toConfirmation(canvasElement);
    await page.type("執行パスワード", "Wrong1");
    await page.click("申請する");
    await page.waitForText(/あと8回/);
  },
};
/** Locked before the screen opened: said on arrival, and the confirmation will not open. */
export const ロック中: Story = {
  parameters: { msw: { handlers: lockedAccount } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForText("アカウントロック中");
  },
};
/** The session times out while the customer confirms: 申請する leads to ログイン, which says why. */
export const セッション切れ: Story = {
  parameters: {
    msw: { handlers: sessionExpiresAt("stepUpVerification", "post", "/api/step-up/verifications") },
  },
  play: async ({ canvasElement }) => {
    const page = await toConfirmation(canvasElement);
    await page.type("執行パスワード", "Ume4k9");
    await page.click("申請する");
    await page.waitForSessionExpiredLogin();
  },
};
/** The lock comes from this confirmation: the 9th wrong password. */
export const ロック: Story = {
  parameters: { msw: { handlers: { stepUpVerification: locked() } } },
  play: async ({ canvasElement }) => {
    const page = await toConfirmation(canvasElement);
    await page.type("執行パスワード", "Wrong1");
    await page.click("申請する");
    await page.waitForText("アカウントロック中");
  },
};
