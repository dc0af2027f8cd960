import type { FundOrderRequest, Instrument } from "@kakunin/contracts/trading";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatCount, formatPrice, formatYen } from "../../../lib/format.ts";
import { fundSideLabels } from "../utils/order-text.ts";

/** The 最終申込確認画面 of a fund order: ファンド, 売買, 金額 or 口数, the latest 基準価額. */
export function FundOrderSummary({ request, fund }: { request: FundOrderRequest; fund: Instrument | undefined }) {
  return (
    <DescriptionList
      items={[
        { term: "ファンド", detail: fund ? fund.name : request.fundCode },
        { term: "売買", detail: fundSideLabels[request.side] },
        request.side === "buy"
          ? { term: "金額", detail: <span className="kk-amount">{formatYen(request.amount ?? 0)}</span> }
          : { term: "口数", detail: <span className="kk-amount">{formatCount(request.units ?? 0)}口</span> },
        {
          term: "基準価額（参考）",
          detail: fund ? `${formatPrice(fund.price)}（1万口あたり）` : "—",
        },
      ]}
    />
  );
}
