import type { FundOrderRequest, Instrument } from "@kakunin/contracts/trading";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatPrice, formatYen } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { tradingCatalog } from "../i18n.ts";
import { fundSideLabels, unitsText } from "../utils/order-text.ts";

/** The 最終申込確認画面 of a fund order: ファンド, 売買, 金額 or 口数, the latest 基準価額. */
export function FundOrderSummary({ request, fund }: { request: FundOrderRequest; fund: Instrument | undefined }) {
  const { t } = useT(tradingCatalog);
  return (
    <DescriptionList
      items={[
        { term: t("trading.term.fund"), detail: fund ? fund.name : request.fundCode },
        { term: t("trading.term.side"), detail: t(fundSideLabels[request.side]) },
        request.side === "buy"
          ? {
              term: t("trading.term.amount"),
              detail: <span className="kk-amount">{formatYen(request.amount ?? 0)}</span>,
            }
          : {
              term: t("trading.term.units"),
              detail: <span className="kk-amount">{unitsText(t, request.units ?? 0)}</span>,
            },
        {
          term: t("trading.fundSummary.nav"),
          detail: fund ? t("trading.fundSummary.navPer10000", { price: formatPrice(fund.price) }) : "—",
        },
      ]}
    />
  );
}
