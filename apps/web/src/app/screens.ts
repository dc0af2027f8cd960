/**
 * Every screen once: its path, title (the h1, the menu label, the Storybook title), where
 * the menu lists it, its lazy module and the states Storybook must show for it. The router,
 * the menu, `paths` and the Storybook states check (e2e/storybook/states.spec.ts) are read
 * from here, so a new screen is one entry. Pure data (no React), so the e2e checks can
 * import it.
 */

/** The menu's headings; a screen in none of them is a link of its own. */
export type MenuGroupLabel = "取引" | "口座管理";

/**
 * Families of Storybook states (SPEC R30), expanded by the states check:
 * reading — every signed-in screen that reads on arrival (接続不可, セッション切れ, 読み込み中);
 * confirmed — its operation is confirmed with the 執行パスワード (R6): a wrong one, and the lock;
 * gated — opens with a confirmation before showing 登録情報 (R21), in both of its forms;
 * money — takes an order or money: a lock from before is said on arrival (R8).
 */
export type StateFamily = "none" | "reachable" | "reading" | "confirmed" | "gated" | "money";

export interface Screen {
  path: string;
  /** The page's h1 and its menu label; Storybook shows it as 画面/{title} (／ as ・). */
  title: string;
  /** `public`: outside the member layout (no session needed). */
  layout: "public" | "member";
  /** A link of its own (`true`), in a group, under another screen's link, or not in the menu. */
  menu: true | { group: MenuGroupLabel } | { under: ScreenKey } | false;
  /** The route module under `routes/`, without `.tsx`; it exports `route(queryClient)`. */
  module: string;
  /** What Storybook must show of this screen: a family of states plus its own. */
  states: { family: StateFamily; own: readonly string[] };
}

export type ScreenKey =
  | "login"
  | "passwordReset"
  | "home"
  | "tradeStock"
  | "tradeFund"
  | "tradeOrders"
  | "tradeBalances"
  | "withdrawal"
  | "withdrawalHistory"
  | "profile"
  | "accountOpenings"
  | "marginApplication"
  | "emails"
  | "mailSettings"
  | "bankAccount"
  | "passkeys"
  | "executionPassword"
  | "loginPassword"
  | "loginHistory"
  | "sessions"
  | "tradingStop"
  | "notFound";

const trade = { group: "取引" } as const;
const account = { group: "口座管理" } as const;

/**
 * A signed-in screen (most of them), so the table reads one line of what differs; `path`
 * keeps its literal type for `paths`.
 */
function member<const P extends string>(
  path: P,
  title: string,
  menu: Screen["menu"],
  module: string,
  family: StateFamily,
  own: readonly string[],
) {
  return { path, title, layout: "member", menu, module, states: { family, own } } as const satisfies Screen;
}

/** In menu order; the router keeps `notFound` (`*`) last. */
export const screens = {
  login: {
    path: "/login",
    title: "ログイン",
    layout: "public",
    menu: false,
    module: "login",
    states: {
      family: "none",
      own: [
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
      ],
    },
  },
  // ログインパスワードをお忘れの方 (decision 015): public; the answer never tells whether the customer matched.
  passwordReset: {
    path: "/password-reset",
    title: "ログインパスワードの再設定",
    layout: "public",
    menu: false,
    module: "password-reset",
    states: {
      family: "none",
      own: [
        "入力前",
        "入力エラー",
        "試行回数超過",
        "認証コード入力",
        "新しいパスワード入力",
        "ポリシー違反",
        "認証コード誤り",
        "完了",
      ],
    },
  },
  home: member("/", "会員トップ", true, "member-top", "reading", [
    "お知らせなし",
    "導入前",
    "登録期間中",
    "ロック中",
    "取引停止中",
    "前回ログイン",
    "初回ログイン",
  ]),
  // 取引 (R17): every order, 訂正 and 取消 is confirmed with the 執行パスワード.
  tradeStock: member("/trade/stock", "株式注文", trade, "trade/stock-order", "money", [
    "注文確認",
    "注文確認スマートフォン",
    "信用取引口座未開設",
  ]),
  tradeFund: member("/trade/fund", "投資信託", trade, "trade/fund-order", "money", [
    "注文確認",
    "注文確認スマートフォン",
  ]),
  tradeOrders: member("/trade/orders", "注文照会", trade, "trade/orders", "reading", [
    "注文なし",
    "ロック中",
    "訂正入力エラー",
    "訂正確認",
    "訂正 執行パスワード誤り",
    "訂正完了",
    "取消確認",
    "取消完了",
  ]),
  tradeBalances: member("/trade/balances", "残高照会", trade, "trade/balances", "reading", [
    "保有なし",
    "残高スマートフォン",
  ]),
  // 出金 (R12): each application is confirmed with the 執行パスワード (and 認証コード when set).
  withdrawal: member("/withdrawal", "出金", true, "withdrawal/withdrawal", "money", [
    "確認 執行パスワード",
    "確認 認証コード",
    "確認 認証コード再送信",
    "認証コード誤り",
    "パスキーで確認",
    "パスキー登録が必要",
  ]),
  withdrawalHistory: member(
    "/withdrawal/history",
    "出金申込履歴",
    { under: "withdrawal" },
    "withdrawal/history",
    "reading",
    ["履歴なし"],
  ),
  // 登録情報 (R20): each asks for the 執行パスワード before showing anything.
  profile: member("/account/profile", "口座情報照会／変更", account, "account/profile", "gated", [
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
  accountOpenings: member("/account/openings", "口座開設状況照会", account, "account/account-openings", "gated", [
    "一覧",
  ]),
  // R41: applied for from 口座開設状況照会 (申し込む), decided by the broker.
  marginApplication: member(
    "/account/margin-application",
    "信用取引口座開設",
    false,
    "account/margin-application",
    "confirmed",
    ["ロック中", "入力", "入力エラー", "確認", "完了", "審査中", "開設済"],
  ),
  emails: member("/account/emails", "メールアドレス登録", account, "account/emails", "gated", [
    "一覧",
    "変更入力",
    "変更入力エラー",
    "変更確認",
    "変更 執行パスワード誤り",
    "変更完了",
  ]),
  mailSettings: member("/account/mail-settings", "メールサービス配信設定", account, "account/mail-settings", "gated", [
    "一覧",
    "変更",
    "変更確認",
    "変更 執行パスワード誤り",
    "変更完了",
  ]),
  // R14: applied once the broker has processed the request.
  bankAccount: member("/account/bank-account", "出金先口座変更", account, "account/bank-account", "money", [
    "確認",
    "申請中",
    "本人名義でない",
  ]),
  // R31 (issue 14): 登録 and 削除 are guarded operations (執行パスワード and 認証コード always).
  passkeys: member("/account/passkeys", "パスキー設定", account, "account/passkeys", "confirmed", [
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
  executionPassword: member(
    "/account/execution-password",
    "執行パスワード変更",
    account,
    "account/execution-password",
    "confirmed",
    ["入力エラー", "ポリシー違反", "残り回数少", "ロック中", "完了"],
  ),
  loginPassword: member(
    "/account/login-password",
    "ログインパスワード変更",
    account,
    "account/login-password",
    "reachable",
    ["入力エラー", "現在のパスワード誤り", "完了"],
  ),
  loginHistory: member("/account/login-history", "ログイン履歴", account, "account/login-history", "reading", [
    "履歴なし",
    "新しい端末",
  ]),
  // R32 (issue 15): ending sessions asks one question, no password (it only protects the customer).
  sessions: member("/account/sessions", "ログイン中の端末", account, "account/sessions", "reading", [
    "一覧",
    "この端末のみ",
    "ログアウト確認",
    "ログアウト完了",
    "すべてログアウト確認",
    "ログアウト失敗",
  ]),
  // R33: the customer's own emergency stop, one confirmation, no password; lifted by the broker.
  tradingStop: member("/account/trading-stop", "取引停止", account, "account/trading-stop", "reading", [
    "入力",
    "確認",
    "完了",
    "停止中",
    "停止失敗",
  ]),
  notFound: {
    path: "*",
    title: "404",
    layout: "public",
    menu: false,
    module: "not-found",
    states: { family: "none", own: ["ページが見つかりません"] },
  },
} as const satisfies Record<ScreenKey, Screen>;

/** Storybook's title of a screen's stories (a `/` would nest them, so ／ reads ・). */
export function storyTitle(screen: Pick<Screen, "title">): string {
  return `画面/${screen.title.replaceAll("／", "・")}`;
}

/** `paths.tradeStock` → "/trade/stock", for links. */
export const paths = Object.fromEntries(Object.entries(screens).map(([key, screen]) => [key, screen.path])) as {
  readonly [K in ScreenKey]: (typeof screens)[K]["path"];
};

/** Why the login screen is shown; each maps to a message there. */
export type LoginReason = "session_expired" | "session_revoked" | "unauthenticated" | "logged_out";

/**
 * `returnTo`: the screen the session ended on, to go back to after logging in again (issue 15);
 * the login screen checks it against `memberPaths` before following it.
 */
export function loginPath(reason?: LoginReason, returnTo?: string): string {
  const query = new URLSearchParams();
  if (reason) query.set("reason", reason);
  if (returnTo && returnTo !== paths.home) query.set("returnTo", returnTo);
  const search = query.toString();
  return search ? `${paths.login}?${search}` : paths.login;
}

/** The signed-in screens' paths: the only places `returnTo` may lead. */
export const memberPaths: readonly string[] = Object.values(screens)
  .filter((screen: Screen) => screen.layout === "member")
  .map((screen) => screen.path);
