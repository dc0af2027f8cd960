import type { WithdrawalOverview } from "@kakunin/contracts/withdrawals";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatYen } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { withdrawalsCatalog } from "../i18n.ts";
import { bankAccountText } from "../utils/bank-account-text.ts";
import { PendingBankAccountChangeNote } from "./pending-bank-account-change-note.tsx";

/** 出金可能額 and 出金先口座 above the amount, with any destination change still 申請中. */
export function WithdrawalOverviewDetails({ overview }: { overview: WithdrawalOverview }) {
  const { t } = useT(withdrawalsCatalog);
  return (
    <div className="kk-stack">
      <DescriptionList
        items={[
          {
            term: t("withdrawals.withdrawable"),
            detail: <span className="kk-amount">{formatYen(overview.withdrawable)}</span>,
          },
          {
            term: t("withdrawals.bankAccount"),
            detail: overview.bankAccount ? bankAccountText(overview.bankAccount, t) : t("withdrawals.notRegistered"),
          },
        ]}
      />
      {overview.pendingBankAccountChange?.status === "申請中" && (
        <PendingBankAccountChangeNote change={overview.pendingBankAccountChange} />
      )}
    </div>
  );
}
