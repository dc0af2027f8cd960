import type { QueryClient } from "@tanstack/react-query";
import type { RouteObject } from "react-router";
import { AppLoading } from "./app-loading.tsx";
import { paths } from "./paths.ts";
import { RouteError, RouteErrorPanel } from "./route-error.tsx";

/**
 * Every screen is a lazy module (its own chunk), so each route's initial JS is only
 * what it needs. Each module exports a factory for its route properties; those with
 * loaders take the QueryClient.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: "root",
      ErrorBoundary: RouteError,
      HydrateFallback: AppLoading,
      children: [
        {
          path: paths.login,
          lazy: () => import("./routes/login.tsx").then((m) => m.loginRoute(queryClient)),
        },
        {
          id: "member",
          lazy: () => import("./routes/app-layout.tsx").then((m) => m.appLayoutRoute(queryClient)),
          children: [
            {
              index: true,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/member-top.tsx").then((m) => m.memberTopRoute()),
            },
            {
              path: paths.tradeStock,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/trade/stock-order.tsx").then((m) => m.stockOrderRoute()),
            },
            {
              path: paths.tradeFund,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/trade/fund-order.tsx").then((m) => m.fundOrderRoute()),
            },
            {
              path: paths.tradeOrders,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/trade/orders.tsx").then((m) => m.ordersRoute()),
            },
            {
              path: paths.tradeBalances,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/trade/balances.tsx").then((m) => m.balancesRoute()),
            },
            {
              path: paths.withdrawal,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/withdrawal/withdrawal.tsx").then((m) => m.withdrawalRoute()),
            },
            {
              path: paths.withdrawalHistory,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/withdrawal/history.tsx").then((m) => m.withdrawalHistoryRoute()),
            },
            {
              path: paths.profile,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/account/profile.tsx").then((m) => m.profileRoute()),
            },
            {
              path: paths.accountOpenings,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/account/account-openings.tsx").then((m) => m.accountOpeningsRoute()),
            },
            {
              path: paths.marginApplication,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/account/margin-application.tsx").then((m) => m.marginApplicationRoute()),
            },
            {
              path: paths.emails,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/account/emails.tsx").then((m) => m.emailsRoute()),
            },
            {
              path: paths.mailSettings,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/account/mail-settings.tsx").then((m) => m.mailSettingsRoute()),
            },
            {
              path: paths.bankAccount,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/account/bank-account.tsx").then((m) => m.bankAccountRoute()),
            },
            {
              path: paths.executionPassword,
              ErrorBoundary: RouteErrorPanel,
              lazy: () =>
                import("./routes/account/execution-password.tsx").then((m) => m.executionPasswordRoute(queryClient)),
            },
            {
              path: paths.loginPassword,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/account/login-password.tsx").then((m) => m.loginPasswordRoute()),
            },
            {
              path: paths.loginHistory,
              ErrorBoundary: RouteErrorPanel,
              lazy: () => import("./routes/account/login-history.tsx").then((m) => m.loginHistoryRoute()),
            },
          ],
        },
        {
          path: "*",
          lazy: () => import("./routes/not-found.tsx").then((m) => m.notFoundRoute()),
        },
      ],
    },
  ];
}
