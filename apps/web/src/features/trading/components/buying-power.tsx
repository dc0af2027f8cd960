import { DescriptionList } from "@kakunin/ui/description-list";
import { formatYen } from "../../../lib/format.ts";
import { useBalances } from "../api/get-balances.ts";

/** 買付余力 on an order's input screen, refreshed with the prices. */
export function BuyingPower() {
  const balances = useBalances();
  const detail = balances.data ? (
    <span className="kk-amount">{formatYen(balances.data.buyingPower)}</span>
  ) : balances.isError ? (
    "表示できませんでした"
  ) : (
    "読み込んでいます…"
  );
  return <DescriptionList items={[{ term: "買付余力", detail }]} />;
}
