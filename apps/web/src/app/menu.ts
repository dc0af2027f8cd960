import { paths } from "./paths.ts";

export interface MenuLink {
  label: string;
  to: string;
}

export interface MenuGroup {
  label: string;
  items: readonly MenuLink[];
}

export type MenuEntry = MenuLink | MenuGroup;

/** The member menu. A new screen is one line here (e.g. 執行パスワード変更 under 口座管理). */
export const appMenu: readonly MenuEntry[] = [
  { label: "会員トップ", to: paths.home },
  {
    label: "口座管理",
    items: [
      // 登録情報 (R20): each asks for the 執行パスワード before showing anything.
      { label: "口座情報照会／変更", to: paths.profile },
      { label: "口座開設状況照会", to: paths.accountOpenings },
      { label: "メールアドレス登録", to: paths.emails },
      { label: "メールサービス配信設定", to: paths.mailSettings },
      { label: "執行パスワード変更", to: paths.executionPassword },
      { label: "ログインパスワード変更", to: paths.loginPassword },
      { label: "ログイン履歴", to: paths.loginHistory },
    ],
  },
];
