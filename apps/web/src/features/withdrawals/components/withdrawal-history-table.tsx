import type { Withdrawal } from "@kakunin/contracts/withdrawals";
import { TableRegion } from "@kakunin/ui/table-region";
import { useId } from "react";
import { MorePages } from "../../../components/more-pages.tsx";
import { QueryStatus } from "../../../components/query-status.tsx";
import { formatJstDateTime, formatYen } from "../../../lib/format.ts";
import { type Translate, useT } from "../../../lib/i18n/use-t.ts";
import { useWithdrawals } from "../api/get-withdrawals.ts";
import { withdrawalsCatalog } from "../i18n.ts";
import { bankAccountText } from "../utils/bank-account-text.ts";
import { WithdrawalStatusBadge } from "./withdrawal-status-badge.tsx";

function HistoryRow({ t, withdrawal }: { t: Translate; withdrawal: Withdrawal }) {
  return (
    <tr>
      <td data-label={t("withdrawals.requestNumber")} className="kk-table__mono kk-table__nowrap">
        {withdrawal.requestNumber}
      </td>
      <td data-label={t("withdrawals.requestedAt")} className="kk-table__nowrap">
        <time dateTime={withdrawal.requestedAt}>{formatJstDateTime(withdrawal.requestedAt)}</time>
      </td>
      <td data-label={t("withdrawals.amount")} className="kk-table__nowrap kk-table__number">
        {formatYen(withdrawal.amount)}
      </td>
      <td data-label={t("withdrawals.destination")}>{bankAccountText(withdrawal, t)}</td>
      <td data-label={t("withdrawals.status")} className="kk-table__nowrap">
        <WithdrawalStatusBadge status={withdrawal.status} />
      </td>
    </tr>
  );
}

/** 出金申込履歴: 受付番号 / 受付日時 (JST) / 出金金額 / 出金先 / 状況, newest first. */
export function WithdrawalHistoryTable() {
  const { t } = useT(withdrawalsCatalog);
  const withdrawals = useWithdrawals();
  const captionId = useId();

  if (!withdrawals.isSuccess) return <QueryStatus query={withdrawals} what={t("withdrawals.history")} />;
  const rows = withdrawals.data.pages.flatMap((page) => page.withdrawals);
  if (rows.length === 0) return <p>{t("withdrawals.history.empty")}</p>;

  return (
    <>
      <TableRegion labelledBy={captionId}>
        <table className="kk-table kk-table--cards">
          <caption id={captionId}>{t("withdrawals.history.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("withdrawals.requestNumber")}</th>
              <th scope="col">{t("withdrawals.requestedAt")}</th>
              <th scope="col" className="kk-table__number">
                {t("withdrawals.amount")}
              </th>
              <th scope="col">{t("withdrawals.destination")}</th>
              <th scope="col">{t("withdrawals.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((withdrawal) => (
              <HistoryRow key={withdrawal.requestNumber} t={t} withdrawal={withdrawal} />
            ))}
          </tbody>
        </table>
      </TableRegion>
      <MorePages query={withdrawals} what={t("withdrawals.history")} />
    </>
  );
}
