export const paths = {
  home: "/",
  login: "/login",
  tradeStock: "/trade/stock",
  tradeFund: "/trade/fund",
  tradeOrders: "/trade/orders",
  tradeBalances: "/trade/balances",
  withdrawal: "/withdrawal",
  withdrawalHistory: "/withdrawal/history",
  profile: "/account/profile",
  accountOpenings: "/account/openings",
  marginApplication: "/account/margin-application",
  emails: "/account/emails",
  mailSettings: "/account/mail-settings",
  bankAccount: "/account/bank-account",
  executionPassword: "/account/execution-password",
  loginPassword: "/account/login-password",
  loginHistory: "/account/login-history",
} as const;

/** Why the login screen is shown; each maps to a message there. */
export type LoginReason = "session_expired" | "unauthenticated" | "logged_out";

export function loginPath(reason?: LoginReason): string {
  return reason ? `${paths.login}?reason=${reason}` : paths.login;
}
