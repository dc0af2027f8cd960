import type { StoryObj } from "@storybook/react-vite";
import { HttpResponse, http } from "msw";
import { userEvent, within } from "storybook/test";
import { registrationCancelledMessage } from "../../../features/passkeys/utils/registration-failure.ts";
import { translate } from "../../../lib/i18n/use-t.ts";
import { confirmationStates, readStates, throughInput } from "../../../testing/confirmation-stories.ts";
import { installFakeAuthenticator } from "../../../testing/fake-passkey-authenticator.ts";
import { getJson, stepUpChallenge } from "../../../testing/msw-handlers.ts";
import {
  demoRegistrationOptions,
  noPasskeys,
  passkeysWithSuspended,
  phonePasskey,
  registeredPasskey,
  securityKeyPasskey,
  tenPasskeys,
} from "../../../testing/passkey-fixtures.ts";
import { screen } from "../../../testing/play.ts";
import { type ScreenMeta, screenMeta } from "../../../testing/screen-stories.ts";

const PASSKEYS_PATH = "/api/me/passkeys";
const BOTH = ["execution_password", "auth_code"] as const;

/** パスキー設定 (R31, issue 14): a customer with three passkeys, one of them suspended. */
const meta = {
  title: "画面/パスキー設定",
  ...screenMeta("/account/passkeys", {
    passkeys: getJson(PASSKEYS_PATH, passkeysWithSuspended),
    stepUpChallenge: stepUpChallenge([...BOTH], "register_passkey"),
    passkeyRegistrationOptions: http.post("/api/me/passkey-registration-options", () =>
      HttpResponse.json(demoRegistrationOptions),
    ),
    registerPasskey: http.post(PASSKEYS_PATH, () => HttpResponse.json(registeredPasskey, { status: 201 })),
    renamePasskey: http.patch(`${PASSKEYS_PATH}/:passkeyId`, () =>
      HttpResponse.json({ ...securityKeyPasskey, name: "予備のキー" }),
    ),
    deletePasskey: http.post(`${PASSKEYS_PATH}/:passkeyId/deletion`, () =>
      HttpResponse.json({ passkeys: [phonePasskey] }),
    ),
  }),
} satisfies ScreenMeta;
export default meta;
type Story = StoryObj<typeof meta>;

type Page = ReturnType<typeof screen>;

async function fillCode(page: Page) {
  await page.type("認証コード", "123456");
}

/**
 * 登録する is disabled until the list is read (it counts toward the limit of 10): wait for
 * the count beside it, or the click lands on a disabled button and does nothing.
 */
async function clickRegister(page: Page) {
  await page.waitForText(/あと\d+件/);
  await page.click("登録する");
}

const toRegistration = {
  toConfirmation: throughInput(
    async (page) => {
      await clickRegister(page);
      await page.type("パスキー名", "仕事用PC");
    },
    "確認画面へ",
    "登録内容の確認",
  ),
  submit: "登録する",
  fillOthers: fillCode,
};
const registration = confirmationStates({ ...toRegistration, completion: "パスキーを登録しました" });
/** Confirmed, whatever follows (the 登録失敗 story waits for its own message). */
const attempt = confirmationStates(toRegistration).完了;

/** The row of the passkey named `name`. */
async function rowOf(page: Page, name: string) {
  const header = await page.canvas.findByRole("rowheader", { name: new RegExp(`^${name}`) });
  return within(header.closest("tr") as HTMLElement);
}

const deletion = {
  parameters: { msw: { handlers: { stepUpChallenge: stepUpChallenge([...BOTH], "delete_passkey") } } },
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const page = screen(canvasElement);
    await userEvent.click((await rowOf(page, "Chrome（Windows）")).getByRole("button", { name: "削除" }));
    await page.waitForConfirmation("削除内容の確認");
  },
} satisfies Story;

const read = readStates("passkeys", PASSKEYS_PATH);

export const 一覧: Story = {};
export const 登録なし: Story = { parameters: { msw: { handlers: { passkeys: getJson(PASSKEYS_PATH, noPasskeys) } } } };
export const 上限: Story = { parameters: { msw: { handlers: { passkeys: getJson(PASSKEYS_PATH, tenPasskeys) } } } };
export const 名前の変更: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await userEvent.click((await rowOf(page, "セキュリティキー")).getByRole("button", { name: "名前の変更" }));
    await page.canvas.findByRole("form", { name: "「セキュリティキー」の名前の変更" });
  },
};
export const 登録入力: Story = {
  play: async ({ canvasElement }) => {
    const page = screen(canvasElement);
    await clickRegister(page);
    await page.waitForHeading("パスキーの登録");
  },
};
export const 登録確認: Story = registration.確認;
export const 登録完了: Story = { ...registration.完了, beforeEach: () => installFakeAuthenticator("create") };
/** The customer closed the browser's prompt: nothing was registered, and 登録する tries again. */
export const 登録失敗: Story = {
  beforeEach: () => installFakeAuthenticator("cancel"),
  play: async (context) => {
    await attempt.play(context);
    await screen(context.canvasElement).waitForText(translate(registrationCancelledMessage));
  },
};
export const 削除確認: Story = deletion;
export const 削除完了: Story = {
  parameters: deletion.parameters,
  play: async (context) => {
    await deletion.play(context);
    const page = screen(context.canvasElement);
    await page.type("執行パスワード", "Ume4k9");
    await fillCode(page);
    await page.click("削除する");
    await page.waitForHeading("パスキーを削除しました");
  },
};
export const 読み込み中: Story = read.読み込み中;
export const 接続不可: Story = read.接続不可;
export const セッション切れ: Story = read.セッション切れ;
export const 登録_執行パスワード誤り: Story = registration.執行パスワード誤り;
export const ロック: Story = registration.ロック;
export const ロック中: Story = registration.ロック中;
