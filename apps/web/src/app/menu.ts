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
      { label: "執行パスワード変更", to: paths.executionPassword },
      { label: "ログインパスワード変更", to: paths.loginPassword },
      { label: "ログイン履歴", to: paths.loginHistory },
    ],
  },
];
