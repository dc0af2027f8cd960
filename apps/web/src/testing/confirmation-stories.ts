import type { StoryObj } from "@storybook/react-vite";
import type { JsonBodyType } from "msw";
import type { AppScreen } from "./app-screen.tsx";
import {
  getJson,
  type HandlerMap,
  loading,
  locked,
  lockedAccount,
  pagedJson,
  sessionExpiresAt,
  stepUpChallenge,
  stepUpRequired,
  upstreamUnavailable,
  wrongPassword,
} from "./msw-handlers.ts";
import { screen } from "./play.ts";

type Story = StoryObj<typeof AppScreen>;
type Page = ReturnType<typeof screen>;

export interface ConfirmationScreen {
  /** From the screen's input to its confirmation, ready for the 執行パスワード. */
  toConfirmation: (canvasElement: HTMLElement) => Promise<Page>;
  /** The confirmation's button: 注文する, 出金する, 申請する … */
  submit: string;
  /** Fills the confirmation's other fields (the 認証コード) before it is submitted. */
  fillOthers?: (page: Page) => Promise<void>;
  /** What the completion shows once confirmed with the right password (for the 完了 story). */
  completion?: string | RegExp;
}

/**
 * A screen's way to its confirmation, for `toConfirmation`: fills the input, presses `next`
 * (注文確認, 変更確認 …) and waits for the confirmation titled `title`.
 */
export function throughInput(fill: (page: Page) => Promise<void>, next: string, title: string) {
  return async (canvasElement: HTMLElement) => {
    const page = screen(canvasElement);
    await fill(page);
    await page.click(next);
    await page.waitForConfirmation(title);
    return page;
  };
}

/** Reaches the confirmation, enters `password` (and the other fields) and submits. */
function confirmer({ toConfirmation, submit, fillOthers }: ConfirmationScreen) {
  return async (canvasElement: HTMLElement, password: string) => {
    const page = await toConfirmation(canvasElement);
    await page.type("執行パスワード", password);
    await fillOthers?.(page);
    await page.click(submit);
    return page;
  };
}

/**
 * The states every screen confirmed with the 執行パスワード shares (R6, R8), built from how
 * the screen reaches its confirmation: a wrong password with the tries left, the lock coming
 * from this confirmation, a lock from before the screen opened, and the session timing out
 * while the customer confirms. A screen exports them under their names:
 * `export const ロック: Story = states.ロック;`.
 */
export function confirmationStates(confirmation: ConfirmationScreen) {
  const confirmWith = confirmer(confirmation);
  const { toConfirmation, completion } = confirmation;
  return {
    /** The confirmation, ready for the 執行パスワード. */
    確認: {
      play: async ({ canvasElement }) => {
        await toConfirmation(canvasElement);
      },
    },
    /** Confirmed with the right password: the completion. */
    完了: {
      play: async ({ canvasElement }) => {
        const page = await confirmWith(canvasElement, "Ume4k9");
        if (completion) await page.waitForText(completion);
      },
    },
    執行パスワード誤り: {
      parameters: { msw: { handlers: { stepUpVerification: wrongPassword(8) } } },
      play: async ({ canvasElement }) => {
        await (await confirmWith(canvasElement, "Wrong1")).waitForText(/あと8回/);
      },
    },
    /** The lock comes from this confirmation: the 9th wrong password. */
    ロック: {
      parameters: { msw: { handlers: { stepUpVerification: locked() } } },
      play: async ({ canvasElement }) => {
        await (await confirmWith(canvasElement, "Wrong1")).waitForText("アカウントロック中");
      },
    },
    /** Locked before the screen opened: said on arrival, and the confirmation will not open. */
    ロック中: {
      parameters: { msw: { handlers: lockedAccount } },
      play: async ({ canvasElement }) => {
        await screen(canvasElement).waitForText("アカウントロック中");
      },
    },
    /** The session times out while the customer confirms: the button leads to ログイン, which says why. */
    セッション切れ: {
      parameters: {
        msw: { handlers: sessionExpiresAt("stepUpVerification", "post", "/api/step-up/verifications") },
      },
      play: async ({ canvasElement }) => {
        await (await confirmWith(canvasElement, "Ume4k9")).waitForSessionExpiredLogin();
      },
    },
  } satisfies Record<string, Story>;
}

/** 株式注文 and 投資信託: fill the order, 注文確認, then 注文する (as `orderInstruction` says). */
export function orderStates(fill: (page: Page) => Promise<void>, completion: string) {
  return confirmationStates({
    toConfirmation: throughInput(fill, "注文確認", "注文内容の確認"),
    submit: "注文する",
    completion,
  });
}

export interface ChangeFlow extends ConfirmationScreen {
  /** What the screen needs answered on the way (e.g. the challenge for its operation). */
  handlers: HandlerMap;
  /** The completion's heading. */
  completion: string;
  /** A further text the completion must show. */
  completionText?: string;
}

/**
 * A registered-information change's confirmation, its wrong password and its completion
 * (R22, R24), for screens whose change is confirmed on its own after the 照会.
 */
export function changeStates(flow: ChangeFlow) {
  const { handlers, toConfirmation, completion, completionText } = flow;
  const confirmWith = confirmer(flow);
  return {
    変更確認: {
      parameters: { msw: { handlers } },
      play: async ({ canvasElement }) => {
        await toConfirmation(canvasElement);
      },
    },
    変更_執行パスワード誤り: {
      parameters: { msw: { handlers: { ...handlers, stepUpVerification: wrongPassword(8) } } },
      play: async ({ canvasElement }) => {
        await (await confirmWith(canvasElement, "Wrong1")).waitForText(/あと8回/);
      },
    },
    変更完了: {
      parameters: { msw: { handlers } },
      play: async ({ canvasElement }) => {
        const page = await confirmWith(canvasElement, "Ume4k9");
        await page.waitForHeading(completion);
        if (completionText) await page.waitForText(completionText);
      },
    },
  } satisfies Record<string, Story>;
}

/** The screen's read (`key`: `GET path`) answers `body`, e.g. an empty list. */
export function answering(key: string, path: string, body: JsonBodyType): Story {
  return { parameters: { msw: { handlers: { [key]: getJson(path, body) } } } };
}

/**
 * A list with more pages (issue 16): the screen shows the first with 「さらに表示」, which
 * the story presses once, so the second page's rows sit under the first and the button stays
 * while a third remains.
 */
export function withMorePages(
  key: string,
  path: string,
  pages: readonly Record<string, JsonBodyType>[],
  /** A text only the second page shows: the play waits for it. */
  secondPageText: string,
): Story {
  return {
    parameters: { msw: { handlers: { [key]: pagedJson(path, pages) } } },
    play: async ({ canvasElement }) => {
      const page = screen(canvasElement);
      await page.click("さらに表示");
      await page.waitForText(secondPageText);
      await page.canvas.findByRole("button", { name: "さらに表示" });
    },
  };
}

/**
 * A screen that reads `GET path` (MSW handler `key`) on arrival: while it loads, when the
 * BFF or core is down, and when the session has timed out before it (the app leaves for
 * ログイン, which says why).
 */
export function readStates(key: string, path: string) {
  return {
    読み込み中: { parameters: { msw: { handlers: { [key]: loading("get", path) } } } },
    接続不可: { parameters: { msw: { handlers: { [key]: upstreamUnavailable("get", path) } } } },
    セッション切れ: {
      parameters: { msw: { handlers: sessionExpiresAt(key, "get", path) } },
      play: async ({ canvasElement }) => {
        await screen(canvasElement).waitForSessionExpiredLogin();
      },
    },
  } satisfies Record<string, Story>;
}

/**
 * A 登録情報 screen whose read (`key`: `GET path`) is guarded by the 照会 confirmation (R20,
 * R21): its loading, both forms of the confirmation, a wrong password, the lock, the session
 * timing out and the outage. Without an override the read answers as within the window.
 */
export function registeredInfoStates(key: string, path: string) {
  const guarded = { [key]: stepUpRequired("get", path) };
  const view = async (canvasElement: HTMLElement, password: string) => {
    const page = screen(canvasElement);
    await page.type("執行パスワード", password);
    await page.click("表示する");
    return page;
  };
  const read = readStates(key, path);
  return {
    読み込み中: read.読み込み中,
    確認_執行パスワード: { parameters: { msw: { handlers: guarded } } },
    確認_執行パスワードと認証コード: {
      parameters: {
        msw: {
          handlers: {
            [key]: stepUpRequired("get", path, ["execution_password", "auth_code"]),
            stepUpChallenge: stepUpChallenge(["execution_password", "auth_code"]),
          },
        },
      },
    },
    確認_執行パスワード誤り: {
      parameters: { msw: { handlers: { ...guarded, stepUpVerification: wrongPassword(8) } } },
      play: async ({ canvasElement }) => {
        await (await view(canvasElement, "Wrong1")).waitForText(/あと8回/);
      },
    },
    確認_ロック: {
      parameters: { msw: { handlers: { ...guarded, stepUpVerification: locked() } } },
      play: async ({ canvasElement }) => {
        await (await view(canvasElement, "Wrong1")).waitForText("アカウントロック中");
      },
    },
    /** The BFF finds the session timed out: the app leaves for ログイン, which says why. */
    セッション切れ: read.セッション切れ,
    接続不可: read.接続不可,
  } satisfies Record<string, Story>;
}
