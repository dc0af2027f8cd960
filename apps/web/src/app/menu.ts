import { paths } from "./paths.ts";

export interface MenuLink {
  label: string;
  to: string;
  /** Screens that belong to this one, listed under its link (出金 → 出金申込履歴). */
  items?: readonly MenuLink[];
}

export interface MenuGroup {
  label: string;
  items: readonly MenuLink[];
}

export type MenuEntry = MenuLink | MenuGroup;

/** The member menu. A new screen is one line here (e.g. 執行パスワード変更 under 口座管理). */
export const appMenu: readonly MenuEntry[] = [
  { label: "会員トップ", to: paths.home },
  // 取引 (R17): every order, 訂正 and 取消 is confirmed with the 執行パスワード.
  {
    label: "取引",
    items: [
      { label: "株式注文", to: paths.tradeStock },
      { label: "投資信託", to: paths.tradeFund },
      { label: "注文照会", to: paths.tradeOrders },
      { label: "残高照会", to: paths.tradeBalances },
    ],
  },
  // 出金 (R12): each application is confirmed with the 執行パスワード (and 認証コード when set).
  { label: "出金", to: paths.withdrawal, items: [{ label: "出金申込履歴", to: paths.withdrawalHistory }] },
  {
    label: "口座管理",
    items: [
      // 登録情報 (R20): each asks for the 執行パスワード before showing anything.
      { label: "口座情報照会／変更", to: paths.profile },
      { label: "口座開設状況照会", to: paths.accountOpenings },
      { label: "メールアドレス登録", to: paths.emails },
      { label: "メールサービス配信設定", to: paths.mailSettings },
      // R14: applied once the broker has processed the request.
      { label: "出金先口座変更", to: paths.bankAccount },
      { label: "執行パスワード変更", to: paths.executionPassword },
      { label: "ログインパスワード変更", to: paths.loginPassword },
      { label: "ログイン履歴", to: paths.loginHistory },
    ],
  },
];
