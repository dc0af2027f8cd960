import { errorMessages } from "@kakunin/contracts/error-body";
import type { StoryObj } from "@storybook/react-vite";
import { HttpResponse, http } from "msw";
import { answering, readStates } from "../../../testing/confirmation-stories.ts";
import { apiError, getJson } from "../../../testing/msw-handlers.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";
import { onlyThisSession, threeSessions } from "../../../testing/session-fixtures.ts";

const SESSIONS_PATH = "/api/me/sessions";
const END_ONE = `${SESSIONS_PATH}/:handle/logout`;

/** ログイン中の端末 (R32): this browser and two others, one of them unrecognised. */
const meta = {
  title: "画面/ログイン中の端末",
  ...screenMeta("/account/sessions", {
    sessions: getJson(SESSIONS_PATH, threeSessions),
    endSession: http.post(END_ONE, () => HttpResponse.json({ ended: 1 })),
    endOthers: http.post(`${SESSIONS_PATH}/logout-others`, () => HttpResponse.json({ ended: 2 })),
  }),
} satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

const phoneButton = "Safari 17（iOS 17.5）をログアウト";

async function askPhone(canvasElement: HTMLElement) {
  const page = screen(canvasElement);
  await page.click(phoneButton);
  await page.canvas.findByRole("dialog", { name: "この端末をログアウトしますか" });
  return page;
}

const read = readStates("sessions", SESSIONS_PATH);

export const 一覧: Story = {};
export const この端末のみ: Story = answering("sessions", SESSIONS_PATH, onlyThisSession);
export const ログアウト確認: Story = {
  play: async ({ canvasElement }) => {
    await askPhone(canvasElement);
  },
};
export const ログアウト完了: Story = {
  play: async ({ canvasElement }) => {
    const page = await askPhone(canvasElement);
    await page.click("ログアウトする");
    await page.waitForText("Safari 17（iOS 17.5）をログアウトしました。");
  },
};
export const すべてログアウト確認: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await page.click("他の端末をすべてログアウト");
    await page.canvas.findByRole("dialog", { name: "他の端末をすべてログアウトしますか" });
  },
};
/** The session had ended meanwhile (another browser ended it first): said so, the list read again. */
export const ログアウト失敗: Story = {
  parameters: { msw: { handlers: { endSession: apiError("post", END_ONE, 404, "session_not_found") } } },
  play: async ({ canvasElement }) => {
    const page = await askPhone(canvasElement);
    await page.click("ログアウトする");
    await page.waitForText(errorMessages.session_not_found);
  },
};
export const 読み込み中: Story = read.読み込み中;
export const 接続不可: Story = read.接続不可;
/** The session timed out before this screen was read: the app leaves for ログイン, which says why. */
export const セッション切れ: Story = read.セッション切れ;
