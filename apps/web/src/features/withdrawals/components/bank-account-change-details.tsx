import type { BankAccountChangeView } from "@kakunin/contracts/withdrawals";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatJstDateTime } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { withdrawalsCatalog } from "../i18n.ts";
import { bankAccountText } from "../utils/bank-account-text.ts";

const badges: Record<BankAccountChangeView["status"], { className: string; label: string }> = {
  申請中: { className: "kk-badge kk-badge--pending", label: "withdrawals.bankAccountChange.status.pending" },
  承認済: { className: "kk-badge kk-badge--success", label: "withdrawals.bankAccountChange.status.approved" },
  却下: { className: "kk-badge kk-badge--failure", label: "withdrawals.bankAccountChange.status.rejected" },
};

/** A destination change request: its state, when it was made and the new account (masked). */
export function BankAccountChangeDetails({ change }: { change: BankAccountChangeView }) {
  const { t } = useT(withdrawalsCatalog);
  const badge = badges[change.status];
  return (
    <DescriptionList
      items={[
        { term: t("withdrawals.status"), detail: <span className={badge.className}>{t(badge.label)}</span> },
        {
          term: t("withdrawals.bankAccountChange.requestedAt"),
          detail: <time dateTime={change.requestedAt}>{formatJstDateTime(change.requestedAt)}</time>,
        },
        { term: t("withdrawals.bankAccountChange.newAccount"), detail: bankAccountText(change, t) },
      ]}
    />
  );
}
