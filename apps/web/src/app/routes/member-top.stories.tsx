import type { StoryObj } from "@storybook/react-vite";
import { phone } from "../../testing/app-screen.tsx";
import { demoPreviousLogin, expiredSession } from "../../testing/fixtures.ts";
import { credentials, getJson, loading, upstreamUnavailable } from "../../testing/msw-handlers.ts";
import { screen } from "../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../testing/screen-stories.ts";
import { tradingStopped } from "../../testing/trading-stop-fixtures.ts";

const meta = { title: "画面/会員トップ", ...screenMeta("/") } satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

/** 初期執行パスワードのお知らせと変更を促すバナー (demo data). */
export const お知らせあり: Story = {};
export const お知らせありスマートフォン: Story = { globals: phone };
export const お知らせなし: Story = {
  parameters: {
    msw: {
      handlers: {
        notices: getJson("/api/me/notices", { notices: [] }),
        credentials: credentials({ executionPassword: { isInitial: false, changedAt: "2026-11-20T00:00:00.000Z" } }),
      },
    },
  },
};
export const 読み込み中: Story = {
  parameters: {
    msw: {
      handlers: {
        notices: loading("get", "/api/me/notices"),
        credentials: loading("get", "/api/me/credentials"),
        previousLogin: loading("get", "/api/me/previous-login"),
      },
    },
  },
};
export const 登録期間中: Story = {
  parameters: {
    msw: {
      handlers: { credentials: credentials({ schedule: { now: "2022-09-01T00:00:00.000Z", phase: "registration" } }) },
    },
  },
};
export const 導入前: Story = {
  parameters: {
    msw: {
      handlers: {
        credentials: credentials({ schedule: { now: "2022-08-01T00:00:00.000Z", phase: "before_registration" } }),
      },
    },
  },
};
/** 取引停止 (R33): the alert with the number that lifts it, above everything else. */
export const 取引停止中: Story = {
  parameters: { msw: { handlers: { tradingStop: getJson("/api/me/trading-stop", tradingStopped) } } },
};
export const ロック中: Story = {
  parameters: {
    msw: { handlers: { credentials: credentials({ executionPassword: { locked: true, remainingAttempts: 0 } }) } },
  },
};
export const 接続不可: Story = {
  parameters: {
    msw: {
      handlers: {
        notices: upstreamUnavailable("get", "/api/me/notices"),
        credentials: upstreamUnavailable("get", "/api/me/credentials"),
        previousLogin: upstreamUnavailable("get", "/api/me/previous-login"),
      },
    },
  },
};
/** The BFF finds the session timed out: the app leaves for ログイン with the message. */
/** Opened after the session timed out: straight to ログイン, which says why. */
export const セッション切れ: Story = {
  parameters: { msw: { handlers: { session: getJson("/api/session", expiredSession) } } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForSessionExpiredLogin();
  },
};

/** R42: the login before this session's — when (JST), browser and OS, IP. */
export const 前回ログイン: Story = {
  parameters: { msw: { handlers: { previousLogin: getJson("/api/me/previous-login", demoPreviousLogin) } } },
  play: async ({ canvasElement }) => {
    // 2026-11-24T01:02:03Z in Japan time, in the line's <time>.
    await screen(canvasElement).waitForText("2026/11/24 10:02:03");
  },
};
/** R42 on the customer's very first login: nothing before it. */
export const 初回ログイン: Story = {
  parameters: { msw: { handlers: { previousLogin: getJson("/api/me/previous-login", { previousLogin: null }) } } },
  play: async ({ canvasElement }) => {
    await screen(canvasElement).waitForText("前回ログイン: なし（今回が初めてのログインです）");
  },
};
