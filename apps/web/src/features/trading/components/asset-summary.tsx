import type { Balances } from "@kakunin/contracts/trading";
import { DescriptionList } from "@kakunin/ui/description-list";
import type { ReactNode } from "react";
import { formatYen } from "../../../lib/format.ts";
import { pnlText } from "../utils/pnl-text.ts";

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

export interface AssetSummaryProps {
  balances: Balances;
  /** Items the screen adds after 買付余力 from elsewhere (e.g. 出金可能額, お客様コード). */
  extra?: readonly { term: string; detail: ReactNode }[];
}

/**
 * 会員トップ's first answer (R42, issue 17): what the customer has and can do with it —
 * 資産合計, 評価損益 (stocks and 信用建玉; funds carry no cost basis here), 買付余力, then
 * お預り資産 by kind.
 */
export function AssetSummary({ balances, extra = [] }: AssetSummaryProps) {
  const pnl =
    sum(balances.positions.map((p) => p.unrealizedPnl)) + sum(balances.marginPositions.map((p) => p.unrealizedPnl));
  const amount = (value: number) => <span className="kk-amount">{formatYen(value)}</span>;
  return (
    <div className="kk-stack">
      <DescriptionList
        items={[
          { term: "資産合計", detail: amount(balances.totalValuation) },
          { term: "評価損益", detail: <span className="kk-amount">{pnlText(pnl)}</span> },
          { term: "買付余力", detail: amount(balances.buyingPower) },
          ...extra,
        ]}
      />
      <h3>お預り資産の内訳</h3>
      <DescriptionList
        items={[
          { term: "現金", detail: amount(balances.cash) },
          { term: "国内株式（現物）", detail: amount(sum(balances.positions.map((p) => p.marketValue))) },
          { term: "投資信託", detail: amount(sum(balances.fundHoldings.map((f) => f.marketValue))) },
          {
            term: "信用建玉（評価損益）",
            detail: (
              <span className="kk-amount">{pnlText(sum(balances.marginPositions.map((p) => p.unrealizedPnl)))}</span>
            ),
          },
        ]}
      />
    </div>
  );
}
