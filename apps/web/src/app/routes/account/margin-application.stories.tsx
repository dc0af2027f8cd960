import type { StoryObj } from "@storybook/react-vite";
import { HttpResponse, http } from "msw";
import { userEvent, within } from "storybook/test";
import { confirmationStates, readStates } from "../../../testing/confirmation-stories.ts";
import { demoAccountOpenings, marginAccountApplied } from "../../../testing/fixtures.ts";
import { getJson, stepUpChallenge } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

const APPLY_PATH = "/api/me/margin-account-applications";
const OPENINGS_PATH = "/api/me/account-openings";

/** 信用取引口座開設 (R41), reached from 口座開設状況照会 within the 登録情報 window. */
const meta = {
  title: "画面/信用取引口座開設",
  ...screenMeta("/account/margin-application", {
    stepUpChallenge: stepUpChallenge(["execution_password"], "apply_margin_account"),
    applyMarginAccount: http.post(APPLY_PATH, () => HttpResponse.json(marginAccountApplied)),
  }),
} satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

async function toConfirmation(canvasElement: HTMLElement) {
  const page = screen(canvasElement);
  // Some answers (300万円未満) are in two groups: choose within the group.
  const choose = async (group: string, option: string) =>
    userEvent.click(
      within(await page.canvas.findByRole("group", { name: group })).getByRole("radio", {
        name: option,
      }),
    );
  await choose("株式の投資経験", "1〜3年");
  await choose("年収", "500〜1,000万円");
  await choose("金融資産", "300〜1,000万円");
  await userEvent.click(page.canvas.getByRole("checkbox", { name: /同意します/ }));
  await page.click("申込内容の確認");
  await page.waitForConfirmation("申込内容の確認");
  return page;
}

const marginStatus = (status: "審査中" | "開設済") =>
  getJson(OPENINGS_PATH, {
    accounts: demoAccountOpenings.accounts.map((a) =>
      a.kind === "信用取引口座"
        ? { ...a, status, appliedOn: "2026-11-20", openedOn: status === "開設済" ? "2026-11-24" : null }
        : a,
    ),
  });

const states = confirmationStates({
  toConfirmation,
  submit: "申し込む",
  completion: "信用取引口座開設のお申し込みを受け付けました",
});
const read = readStates("accountOpenings", OPENINGS_PATH);

export const 入力: Story = {};
export const 入力エラー: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("申込内容の確認");
    await page.waitForText("信用取引口座設定約諾書の内容をご確認のうえ、同意してください。");
  },
};
export const 確認: Story = states.確認;
export const 完了: Story = states.完了;
export const 審査中: Story = {
  parameters: { msw: { handlers: { accountOpenings: marginStatus("審査中") } } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForText(/お申し込みは審査中です/);
  },
};
export const 開設済: Story = {
  parameters: { msw: { handlers: { accountOpenings: marginStatus("開設済") } } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForText(/信用取引口座は開設済みです/);
  },
};
export const 読み込み中: Story = read.読み込み中;
export const 接続不可: Story = read.接続不可;

export const 執行パスワード誤り: Story = states.執行パスワード誤り;
export const ロック: Story = states.ロック;
export const ロック中: Story = states.ロック中;
export const セッション切れ: Story = states.セッション切れ;
