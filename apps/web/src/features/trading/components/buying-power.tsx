import { DescriptionList } from "@kakunin/ui/description-list";
import { formatYen } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { useBalances } from "../api/get-balances.ts";
import { tradingCatalog } from "../i18n.ts";

/** 買付余力 on an order's input screen, refreshed with the prices. */
export function BuyingPower() {
  const { t } = useT(tradingCatalog);
  const balances = useBalances();
  const detail = balances.data ? (
    <span className="kk-amount">{formatYen(balances.data.buyingPower)}</span>
  ) : balances.isError ? (
    t("trading.buyingPower.unavailable")
  ) : (
    t("trading.buyingPower.loading")
  );
  return <DescriptionList items={[{ term: t("trading.term.buyingPower"), detail }]} />;
}
