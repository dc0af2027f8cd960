import type { Balances } from "@kakunin/contracts/trading";
import { DescriptionList } from "@kakunin/ui/description-list";
import type { ReactNode } from "react";
import { formatYen } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { tradingCatalog } from "../i18n.ts";
import { pnlText } from "../utils/pnl-text.ts";

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

export interface AssetSummaryProps {
  balances: Balances;
  /** Items the screen adds after 買付余力 from elsewhere (e.g. 出金可能額, お客様コード), already translated. */
  extra?: readonly { term: string; detail: ReactNode }[];
}

/**
 * 会員トップ's first answer (R42, issue 17): what the customer has and can do with it —
 * 資産合計, 評価損益 (stocks and 信用建玉; funds carry no cost basis here), 買付余力, then
 * お預り資産 by kind.
 */
export function AssetSummary({ balances, extra = [] }: AssetSummaryProps) {
  const { t } = useT(tradingCatalog);
  const pnl =
    sum(balances.positions.map((p) => p.unrealizedPnl)) + sum(balances.marginPositions.map((p) => p.unrealizedPnl));
  const amount = (value: number) => <span className="kk-amount">{formatYen(value)}</span>;
  return (
    <div className="kk-stack">
      <DescriptionList
        items={[
          { term: t("trading.assets.total"), detail: amount(balances.totalValuation) },
          { term: t("trading.term.unrealizedPnl"), detail: <span className="kk-amount">{pnlText(pnl)}</span> },
          { term: t("trading.term.buyingPower"), detail: amount(balances.buyingPower) },
          ...extra,
        ]}
      />
      <h3>{t("trading.assets.breakdown")}</h3>
      <DescriptionList
        items={[
          { term: t("trading.assets.cash"), detail: amount(balances.cash) },
          { term: t("trading.assets.stocks"), detail: amount(sum(balances.positions.map((p) => p.marketValue))) },
          { term: t("trading.assets.funds"), detail: amount(sum(balances.fundHoldings.map((f) => f.marketValue))) },
          {
            term: t("trading.assets.marginPnl"),
            detail: (
              <span className="kk-amount">{pnlText(sum(balances.marginPositions.map((p) => p.unrealizedPnl)))}</span>
            ),
          },
        ]}
      />
    </div>
  );
}
