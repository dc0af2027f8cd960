import type { BankAccountView, WithdrawalRequest } from "@kakunin/contracts/withdrawals";
import { DescriptionList } from "@kakunin/ui/description-list";
import { formatYen } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n/use-t.ts";
import { withdrawalsCatalog } from "../i18n.ts";
import { bankAccountText } from "../utils/bank-account-text.ts";

export interface WithdrawalSummaryProps {
  /** Exactly what will be sent. */
  request: WithdrawalRequest;
  /** The destination `request.bankAccountId` names, as shown on the input screen. */
  account: BankAccountView;
}

/** The confirmation's 出金金額 and 出金先 (R13: the code mail states the same). */
export function WithdrawalSummary({ request, account }: WithdrawalSummaryProps) {
  const { t } = useT(withdrawalsCatalog);
  return (
    <DescriptionList
      items={[
        { term: t("withdrawals.amount"), detail: <span className="kk-amount">{formatYen(request.amount)}</span> },
        { term: t("withdrawals.destination"), detail: bankAccountText(account, t) },
      ]}
    />
  );
}
