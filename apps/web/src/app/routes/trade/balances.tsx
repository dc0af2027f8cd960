import { QueryStatus } from "../../../components/query-status.tsx";
import { useBalances } from "../../../features/trading/api/get-balances.ts";
import { BalancesView } from "../../../features/trading/components/balances-view.tsx";
import { useT } from "../../../lib/i18n/use-t.ts";
import { tradeRoutesCatalog } from "./i18n.ts";

/** 残高照会 (R18): cash, 買付余力 and holdings at the current prices, refreshed every few seconds. */
function BalancesPage() {
  const { t } = useT(tradeRoutesCatalog);
  const balances = useBalances();
  return balances.data ? (
    <BalancesView balances={balances.data} />
  ) : (
    <QueryStatus query={balances} what={t("tradeRoutes.balances.what")} />
  );
}

export function route() {
  return {
    Component: BalancesPage,
  };
}
