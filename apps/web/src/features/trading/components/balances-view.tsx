import { type Balances, sideLabels } from "@kakunin/contracts/trading";
import { DescriptionList } from "@kakunin/ui/description-list";
import { TableRegion } from "@kakunin/ui/table-region";
import { type ReactNode, useId } from "react";
import { formatCount, formatPrice, formatYen } from "../../../lib/format.ts";
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
  return (
    <div className="kk-stack">
      <DescriptionList
        items={[
          { term: "現金残高", detail: <span className="kk-amount">{formatYen(balances.cash)}</span> },
          { term: "買付余力", detail: <span className="kk-amount">{formatYen(balances.buyingPower)}</span> },
          { term: "評価額合計", detail: <span className="kk-amount">{formatYen(balances.totalValuation)}</span> },
        ]}
      />
      <HoldingsTable
        title="保有株式"
        empty="保有株式はありません。"
        headers={[
          { label: "銘柄" },
          { label: "数量", number: true },
          { label: "平均取得単価", number: true },
          { label: "現在値", number: true },
          { label: "評価額", number: true },
          { label: "評価損益", number: true },
        ]}
        rows={balances.positions.map((position) => ({
          key: position.code,
          cells: [
            `${position.name}（${position.code}）`,
            `${formatCount(position.quantity)}株`,
            formatPrice(position.averagePrice),
            formatPrice(position.price),
            formatYen(position.marketValue),
            pnlText(position.unrealizedPnl),
          ],
        }))}
      />
      <HoldingsTable
        title="信用建玉"
        empty="信用建玉はありません。"
        headers={[
          { label: "銘柄" },
          { label: "売買" },
          { label: "数量", number: true },
          { label: "建単価", number: true },
          { label: "現在値", number: true },
          { label: "評価損益", number: true },
          { label: "必要保証金", number: true },
        ]}
        rows={balances.marginPositions.map((position) => ({
          key: position.id,
          cells: [
            `${position.name}（${position.code}）`,
            sideLabels[position.side],
            `${formatCount(position.quantity)}株`,
            formatPrice(position.openPrice),
            formatPrice(position.price),
            pnlText(position.unrealizedPnl),
            formatYen(position.requiredMargin),
          ],
        }))}
      />
      <HoldingsTable
        title="投資信託"
        empty="保有している投資信託はありません。"
        headers={[
          { label: "ファンド" },
          { label: "口数", number: true },
          { label: "基準価額", number: true },
          { label: "評価額", number: true },
        ]}
        rows={balances.fundHoldings.map((holding) => ({
          key: holding.code,
          cells: [
            holding.name,
            `${formatCount(holding.units)}口`,
            formatPrice(holding.nav),
            formatYen(holding.marketValue),
          ],
        }))}
      />
    </div>
  );
}
