import type { Withdrawal } from "@kakunin/contracts/withdrawals";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatJstDateTime, formatYen } from "../../../lib/format.ts";
import { bankAccountText } from "../utils/bank-account-text.ts";
import { WithdrawalStatusBadge } from "./withdrawal-status-badge.tsx";

/** The completion's record of the accepted request: 受付番号, amount, destination. */
export function WithdrawalReceipt({ withdrawal }: { withdrawal: Withdrawal }) {
  return (
    <DescriptionList
      items={[
        { term: "受付番号", detail: <span className="kk-table__mono">{withdrawal.requestNumber}</span> },
        {
          term: "受付日時",
          detail: <time dateTime={withdrawal.requestedAt}>{formatJstDateTime(withdrawal.requestedAt)}</time>,
        },
        { term: "出金金額", detail: <span className="kk-amount">{formatYen(withdrawal.amount)}</span> },
        { term: "出金先", detail: bankAccountText(withdrawal) },
        { term: "状況", detail: <WithdrawalStatusBadge status={withdrawal.status} /> },
      ]}
    />
  );
}
