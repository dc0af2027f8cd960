import { errorMessages } from "@kakunin/contracts/error-body";
import type { StoryObj } from "@storybook/react-vite";
import { HttpResponse, http } from "msw";
import { anonymous, apiError } from "../../testing/msw-handlers.ts";
import { screen } from "../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../testing/screen-stories.ts";

const startPath = "/api/password-resets";
const completionPath = "/api/password-resets/completion";

/** The BFF's answers when everything goes through (the start answers alike for anyone). */
const resetHandlers = {
  ...anonymous,
  passwordResetStart: http.post(startPath, () => HttpResponse.json({ accepted: true, codeValidMinutes: 10 })),
  passwordResetCompletion: http.post(completionPath, () =>
    HttpResponse.json({ changedAt: "2026-11-25T07:04:05.000Z" }),
  ),
};

const meta = {
  title: "画面/ログインパスワードの再設定",
  ...screenMeta("/password-reset", resetHandlers),
} satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

async function startReset(canvasElement: HTMLElement) {
  const page = screen(canvasElement);
  await page.type("お客様コード", "1000001");
  await page.type("生年月日", "1980-01-15");
  await page.click("認証コードを送信");
  await page.waitForText(/認証コードをお送りしました/);
  return page;
}

async function enterCode(canvasElement: HTMLElement) {
  const page = await startReset(canvasElement);
  await page.type("認証コード", "123456");
  await page.click("次へ");
  await page.canvas.findByLabelText("新しいログインパスワード");
  return page;
}

async function enterPassword(canvasElement: HTMLElement, password = "Tsuru5kame7") {
  const page = await enterCode(canvasElement);
  await page.type("新しいログインパスワード", password);
  await page.type("新しいログインパスワード（確認）", password);
  await page.click("再設定する");
  return page;
}

export const 入力前: Story = {};
export const 入力エラー: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("お客様コード", "12ab");
    await page.type("生年月日", "1980/13/40");
    await page.click("認証コードを送信");
    await page.waitForText("お客様コードは7桁の半角数字で入力してください。");
    await page.waitForText(/生年月日を正しく入力してください/);
  },
};
export const 試行回数超過: Story = {
  parameters: { msw: { handlers: { passwordResetStart: apiError("post", startPath, 429, "rate_limited") } } },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("お客様コード", "1000001");
    await page.type("生年月日", "1980-01-15");
    await page.click("認証コードを送信");
    await page.waitForText(errorMessages.rate_limited);
  },
};
export const 認証コード入力: Story = {
  play: async ({ canvasElement }) => {
    await startReset(canvasElement);
  },
};
export const 新しいパスワード入力: Story = {
  play: async ({ canvasElement }) => {
    await enterCode(canvasElement);
  },
};
export const ポリシー違反: Story = {
  parameters: {
    msw: {
      handlers: {
        passwordResetCompletion: apiError("post", completionPath, 400, "validation_failed", {
          fields: [
            {
              path: "newPassword",
              message: "生年月日を含むパスワードは登録できません。",
              reason: "contains_birth_date",
            },
          ],
        }),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = await enterPassword(canvasElement, "Ab19800115");
    await page.waitForText("生年月日を含むパスワードは登録できません。");
  },
};
export const 認証コード誤り: Story = {
  parameters: {
    msw: {
      handlers: { passwordResetCompletion: apiError("post", completionPath, 422, "password_reset_code_invalid") },
    },
  },
  play: async ({ canvasElement }) => {
    const page = await enterPassword(canvasElement);
    await page.waitForText(errorMessages.password_reset_code_invalid);
  },
};
export const 完了: Story = {
  play: async ({ canvasElement }) => {
    const page = await enterPassword(canvasElement);
    await page.waitForHeading("ログインパスワードの再設定が完了しました");
  },
};
