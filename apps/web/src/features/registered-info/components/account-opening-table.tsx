import type { AccountOpening } from "@kakunin/contracts/registered-info";
import { TableRegion } from "@kakunin/ui/table-region";
import { type ReactNode, useId } from "react";
import { formatCalendarDate } from "../../../lib/format.ts";

function DateCell({ label, date }: { label: string; date: string | null }) {
  if (!date) {
    return (
      <td data-label={label}>
        <span aria-hidden="true">—</span>
        <span className="kk-visually-hidden">なし</span>
      </td>
    );
  }
  return (
    <td data-label={label} className="kk-table__nowrap">
      <time dateTime={date}>{formatCalendarDate(date)}</time>
    </td>
  );
}

const statusBadge: Record<AccountOpening["status"], string> = {
  開設済: "kk-badge kk-badge--success",
  審査中: "kk-badge kk-badge--pending",
  未開設: "kk-badge kk-badge--neutral",
};

/**
 * 口座開設状況照会: each kind of account and where its application stands. `action` adds what
 * the customer can do beside a status (e.g. 申し込む for a 信用取引口座 that is 未開設).
 */
export function AccountOpeningTable({
  accounts,
  action,
}: {
  accounts: readonly AccountOpening[];
  action?: (account: AccountOpening) => ReactNode;
}) {
  const captionId = useId();
  if (accounts.length === 0) return <p>口座開設のお申込みはありません。</p>;
  return (
    <TableRegion labelledBy={captionId}>
      <table className="kk-table kk-table--cards">
        <caption id={captionId}>口座開設状況</caption>
        <thead>
          <tr>
            <th scope="col">口座種別</th>
            <th scope="col">状況</th>
            <th scope="col">申込日</th>
            <th scope="col">開設日</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.kind}>
              <th scope="row">{account.kind}</th>
              <td data-label="状況">
                {/* One span: on a phone's card the status and its action stay together, opposite the label. */}
                <span>
                  <span className={statusBadge[account.status]}>{account.status}</span>
                  {action?.(account)}
                </span>
              </td>
              <DateCell label="申込日" date={account.appliedOn} />
              <DateCell label="開設日" date={account.openedOn} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
