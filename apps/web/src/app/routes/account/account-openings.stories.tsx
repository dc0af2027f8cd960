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

/** 口座開設状況照会, within the step-up window of 登録情報 (the read answers its data). */
const meta = {
  title: "画面/口座開設状況照会",
  component: AppScreen,
  args: { path: "/account/openings" },
  parameters: { screen: true },
} satisfies Meta<typeof AppScreen>;
export default meta;
type Story = StoryObj<typeof meta>;

export const 一覧: Story = {};

const passwordAndCode = {
  accountOpenings: stepUpRequired("get", "/api/me/account-openings", ["execution_password", "auth_code"]),
  stepUpChallenge: stepUpChallenge(["execution_password", "auth_code"]),
};

export const 読み込み中: Story = {
  parameters: { msw: { handlers: { accountOpenings: loading("get", "/api/me/account-openings") } } },
};
export const 確認_執行パスワード: Story = {
  parameters: { msw: { handlers: { accountOpenings: stepUpRequired("get", "/api/me/account-openings") } } },
};
export const 確認_執行パスワードと認証コード: Story = { parameters: { msw: { handlers: passwordAndCode } } };
export const 確認_執行パスワード誤り: Story = {
  parameters: {
    msw: {
      handlers: {
        accountOpenings: stepUpRequired("get", "/api/me/account-openings"),
        stepUpVerification: wrongPassword(8),
      },
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
    msw: {
      handlers: { accountOpenings: stepUpRequired("get", "/api/me/account-openings"), stepUpVerification: locked() },
    },
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
  parameters: { msw: { handlers: sessionExpiresAt("accountOpenings", "get", "/api/me/account-openings") } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForSessionExpiredLogin();
  },
};
export const 接続不可: Story = {
  parameters: { msw: { handlers: { accountOpenings: upstreamUnavailable("get", "/api/me/account-openings") } } },
};
