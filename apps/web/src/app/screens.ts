/**
 * Every screen once: where it is (screen-routes.ts, what the SPA reads), its Japanese title
 * (the Storybook title; the screens show `screens.<key>` of the app catalogue) and the states
 * Storybook must show for it. The router, the menu, `paths` and the Storybook states check
 * (e2e/storybook/states.spec.ts) are read from here, so a new screen is one entry here and one
 * in screen-routes.ts. Pure data (no React), so the e2e checks can import it.
 */
import { type ScreenKey, type ScreenRoute, screenRoutes } from "./screen-routes.ts";

export {
  type LoginReason,
  loginPath,
  type MenuGroup,
  memberPaths,
  paths,
  type ScreenKey,
  type ScreenRoute,
} from "./screen-routes.ts";

/**
 * Families of Storybook states (SPEC R30), expanded by the states check:
 * reading — every signed-in screen that reads on arrival (接続不可, セッション切れ, 読み込み中);
 * confirmed — its operation is confirmed with the 執行パスワード (R6): a wrong one, and the lock;
 * gated — opens with a confirmation before showing 登録情報 (R21), in both of its forms;
 * money — takes an order or money: a lock from before is said on arrival (R8).
 */
export type StateFamily = "none" | "reachable" | "reading" | "confirmed" | "gated" | "money";

export interface Screen extends ScreenRoute {
  /** The Japanese title (as `screens.<key>` in ja.json); Storybook shows it as 画面/{title} (／ as ・). */
  title: string;
  /** What Storybook must show of this screen: a family of states plus its own. */
  states: { family: StateFamily; own: readonly string[] };
}

/** A screen's entry: its route, title and states, so the table reads one line of what differs. */
function screen<const K extends ScreenKey>(key: K, title: string, family: StateFamily, own: readonly string[]) {
  return { ...screenRoutes[key], title, states: { family, own } } as const satisfies Screen;
}

/** In menu order; the router keeps `notFound` (`*`) last. */
export const screens = {
  login: screen("login", "ログイン", "none", [
    "入力前",
    "入力エラー",
    "認証失敗",
    "試行回数超過",
    "セッション切れ",
    "別端末からログアウト",
    "ログアウト後",
    "接続不可",
    "パスキーでログイン失敗",
    "パスキーログイン必須",
    "新しい端末の認証コード",
    "認証コード誤り",
  ]),
  // ログインパスワードをお忘れの方 (decision 015): public; the answer never tells whether the customer matched.
  passwordReset: screen("passwordReset", "ログインパスワードの再設定", "none", [
    "入力前",
    "入力エラー",
    "試行回数超過",
    "認証コード入力",
    "新しいパスワード入力",
    "ポリシー違反",
    "認証コード誤り",
    "完了",
  ]),
  home: screen("home", "会員トップ", "reading", [
    "お知らせなし",
    "導入前",
    "登録期間中",
    "ロック中",
    "取引停止中",
    "前回ログイン",
    "初回ログイン",
  ]),
  // 取引 (R17): every order, 訂正 and 取消 is confirmed with the 執行パスワード.
  tradeStock: screen("tradeStock", "株式注文", "money", ["注文確認", "注文確認スマートフォン", "信用取引口座未開設"]),
  tradeFund: screen("tradeFund", "投資信託", "money", ["注文確認", "注文確認スマートフォン"]),
  tradeOrders: screen("tradeOrders", "注文照会", "reading", [
    "注文なし",
    "ロック中",
    "訂正入力エラー",
    "訂正確認",
    "訂正 執行パスワード誤り",
    "訂正完了",
    "取消確認",
    "取消完了",
  ]),
  tradeBalances: screen("tradeBalances", "残高照会", "reading", ["保有なし", "残高スマートフォン"]),
  // 出金 (R12): each application is confirmed with the 執行パスワード (and 認証コード when set).
  withdrawal: screen("withdrawal", "出金", "money", [
    "確認 執行パスワード",
    "確認 認証コード",
    "確認 認証コード再送信",
    "認証コード誤り",
    "パスキーで確認",
    "パスキー登録が必要",
  ]),
  withdrawalHistory: screen("withdrawalHistory", "出金申込履歴", "reading", ["履歴なし"]),
  // 登録情報 (R20): each asks for the 執行パスワード before showing anything.
  profile: screen("profile", "口座情報照会／変更", "gated", [
    "確認 認証コード再送信",
    "確認 認証コード誤り",
    "確認 入力エラー",
    "照会",
    "変更入力",
    "変更入力エラー",
    "変更確認",
    "変更 執行パスワード誤り",
    "変更完了",
  ]),
  accountOpenings: screen("accountOpenings", "口座開設状況照会", "gated", ["一覧"]),
  // R41: applied for from 口座開設状況照会 (申し込む), decided by the broker.
  marginApplication: screen("marginApplication", "信用取引口座開設", "confirmed", [
    "ロック中",
    "入力",
    "入力エラー",
    "確認",
    "完了",
    "審査中",
    "開設済",
  ]),
  emails: screen("emails", "メールアドレス登録", "gated", [
    "一覧",
    "変更入力",
    "変更入力エラー",
    "変更確認",
    "変更 執行パスワード誤り",
    "変更完了",
  ]),
  mailSettings: screen("mailSettings", "メールサービス配信設定", "gated", [
    "一覧",
    "変更",
    "変更確認",
    "変更 執行パスワード誤り",
    "変更完了",
  ]),
  // R14: applied once the broker has processed the request.
  bankAccount: screen("bankAccount", "出金先口座変更", "money", ["確認", "申請中", "本人名義でない"]),
  // R31 (issue 14): 登録 and 削除 are guarded operations (執行パスワード and 認証コード always).
  passkeys: screen("passkeys", "パスキー設定", "confirmed", [
    "登録なし",
    "一覧",
    "上限",
    "名前の変更",
    "登録入力",
    "登録確認",
    "登録完了",
    "登録失敗",
    "削除確認",
    "削除完了",
  ]),
  executionPassword: screen("executionPassword", "執行パスワード変更", "confirmed", [
    "入力エラー",
    "ポリシー違反",
    "残り回数少",
    "ロック中",
    "完了",
  ]),
  loginPassword: screen("loginPassword", "ログインパスワード変更", "reachable", [
    "入力エラー",
    "現在のパスワード誤り",
    "完了",
  ]),
  loginHistory: screen("loginHistory", "ログイン履歴", "reading", ["履歴なし", "新しい端末"]),
  // R32 (issue 15): ending sessions asks one question, no password (it only protects the customer).
  sessions: screen("sessions", "ログイン中の端末", "reading", [
    "一覧",
    "この端末のみ",
    "ログアウト確認",
    "ログアウト完了",
    "すべてログアウト確認",
    "ログアウト失敗",
  ]),
  // R33: the customer's own emergency stop, one confirmation, no password; lifted by the broker.
  tradingStop: screen("tradingStop", "取引停止", "reading", ["入力", "確認", "完了", "停止中", "停止失敗"]),
  notFound: screen("notFound", "404", "none", ["ページが見つかりません"]),
} as const satisfies Record<ScreenKey, Screen>;

/** Storybook's title of a screen's stories (a `/` would nest them, so ／ reads ・). */
export function storyTitle(screen: Pick<Screen, "title">): string {
  return `画面/${screen.title.replaceAll("／", "・")}`;
}
