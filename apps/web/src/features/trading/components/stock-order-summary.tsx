import { type Instrument, type StockOrderRequest, sideLabels } from "@kakunin/contracts/trading";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatCount, formatPrice, formatYen } from "../../../lib/format.ts";
import { estimateOf, priceTypeLabels, tradeTypeLabels, tradeTypeOf } from "../utils/order-text.ts";

export interface StockOrderSummaryProps {
  /** Exactly what will be sent. */
  request: StockOrderRequest;
  /** The instrument as it was when 注文確認 was pressed (for its name and, for 成行, the price). */
  instrument: Instrument | undefined;
}

/** The 最終申込確認画面's order: 銘柄, 売買, 取引区分, 数量, 執行条件, 価格, 概算金額. */
export function StockOrderSummary({ request, instrument }: StockOrderSummaryProps) {
  const estimate = estimateOf(request, instrument?.price);
  return (
    <DescriptionList
      items={[
        {
          term: "銘柄",
          detail: instrument ? `${instrument.name}（${request.instrumentCode}）` : request.instrumentCode,
        },
        { term: "売買", detail: sideLabels[request.side] },
        { term: "取引区分", detail: tradeTypeLabels[tradeTypeOf(request.account, request.marginAction)] },
        { term: "数量", detail: `${formatCount(request.quantity)}株` },
        { term: "執行条件", detail: priceTypeLabels[request.priceType] },
        {
          term: "価格",
          detail: request.limitPrice === null ? "指定なし（成行）" : formatPrice(request.limitPrice),
        },
        {
          term: "概算金額",
          detail:
            estimate === undefined ? (
              "—"
            ) : (
              <>
                <span className="kk-amount">{formatYen(estimate)}</span>
                {request.priceType === "market" && (
                  <span className="kk-text-sm kk-text-muted">（現在値で計算。手数料等を含みません）</span>
                )}
                {request.priceType === "limit" && (
                  <span className="kk-text-sm kk-text-muted">（手数料等を含みません）</span>
                )}
              </>
            ),
        },
      ]}
    />
  );
}
