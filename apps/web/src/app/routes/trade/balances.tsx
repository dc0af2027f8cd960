import { QueryStatus } from "../../../components/query-status.tsx";
import { useBalances } from "../../../features/trading/api/get-balances.ts";
import { BalancesView } from "../../../features/trading/components/balances-view.tsx";

/** 残高照会 (R18): cash, 買付余力 and holdings at the current prices, refreshed every few seconds. */
function BalancesPage() {
  const balances = useBalances();
  return balances.data ? <BalancesView balances={balances.data} /> : <QueryStatus query={balances} what="残高" />;
}

export function route() {
  return {
    Component: BalancesPage,
  };
}
