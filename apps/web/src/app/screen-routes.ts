/**
 * Where each screen is: its path, whether it needs a session, where the menu lists it and its
 * lazy module. This is the part of the screens table (screens.ts) the SPA itself reads; each
 * screen's title is `screens.<key>` in the app catalogue, and the Storybook titles and states
 * stay in screens.ts, so a first visit does not download them (the /login budget, issue 16).
 * Pure data (no React), so the e2e checks and the bench can import it.
 */

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

/** The menu's headings (取引, 口座管理), as message ids of the app catalogue. */
export type MenuGroup = "app.menu.trading" | "app.menu.accountManagement";

export interface ScreenRoute {
  path: string;
  /** `public`: outside the member layout (no session needed). */
  layout: "public" | "member";
  /** A link of its own (`true`), in a group, under another screen's link, or not in the menu. */
  menu: true | { group: MenuGroup } | { under: ScreenKey } | false;
  /** The route module under `routes/`, without `.tsx`; it exports `route(queryClient)`. */
  module: string;
}

const trade = { group: "app.menu.trading" } as const;
const account = { group: "app.menu.accountManagement" } as const;

/** A signed-in screen (most of them); `path` keeps its literal type for `paths`. */
function member<const P extends string>(path: P, menu: ScreenRoute["menu"], module: string) {
  return { path, layout: "member", menu, module } as const satisfies ScreenRoute;
}

/** In menu order; the router keeps `notFound` (`*`) last. */
export const screenRoutes = {
  login: { path: "/login", layout: "public", menu: false, module: "login" },
  passwordReset: { path: "/password-reset", layout: "public", menu: false, module: "password-reset" },
  home: member("/", true, "member-top"),
  tradeStock: member("/trade/stock", trade, "trade/stock-order"),
  tradeFund: member("/trade/fund", trade, "trade/fund-order"),
  tradeOrders: member("/trade/orders", trade, "trade/orders"),
  tradeBalances: member("/trade/balances", trade, "trade/balances"),
  withdrawal: member("/withdrawal", true, "withdrawal/withdrawal"),
  withdrawalHistory: member("/withdrawal/history", { under: "withdrawal" }, "withdrawal/history"),
  profile: member("/account/profile", account, "account/profile"),
  accountOpenings: member("/account/openings", account, "account/account-openings"),
  // R41: applied for from 口座開設状況照会 (申し込む), so not in the menu.
  marginApplication: member("/account/margin-application", false, "account/margin-application"),
  emails: member("/account/emails", account, "account/emails"),
  mailSettings: member("/account/mail-settings", account, "account/mail-settings"),
  bankAccount: member("/account/bank-account", account, "account/bank-account"),
  passkeys: member("/account/passkeys", account, "account/passkeys"),
  executionPassword: member("/account/execution-password", account, "account/execution-password"),
  loginPassword: member("/account/login-password", account, "account/login-password"),
  loginHistory: member("/account/login-history", account, "account/login-history"),
  sessions: member("/account/sessions", account, "account/sessions"),
  tradingStop: member("/account/trading-stop", account, "account/trading-stop"),
  notFound: { path: "*", layout: "public", menu: false, module: "not-found" },
} as const satisfies Record<ScreenKey, ScreenRoute>;

/** `paths.tradeStock` → "/trade/stock", for links. */
export const paths = Object.fromEntries(Object.entries(screenRoutes).map(([key, screen]) => [key, screen.path])) as {
  readonly [K in ScreenKey]: (typeof screenRoutes)[K]["path"];
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
export const memberPaths: readonly string[] = Object.values(screenRoutes)
  .filter((screen: ScreenRoute) => screen.layout === "member")
  .map((screen) => screen.path);
