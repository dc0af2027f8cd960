import type { Withdrawal } from "@kakunin/contracts/withdrawals";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatJstDateTime, formatYen } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { withdrawalsCatalog } from "../i18n.ts";
import { bankAccountText } from "../utils/bank-account-text.ts";
import { WithdrawalStatusBadge } from "./withdrawal-status-badge.tsx";

/** The completion's record of the accepted request: 受付番号, amount, destination. */
export function WithdrawalReceipt({ withdrawal }: { withdrawal: Withdrawal }) {
  const { t } = useT(withdrawalsCatalog);
  return (
    <DescriptionList
      items={[
        {
          term: t("withdrawals.requestNumber"),
          detail: <span className="kk-table__mono">{withdrawal.requestNumber}</span>,
        },
        {
          term: t("withdrawals.requestedAt"),
          detail: <time dateTime={withdrawal.requestedAt}>{formatJstDateTime(withdrawal.requestedAt)}</time>,
        },
        { term: t("withdrawals.amount"), detail: <span className="kk-amount">{formatYen(withdrawal.amount)}</span> },
        { term: t("withdrawals.destination"), detail: bankAccountText(withdrawal, t) },
        { term: t("withdrawals.status"), detail: <WithdrawalStatusBadge status={withdrawal.status} /> },
      ]}
    />
  );
}
