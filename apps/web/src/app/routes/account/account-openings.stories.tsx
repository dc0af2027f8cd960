import type { Meta, StoryObj } from "@storybook/react-vite";
import { AppScreen } from "../../../testing/app-screen.tsx";
import { registeredInfoStates } from "../../../testing/confirmation-stories.ts";

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

const gate = registeredInfoStates("accountOpenings", "/api/me/account-openings");
export const 読み込み中: Story = gate.読み込み中;
export const 確認_執行パスワード: Story = gate.確認_執行パスワード;
export const 確認_執行パスワードと認証コード: Story = gate.確認_執行パスワードと認証コード;
export const 確認_執行パスワード誤り: Story = gate.確認_執行パスワード誤り;
export const 確認_ロック: Story = gate.確認_ロック;
export const セッション切れ: Story = gate.セッション切れ;
export const 接続不可: Story = gate.接続不可;
