import type { Balances } from "@kakunin/contracts/trading";
import { DescriptionList } from "@kakunin/ui/description-list";
import { TableRegion } from "@kakunin/ui/table-region";
import { type ReactNode, useId } from "react";
import { formatPrice, formatYen } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { tradingCatalog } from "../i18n.ts";
import { nameWithCode, sharesText, sideLabels, unitsText } from "../utils/order-text.ts";
import { pnlText } from "../utils/pnl-text.ts";

function HoldingsTable({
  title,
  empty,
  headers,
  rows,
}: {
  title: string;
  empty: string;
  headers: readonly { label: string; number?: boolean }[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
}) {
  const headingId = useId();
  return (
    // The table's scroll region is what the heading names; no second region around it.
    <div className="kk-stack">
      <h2 id={headingId}>{title}</h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <TableRegion labelledBy={headingId}>
          <table className="kk-table kk-table--cards">
            <thead>
              <tr>
                {headers.map((header) => (
                  <th key={header.label} scope="col" className={header.number ? "kk-table__number" : undefined}>
                    {header.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, index) => (
                    <td
                      // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed.
                      key={index}
                      data-label={headers[index]?.label}
                      className={headers[index]?.number ? "kk-table__nowrap kk-table__number" : undefined}
                    >
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}

/** 残高照会: 現金残高, 買付余力, 評価額合計 and the three holdings tables. */
export function BalancesView({ balances }: { balances: Balances }) {
  const { t } = useT(tradingCatalog);
  return (
    <div className="kk-stack">
      <DescriptionList
        items={[
          { term: t("trading.balances.cash"), detail: <span className="kk-amount">{formatYen(balances.cash)}</span> },
          {
            term: t("trading.term.buyingPower"),
            detail: <span className="kk-amount">{formatYen(balances.buyingPower)}</span>,
          },
          {
            term: t("trading.balances.totalValuation"),
            detail: <span className="kk-amount">{formatYen(balances.totalValuation)}</span>,
          },
        ]}
      />
      <HoldingsTable
        title={t("trading.balances.stocks")}
        empty={t("trading.balances.noStocks")}
        headers={[
          { label: t("trading.term.instrument") },
          { label: t("trading.term.quantity"), number: true },
          { label: t("trading.balances.averagePrice"), number: true },
          { label: t("trading.term.currentPrice"), number: true },
          { label: t("trading.term.marketValue"), number: true },
          { label: t("trading.term.unrealizedPnl"), number: true },
        ]}
        rows={balances.positions.map((position) => ({
          key: position.code,
          cells: [
            nameWithCode(t, position.name, position.code),
            sharesText(t, position.quantity),
            formatPrice(position.averagePrice),
            formatPrice(position.price),
            formatYen(position.marketValue),
            pnlText(position.unrealizedPnl),
          ],
        }))}
      />
      <HoldingsTable
        title={t("trading.balances.margin")}
        empty={t("trading.balances.noMargin")}
        headers={[
          { label: t("trading.term.instrument") },
          { label: t("trading.term.side") },
          { label: t("trading.term.quantity"), number: true },
          { label: t("trading.balances.openPrice"), number: true },
          { label: t("trading.term.currentPrice"), number: true },
          { label: t("trading.term.unrealizedPnl"), number: true },
          { label: t("trading.balances.requiredMargin"), number: true },
        ]}
        rows={balances.marginPositions.map((position) => ({
          key: position.id,
          cells: [
            nameWithCode(t, position.name, position.code),
            t(sideLabels[position.side]),
            sharesText(t, position.quantity),
            formatPrice(position.openPrice),
            formatPrice(position.price),
            pnlText(position.unrealizedPnl),
            formatYen(position.requiredMargin),
          ],
        }))}
      />
      <HoldingsTable
        title={t("trading.balances.funds")}
        empty={t("trading.balances.noFunds")}
        headers={[
          { label: t("trading.term.fund") },
          { label: t("trading.term.units"), number: true },
          { label: t("trading.term.nav"), number: true },
          { label: t("trading.term.marketValue"), number: true },
        ]}
        rows={balances.fundHoldings.map((holding) => ({
          key: holding.code,
          cells: [holding.name, unitsText(t, holding.units), formatPrice(holding.nav), formatYen(holding.marketValue)],
        }))}
      />
    </div>
  );
}
