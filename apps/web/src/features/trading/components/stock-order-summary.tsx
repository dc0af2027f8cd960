import type { Instrument, StockOrderRequest } from "@kakunin/contracts/trading";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatPrice, formatYen } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { tradingCatalog } from "../i18n.ts";
import {
  estimateOf,
  nameWithCode,
  priceTypeLabels,
  sharesText,
  sideLabels,
  tradeTypeLabels,
  tradeTypeOf,
} from "../utils/order-text.ts";

export interface StockOrderSummaryProps {
  /** Exactly what will be sent. */
  request: StockOrderRequest;
  /** The instrument as it was when 注文確認 was pressed (for its name and, for 成行, the price). */
  instrument: Instrument | undefined;
}

/** The 最終申込確認画面's order: 銘柄, 売買, 取引区分, 数量, 執行条件, 価格, 概算金額. */
export function StockOrderSummary({ request, instrument }: StockOrderSummaryProps) {
  const { t } = useT(tradingCatalog);
  const estimate = estimateOf(request, instrument?.price);
  return (
    <DescriptionList
      items={[
        {
          term: t("trading.term.instrument"),
          detail: instrument ? nameWithCode(t, instrument.name, request.instrumentCode) : request.instrumentCode,
        },
        { term: t("trading.term.side"), detail: t(sideLabels[request.side]) },
        {
          term: t("trading.term.tradeType"),
          detail: t(tradeTypeLabels[tradeTypeOf(request.account, request.marginAction)]),
        },
        { term: t("trading.term.quantity"), detail: sharesText(t, request.quantity) },
        { term: t("trading.term.priceType"), detail: t(priceTypeLabels[request.priceType]) },
        {
          term: t("trading.term.price"),
          detail: request.limitPrice === null ? t("trading.stockSummary.noPrice") : formatPrice(request.limitPrice),
        },
        {
          term: t("trading.stockSummary.estimate"),
          detail:
            estimate === undefined ? (
              "—"
            ) : (
              <>
                <span className="kk-amount">{formatYen(estimate)}</span>
                {request.priceType === "market" && (
                  <span className="kk-text-sm kk-text-muted">{t("trading.stockSummary.estimateMarket")}</span>
                )}
                {request.priceType === "limit" && (
                  <span className="kk-text-sm kk-text-muted">{t("trading.stockSummary.estimateLimit")}</span>
                )}
              </>
            ),
        },
      ]}
    />
  );
}
