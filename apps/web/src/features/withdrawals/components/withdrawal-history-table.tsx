import type { Withdrawal } from "@kakunin/contracts/withdrawals";
import { TableRegion } from "@kakunin/ui/table-region";
import { useId } from "react";
import { MorePages } from "../../../components/more-pages.tsx";
import { QueryStatus } from "../../../components/query-status.tsx";
import { formatJstDateTime, formatYen } from "../../../lib/format.ts";
import { useWithdrawals } from "../api/get-withdrawals.ts";
import { bankAccountText } from "../utils/bank-account-text.ts";
import { WithdrawalStatusBadge } from "./withdrawal-status-badge.tsx";

function HistoryRow({ withdrawal }: { withdrawal: Withdrawal }) {
  return (
    <tr>
      <td data-label="受付番号" className="kk-table__mono kk-table__nowrap">
        {withdrawal.requestNumber}
      </td>
      <td data-label="受付日時" className="kk-table__nowrap">
        <time dateTime={withdrawal.requestedAt}>{formatJstDateTime(withdrawal.requestedAt)}</time>
      </td>
      <td data-label="出金金額" className="kk-table__nowrap kk-table__number">
        {formatYen(withdrawal.amount)}
      </td>
      <td data-label="出金先">{bankAccountText(withdrawal)}</td>
      <td data-label="状況" className="kk-table__nowrap">
        <WithdrawalStatusBadge status={withdrawal.status} />
      </td>
    </tr>
  );
}

/** 出金申込履歴: 受付番号 / 受付日時 (JST) / 出金金額 / 出金先 / 状況, newest first. */
export function WithdrawalHistoryTable() {
  const withdrawals = useWithdrawals();
  const captionId = useId();

  if (!withdrawals.isSuccess) return <QueryStatus query={withdrawals} what="出金申込履歴" />;
  const rows = withdrawals.data.pages.flatMap((page) => page.withdrawals);
  if (rows.length === 0) return <p>出金のお申込みはありません。</p>;

  return (
    <>
      <TableRegion labelledBy={captionId}>
        <table className="kk-table kk-table--cards">
          <caption id={captionId}>出金のお申込み（日時は日本時間）</caption>
          <thead>
            <tr>
              <th scope="col">受付番号</th>
              <th scope="col">受付日時</th>
              <th scope="col" className="kk-table__number">
                出金金額
              </th>
              <th scope="col">出金先</th>
              <th scope="col">状況</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((withdrawal) => (
              <HistoryRow key={withdrawal.requestNumber} withdrawal={withdrawal} />
            ))}
          </tbody>
        </table>
      </TableRegion>
      <MorePages query={withdrawals} what="出金申込履歴" />
    </>
  );
}
