import type { BankAccountChange, BankAccountView } from "@kakunin/contracts/withdrawals";
import { DescriptionList } from "@kakunin/ui/description-list";
import { useT } from "../../../lib/i18n/use-t.ts";
import { withdrawalsCatalog } from "../i18n.ts";
import { accountTypeIds } from "../utils/account-type.ts";
import { bankAccountText } from "../utils/bank-account-text.ts";

export interface BankAccountChangeSummaryProps {
  /** Exactly what will be sent. */
  change: BankAccountChange;
  /** The registered destination now, or null (未登録). */
  current: BankAccountView | null;
}

/** The confirmation: the account now, then the new account as entered (in full: the customer typed it). */
export function BankAccountChangeSummary({ change, current }: BankAccountChangeSummaryProps) {
  const { t } = useT(withdrawalsCatalog);
  return (
    <DescriptionList
      items={[
        {
          term: t("withdrawals.bankAccountChange.currentAccount"),
          detail: current ? bankAccountText(current, t) : t("withdrawals.notRegistered"),
        },
        { term: t("withdrawals.bankAccount.bankName"), detail: change.bankName },
        { term: t("withdrawals.bankAccount.branchName"), detail: change.branchName },
        { term: t("withdrawals.bankAccount.accountType"), detail: t(accountTypeIds[change.accountType]) },
        { term: t("withdrawals.bankAccount.accountNumber"), detail: change.accountNumber },
        { term: t("withdrawals.bankAccount.holderKana"), detail: change.holderKana },
      ]}
    />
  );
}
