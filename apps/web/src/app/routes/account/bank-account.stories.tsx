import type { StoryObj } from "@storybook/react-vite";
import { confirmationStates, readStates, throughInput } from "../../../testing/confirmation-stories.ts";
import { demoWithdrawalOverview, pendingBankAccountChange } from "../../../testing/fixtures.ts";
import { apiError, getJson, stepUpChallenge } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

const meta = {
  title: "画面/出金先口座変更",
  ...screenMeta("/account/bank-account", {
    stepUpChallenge: stepUpChallenge(["execution_password"], "change_bank_account"),
  }),
} satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

const toConfirmation = throughInput(
  async (page) => {
    await page.type("金融機関名", "みずなみ銀行");
    await page.type("支店名", "本店営業部");
    await page.choose("普通");
    await page.type("口座番号", "7654321");
    await page.type("口座名義（カナ）", "ヤマダ　タロウ");
  },
  "変更確認",
  "申請内容の確認",
);

const states = confirmationStates({
  toConfirmation,
  submit: "申請する",
  completion: "出金先口座の変更を受け付けました",
});
const read = readStates("withdrawalOverview", "/api/me/withdrawals/overview");

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
export const 確認: Story = states.確認;
export const 完了: Story = states.完了;
export const 接続不可: Story = read.接続不可;
export const 読み込み中: Story = read.読み込み中;

export const 執行パスワード誤り: Story = states.執行パスワード誤り;
export const ロック: Story = states.ロック;
export const ロック中: Story = states.ロック中;
export const セッション切れ: Story = states.セッション切れ;

/** R39: core refuses a 口座名義 that is not the customer's own, on the field, before the confirmation. */
export const 本人名義でない: Story = {
  parameters: {
    msw: {
      handlers: {
        bankAccountChangeCheck: apiError("post", "/api/me/bank-account-change-checks", 400, "validation_failed", {
          fields: [
            {
              path: "holderKana",
              message:
                "出金先口座はご本人名義の口座のみ登録できます。口座名義（カナ）がご登録のお名前（ヤマダ タロウ）と一致しません。",
            },
          ],
        }),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("金融機関名", "みずなみ銀行");
    await page.type("支店名", "本店営業部");
    await page.type("口座番号", "7654321");
    await page.type("口座名義（カナ）", "スズキ イチロウ");
    await page.click("変更確認");
    await page.waitForText(/出金先口座はご本人名義の口座のみ登録できます/);
  },
};

/** R36: 申請内容の確認 of a new 出金先口座 in English (the toolbar's 言語 / Language set to English). */
export const 確認_英語: Story = {
  globals: { locale: "en" },
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.type("Bank name", "みずなみ銀行");
    await page.type("Branch name", "本店営業部");
    await page.choose("Ordinary");
    await page.type("Account number", "7654321");
    await page.type("Account holder name (katakana)", "ヤマダ　タロウ");
    await page.click("Confirm change");
    await page.waitForHeading("Review your request");
    await page.canvas.findByLabelText("Execution password");
    await page.canvas.findByRole("button", { name: "Submit request" });
  },
};
